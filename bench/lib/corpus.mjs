// The benchmark corpus: the sample reports, concatenated over and over with
// their numbers varied, so no two copies are the same text (a detector that
// cached by content would otherwise look faster than it is).
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { ROOT_DIR } from './build-entry.mjs';

export const SAMPLES_DIR = path.join(ROOT_DIR, 'samples');
const encoder = new TextEncoder();

/** UTF-8 size of a string in bytes: the size the benchmark reports, as a file on disk would have. */
export function measureBytes(text) {
  return encoder.encode(text).length;
}

/** The sample reports as `{name, text}`, byte-order marks removed, sorted by name. */
export function readSampleReports(directory = SAMPLES_DIR) {
  return readdirSync(directory)
    .filter((file) => file.endsWith('.txt'))
    .sort()
    .map((file) => {
      const text = readFileSync(path.join(directory, file), 'utf8');
      return { name: file.slice(0, -4), text: text.charCodeAt(0) === 0xfeff ? text.slice(1) : text };
    });
}

/** A small deterministic generator (mulberry32), so every run builds the same corpus. */
export function createRandom(seed) {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** Replaces each run of digits with another of the same length (keeping a leading non-zero digit non-zero). */
function varyNumbers(text, random) {
  return text.replace(/\d+/g, (digits) => {
    let out = '';
    for (let i = 0; i < digits.length; i++) {
      const low = i === 0 && digits.length > 1 ? 1 : 0;
      out += String(low + Math.floor(random() * (10 - low)));
    }
    return out;
  });
}

/**
 * Builds a corpus of at least `minBytes` UTF-8 bytes from the reports, each
 * copy with its numbers varied, separated by blank lines. Returns the text,
 * its size, and the copies one by one (`parts`).
 */
export function buildCorpus(reports, minBytes, seed = 20240516) {
  if (reports.length === 0) throw new Error('no sample reports to build a corpus from');
  const random = createRandom(seed);
  const parts = [];
  let bytes = 0;
  for (let i = 0; bytes < minBytes; i++) {
    const part = varyNumbers(reports[i % reports.length].text, random);
    parts.push(part);
    bytes += measureBytes(part) + 2;
  }
  const text = parts.join('\n\n');
  return { text, bytes: measureBytes(text), documents: parts.length, parts };
}

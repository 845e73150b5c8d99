/**
 * Gold files and scoring, by the rules of the annotation guide
 * (`ANNOTATION-GUIDE.md`, "Gold files" and "How detections are scored"), so
 * the tests can hold the detectors to the same bar as the team's scorer
 * without running the CLI.
 *
 * A gold item names its span either by `text` (plus a 1-based `occurrence`,
 * counted as plain substring matches) or by `start`/`end` in code points.
 * Each gold item is matched to at most one detection of its kind, taking the
 * unused qualifying detection that overlaps it most; optional items absorb a
 * match without counting either way.
 */
import { readFileSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { parse } from 'yaml';
import type { DetectionKind } from '../../src/core/model';

export const KINDS: readonly DetectionKind[] = ['metric', 'quote', 'recommendation'];

/** The YAML key that lists each kind. */
const GOLD_KEYS: Readonly<Record<DetectionKind, string>> = {
  metric: 'metrics',
  quote: 'quotes',
  recommendation: 'recommendations',
};

/** One labelled item, resolved to code-point offsets in its document. */
export interface GoldItem {
  readonly kind: DetectionKind;
  readonly start: number;
  readonly end: number;
  readonly text: string;
  /** Acceptable speaker names for a quote; null when the text names no speaker (or for other kinds). */
  readonly speaker: readonly string[] | null;
  readonly optional: boolean;
}

/** What a gold file yields: the items that resolved, and a line for each that did not. */
export interface GoldParse {
  readonly items: readonly GoldItem[];
  readonly problems: readonly string[];
}

/** The least a detection must carry to be scored. */
export interface ScoredDetection {
  readonly kind: DetectionKind;
  readonly start: number;
  readonly end: number;
  readonly text: string;
  readonly speaker?: string | null;
}

export interface KindCounts {
  tp: number;
  fp: number;
  fn: number;
}

/** The raw counts for one document (or several, once combined). */
export interface Score {
  readonly counts: Record<DetectionKind, KindCounts>;
  /** Matched, non-optional quotes whose gold speaker is given, and how many of those the detector named right. */
  readonly speakers: { right: number; total: number; gold: number };
  /** Detections whose `text` is not the text at `start..end`. */
  offsetErrors: number;
  /** Human-readable lines for misses, spurious detections and wrong speakers. */
  readonly notes: string[];
}

export interface KindFigures {
  readonly precision: number;
  readonly recall: number;
  readonly f1: number;
}

export interface Figures {
  readonly metric: KindFigures;
  readonly quote: KindFigures;
  readonly recommendation: KindFigures;
  readonly speakerAccuracy: number;
  readonly offsetErrors: number;
}

/** One sample report and its gold labels. */
export interface Sample {
  readonly name: string;
  readonly text: string;
  readonly gold: GoldParse;
}

/** Titles dropped before speaker names are compared (the guide's list, plus their close kin). */
const TITLES = new Set(['ms', 'mr', 'mrs', 'miss', 'mx', 'dr', 'cllr', 'councillor', 'sir', 'dame', 'prof', 'professor', 'lord', 'lady', 'the']);

/** The lower-case words of a name, without punctuation or titles. */
function toNameTokens(name: string): string[] {
  return name
    .toLowerCase()
    .replace(/[^\p{L}\p{N}\s'’-]/gu, ' ')
    .split(/\s+/)
    .filter((token) => token !== '' && !TITLES.has(token));
}

/**
 * Whether a detected speaker is one of the accepted names: equal once titles
 * are dropped, or sharing the surname of a name given in more than one word
 * (`Ms Tomsett` for `Emmy Tomsett`).
 */
export function matchSpeaker(found: string | null | undefined, accepted: readonly string[]): boolean {
  if (!found) return false;
  const foundTokens = toNameTokens(found);
  if (foundTokens.length === 0) return false;
  return accepted.some((name) => {
    const goldTokens = toNameTokens(name);
    if (goldTokens.length === 0) return false;
    if (foundTokens.join(' ') === goldTokens.join(' ')) return true;
    return goldTokens.length > 1 && foundTokens[foundTokens.length - 1] === goldTokens[goldTokens.length - 1];
  });
}

const overlapOf = (a: { start: number; end: number }, b: { start: number; end: number }): number =>
  Math.max(0, Math.min(a.end, b.end) - Math.max(a.start, b.start));
const lengthOf = (a: { start: number; end: number }): number => a.end - a.start;

/** The guide's rule for when a detection counts as finding a gold item of the same kind. */
export function matchesGold(kind: DetectionKind, found: { start: number; end: number }, gold: { start: number; end: number }): boolean {
  const overlap = overlapOf(found, gold);
  switch (kind) {
    case 'metric': {
      const contains = found.start <= gold.start && found.end >= gold.end && lengthOf(found) <= lengthOf(gold) + 60;
      const inside = found.start >= gold.start && found.end <= gold.end && lengthOf(found) * 2 >= lengthOf(gold);
      return contains || inside;
    }
    case 'quote':
      return overlap >= 0.8 * lengthOf(gold) && overlap >= 0.8 * lengthOf(found);
    case 'recommendation':
      return overlap >= 0.5 * Math.max(lengthOf(found), lengthOf(gold));
  }
}

/** Code-point span of the `occurrence`-th (1-based) plain substring match of `needle`, or null. */
function locateText(document: string, needle: string, occurrence: number): { start: number; end: number } | null {
  let at = -1;
  for (let n = 0; n < occurrence; n++) {
    at = document.indexOf(needle, at + 1);
    if (at < 0) return null;
  }
  const start = Array.from(document.slice(0, at)).length;
  return { start, end: start + Array.from(needle).length };
}

/** Reads one YAML entry into a gold item, or says why it cannot be placed. */
function resolveItem(kind: DetectionKind, entry: unknown, document: string, points: readonly string[]): GoldItem | string {
  if (typeof entry !== 'object' || entry === null) return `${kind}: entry is not a mapping: ${JSON.stringify(entry)}`;
  const raw = entry as Record<string, unknown>;
  const optional = raw.optional === true;
  const speaker = Array.isArray(raw.speaker) ? raw.speaker.map(String) : null;
  if (Number.isInteger(raw.start) && Number.isInteger(raw.end)) {
    const start = raw.start as number;
    const end = raw.end as number;
    if (start < 0 || end > points.length || start >= end) return `${kind}: span ${start}-${end} is outside the text`;
    return { kind, start, end, text: points.slice(start, end).join(''), speaker, optional };
  }
  if (typeof raw.text !== 'string' || raw.text === '') return `${kind}: entry has neither text nor start/end`;
  const occurrence = raw.occurrence === undefined ? 1 : Number(raw.occurrence);
  if (!Number.isInteger(occurrence) || occurrence < 1) return `${kind}: bad occurrence ${String(raw.occurrence)} for ${raw.text}`;
  const span = locateText(document, raw.text, occurrence);
  if (!span) return `${kind}: text not found (occurrence ${occurrence}): ${raw.text}`;
  return { kind, ...span, text: raw.text, speaker, optional };
}

/**
 * Parses a gold file against its document. Items that cannot be placed (text
 * not found, span outside the text) are reported in `problems`, not thrown,
 * so a test can list them all.
 */
export function parseGold(yamlText: string, document: string): GoldParse {
  const problems: string[] = [];
  let data: unknown;
  try {
    data = parse(yamlText) ?? {};
  } catch (error) {
    return { items: [], problems: [`not YAML: ${(error as Error).message}`] };
  }
  if (typeof data !== 'object' || data === null || Array.isArray(data)) return { items: [], problems: ['the top level is not a mapping'] };
  const record = data as Record<string, unknown>;
  const points = Array.from(document);
  const items: GoldItem[] = [];
  for (const key of Object.keys(record)) {
    if (!Object.values(GOLD_KEYS).includes(key)) problems.push(`unknown key: ${key}`);
  }
  for (const kind of KINDS) {
    const list = record[GOLD_KEYS[kind]] ?? [];
    if (!Array.isArray(list)) {
      problems.push(`${GOLD_KEYS[kind]} is not a list`);
      continue;
    }
    for (const entry of list) {
      const item = resolveItem(kind, entry, document, points);
      if (typeof item === 'string') problems.push(item);
      else items.push(item);
    }
  }
  return { items, problems };
}

/** An empty score, to add documents into. */
export function createScore(): Score {
  return {
    counts: { metric: { tp: 0, fp: 0, fn: 0 }, quote: { tp: 0, fp: 0, fn: 0 }, recommendation: { tp: 0, fp: 0, fn: 0 } },
    speakers: { right: 0, total: 0, gold: 0 },
    offsetErrors: 0,
    notes: [],
  };
}

const clip = (text: string): string => JSON.stringify(text.length > 90 ? `${text.slice(0, 87)}...` : text);

/**
 * Scores the detections for one document against its gold items, as the
 * guide describes: per kind, each gold item in file order takes the unused
 * qualifying detection with the largest overlap.
 */
export function scoreDocument(document: string, items: readonly GoldItem[], detections: readonly ScoredDetection[]): Score {
  const score = createScore();
  const points = Array.from(document);
  for (const found of detections) {
    if (points.slice(found.start, found.end).join('') !== found.text) {
      score.offsetErrors++;
      score.notes.push(`offset error ${found.kind} ${found.start}-${found.end}: ${clip(found.text)}`);
    }
  }
  for (const kind of KINDS) {
    const candidates = detections.filter((found) => found.kind === kind);
    const used = new Set<number>();
    const counts = score.counts[kind];
    for (const gold of items.filter((item) => item.kind === kind)) {
      const speakerGiven = kind === 'quote' && gold.speaker !== null && gold.speaker.length > 0;
      if (speakerGiven && !gold.optional) score.speakers.gold++;
      let best = -1;
      let bestOverlap = -1;
      candidates.forEach((found, index) => {
        if (used.has(index) || !matchesGold(kind, found, gold)) return;
        const overlap = overlapOf(found, gold);
        if (overlap > bestOverlap) {
          best = index;
          bestOverlap = overlap;
        }
      });
      if (best < 0) {
        if (!gold.optional) {
          counts.fn++;
          score.notes.push(`missed ${kind}: ${clip(gold.text)}`);
        }
        continue;
      }
      used.add(best);
      if (gold.optional) continue;
      counts.tp++;
      if (speakerGiven) {
        score.speakers.total++;
        const said = candidates[best].speaker;
        if (matchSpeaker(said, gold.speaker ?? [])) score.speakers.right++;
        else score.notes.push(`speaker ${JSON.stringify(said ?? null)}, want ${gold.speaker?.join(' | ')}: ${clip(gold.text)}`);
      }
    }
    candidates.forEach((found, index) => {
      if (used.has(index)) return;
      counts.fp++;
      score.notes.push(`spurious ${kind}: ${clip(found.text)}`);
    });
  }
  return score;
}

/** Adds `part` into `total` (notes included) and returns `total`. */
export function addScore(total: Score, part: Score): Score {
  for (const kind of KINDS) {
    total.counts[kind].tp += part.counts[kind].tp;
    total.counts[kind].fp += part.counts[kind].fp;
    total.counts[kind].fn += part.counts[kind].fn;
  }
  total.speakers.right += part.speakers.right;
  total.speakers.total += part.speakers.total;
  total.speakers.gold += part.speakers.gold;
  total.offsetErrors += part.offsetErrors;
  total.notes.push(...part.notes);
  return total;
}

/** Precision, recall and F1 from counts; an empty side counts as perfect, as in the team's scorer. */
export function computeFigures(counts: KindCounts): KindFigures {
  const precision = counts.tp + counts.fp === 0 ? 1 : counts.tp / (counts.tp + counts.fp);
  const recall = counts.tp + counts.fn === 0 ? 1 : counts.tp / (counts.tp + counts.fn);
  const f1 = precision + recall === 0 ? 0 : (2 * precision * recall) / (precision + recall);
  return { precision, recall, f1 };
}

/**
 * The headline figures for a score. Speaker accuracy is over matched quotes
 * with a gold speaker; it is 0 when gold quotes name speakers but none was
 * matched, and 1 when no gold quote names one.
 */
export function summariseScore(score: Score): Figures {
  const { right, total, gold } = score.speakers;
  return {
    metric: computeFigures(score.counts.metric),
    quote: computeFigures(score.counts.quote),
    recommendation: computeFigures(score.counts.recommendation),
    speakerAccuracy: total > 0 ? right / total : gold > 0 ? 0 : 1,
    offsetErrors: score.offsetErrors,
  };
}

/** Removes a leading byte-order mark: gold offsets never count it. */
function stripLeadingBom(text: string): string {
  return text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
}

/** Every `NAME.txt` in `directory` that has a `NAME.gold.yaml` beside it, sorted by name. */
export function readSamples(directory: string): Sample[] {
  return readdirSync(directory)
    .filter((file) => file.endsWith('.txt'))
    .sort()
    .flatMap((file) => {
      const name = file.slice(0, -'.txt'.length);
      let yamlText: string;
      try {
        yamlText = readFileSync(path.join(directory, `${name}.gold.yaml`), 'utf8');
      } catch {
        return [];
      }
      const text = stripLeadingBom(readFileSync(path.join(directory, file), 'utf8'));
      return [{ name, text, gold: parseGold(yamlText, text) }];
    });
}

import * as assert from 'node:assert/strict';
import fc from 'fast-check';
import { detect, type ScannerSet } from '../../../src/core/detect/detect';
import { IncrementalDetector, type TextChange } from '../../../src/core/detect/incremental';
import type { LocalDetection, ParagraphScanner } from '../../../src/core/detect/scanner';
import { OffsetMap } from '../../../src/core/text/code-points';

/**
 * Toy scanners with the same contract as the real ones, chosen so that
 * cross-paragraph state matters: the incremental result must equal a full
 * scan whatever the edit.
 */
const digits: ParagraphScanner<null> = {
  initialState: null,
  scan(paragraph, state) {
    const detections: LocalDetection[] = [];
    for (const match of paragraph.matchAll(/\d+/g)) {
      detections.push({
        kind: 'metric', start: match.index, end: match.index + match[0].length, metricKind: 'count',
        value: Number(match[0]), unit: '', period: null, comparison: null, comparisonValue: null, direction: null,
      });
    }
    return { detections, state };
  },
  sameState: () => true,
};

/** Quotes "…" get the speaker last introduced with @name, in this or any earlier paragraph. */
const speakers: ParagraphScanner<string | null> = {
  initialState: null,
  scan(paragraph, state) {
    const detections: LocalDetection[] = [];
    let speaker = state;
    for (const match of paragraph.matchAll(/@(\w+)|"([^"]*)"/g)) {
      if (match[1] !== undefined) speaker = match[1];
      else if (match[2]) detections.push({ kind: 'quote', start: match.index + 1, end: match.index + 1 + match[2].length, speaker, attribution: 'previous-paragraph' });
    }
    return { detections, state: speaker };
  },
  sameState: (a, b) => a === b,
};

/** Paragraphs starting "- " count while a "##" heading paragraph is in force. */
const lists: ParagraphScanner<boolean> = {
  initialState: false,
  scan(paragraph, inList) {
    if (paragraph.startsWith('##')) return { detections: [], state: true };
    if (paragraph.startsWith('- ')) {
      return { detections: inList ? [{ kind: 'recommendation', start: 2, end: paragraph.length, cue: 'list' }] : [], state: inList };
    }
    return { detections: [], state: false };
  },
  sameState: (a, b) => a === b,
};

const toyScanners = { metric: digits, quote: speakers, recommendation: lists } as unknown as ScannerSet;

const pieces = ['a', 'bc ', ' ', '\n', '\r\n', '\n\n', '\n \n', '7', '42', '"', 'say "hi"', '@bob ', '@ann ', '##', '- ', '- item', '😀', '\t', '\u00a0', '\r'];
const arbitraryText = fc.array(fc.constantFrom(...pieces), { maxLength: 40 }).map((parts) => parts.join(''));

/** An edit expressed in code points (so it never splits a surrogate pair), turned into UTF-16 for the detector. */
const arbitraryEdit = fc.record({ a: fc.nat(), b: fc.nat(), insert: arbitraryText });

function applyEdit(text: string, edit: { a: number; b: number; insert: string }): { change: TextChange; next: string } {
  const map = new OffsetMap(text);
  const length = map.codePointLength;
  const from = map.toUtf16(Math.min(edit.a, edit.b) % (length + 1));
  const to = map.toUtf16(Math.min(Math.max(edit.a, edit.b) % (length + 1) + (edit.b % 3), length));
  const start = Math.min(from, to);
  const end = Math.max(from, to);
  return { change: { start, end, text: edit.insert }, next: text.slice(0, start) + edit.insert + text.slice(end) };
}

describe('detect/incremental', () => {
  describe('IncrementalDetector', () => {
    it('matches a full scan after any sequence of edits', () => {
      fc.assert(
        fc.property(arbitraryText, fc.array(arbitraryEdit, { maxLength: 8 }), (initial, edits) => {
          const detector = new IncrementalDetector(initial, { scanners: toyScanners });
          let text = initial;
          for (const edit of edits) {
            const { change, next } = applyEdit(text, edit);
            detector.applyChanges([change]);
            text = next;
            assert.equal(detector.text, text);
            assert.equal(detector.length, text.length);
            assert.deepEqual(detector.detections, detect(text, { scanners: toyScanners }));
          }
        }),
        { numRuns: 400 },
      );
    });

    it('applies the several changes of one event, given in any order', () => {
      fc.assert(
        fc.property(arbitraryText, fc.array(fc.tuple(fc.nat(), fc.constantFrom('x', '\n\n', '"q"', '')), { maxLength: 4 }), (initial, inserts) => {
          // Non-overlapping insertions at distinct offsets, all relative to the original text.
          const offsets = [...new Set(inserts.map(([at]) => new OffsetMap(initial).toUtf16(at % (new OffsetMap(initial).codePointLength + 1))))];
          const changes = offsets.map((at, i) => ({ start: at, end: at, text: inserts[i]?.[1] ?? '' }));
          let expected = initial;
          for (const change of [...changes].sort((a, b) => b.start - a.start)) {
            expected = expected.slice(0, change.start) + change.text + expected.slice(change.end);
          }
          const detector = new IncrementalDetector(initial, { scanners: toyScanners });
          detector.applyChanges(changes);
          assert.equal(detector.text, expected);
          assert.deepEqual(detector.detections, detect(expected, { scanners: toyScanners }));
        }),
        { numRuns: 300 },
      );
    });

    it('keeps counts equal to the detections it holds', () => {
      fc.assert(
        fc.property(arbitraryText, fc.array(arbitraryEdit, { maxLength: 6 }), (initial, edits) => {
          const detector = new IncrementalDetector(initial, { scanners: toyScanners });
          let text = initial;
          for (const edit of edits) {
            const { change, next } = applyEdit(text, edit);
            detector.applyChanges([change]);
            text = next;
          }
          const expected = { metric: 0, quote: 0, recommendation: 0 };
          for (const detection of detector.detections) expected[detection.kind]++;
          assert.deepEqual({ ...detector.counts }, expected);
        }),
        { numRuns: 200 },
      );
    });

    it('converts offsets exactly as OffsetMap does on the whole text', () => {
      fc.assert(
        fc.property(arbitraryText, arbitraryEdit, fc.array(fc.nat(), { minLength: 1, maxLength: 10 }), (initial, edit, probes) => {
          const { change, next } = applyEdit(initial, edit);
          const detector = new IncrementalDetector(initial, { scanners: toyScanners });
          detector.applyChanges([change]);
          const map = new OffsetMap(next);
          for (const probe of probes) {
            const codePoint = probe % (map.codePointLength + 1);
            assert.equal(detector.toUtf16(codePoint), map.toUtf16(codePoint));
            const utf16 = probe % (next.length + 1);
            assert.equal(detector.toCodePoint(utf16), map.toCodePoint(utf16));
          }
        }),
        { numRuns: 300 },
      );
    });

    it('returns exactly the detections that overlap a range', () => {
      fc.assert(
        fc.property(arbitraryText, fc.nat(), fc.nat(), (text, a, b) => {
          const detector = new IncrementalDetector(text, { scanners: toyScanners });
          const start = Math.min(a, b) % (text.length + 1);
          const end = Math.max(a, b) % (text.length + 1);
          const map = new OffsetMap(text);
          const expected = detector.detections.filter((d) => map.toUtf16(d.end) > start && map.toUtf16(d.start) < end);
          assert.deepEqual(detector.detectionsInRange(start, end), expected);
        }),
        { numRuns: 300 },
      );
    });

    it('reports a changed range that covers the edit and every detection that changed', () => {
      const text = '## Heading\n\n- one\n\n- two\n\nplain';
      const detector = new IncrementalDetector(text, { scanners: toyScanners });
      assert.equal(detector.counts.recommendation, 2);
      // Breaking the heading turns both list items off: the range must reach the last one.
      const range = detector.applyChanges([{ start: 0, end: 2, text: '' }]);
      assert.equal(detector.counts.recommendation, 0);
      assert.equal(range.start, 0);
      assert.ok(range.end >= detector.text.indexOf('- two') + '- two'.length);
      assert.equal(range.delta, -2);
    });

    it('matches a full scan with the built-in detectors on report-like text', () => {
      const report = [
        'Inspectors found that 92 per cent of care leavers were in suitable accommodation, compared to 64 per cent at the last inspection.',
        'Lead inspector Jane Doe said: “Leaders have made progress.',
        '“Managers need to improve their use of performance information.”',
        'What needs to improve',
        '◼ The timeliness of return home interviews.',
        'The council spent £2.5m on agency staff, she says.',
      ].join('\n\n');
      fc.assert(
        fc.property(arbitraryEdit, fc.constantFrom('', '”', '“', ' 15 per cent ', '\n\n', 'should improve. ', 'Ms Doe said'), (edit, insert) => {
          const { change, next } = applyEdit(report, { ...edit, insert });
          const detector = new IncrementalDetector(report);
          detector.applyChanges([change]);
          assert.deepEqual(detector.detections, detect(next));
        }),
        { numRuns: 200 },
      );
    });
  });
});

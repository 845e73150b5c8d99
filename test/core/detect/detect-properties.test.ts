import * as assert from 'node:assert/strict';
import path from 'node:path';
import fc from 'fast-check';
import { detect } from '../../../src/core/detect/detect';
import type { Detection, DetectionKind } from '../../../src/core/model';
import { readSamples } from '../../helpers/gold';

/**
 * Properties every detection result must have, whatever the input: the
 * detectors see text straight from disk or from an editor mid-keystroke, so
 * nothing about well-formedness can be assumed.
 */

const KINDS: readonly DetectionKind[] = ['metric', 'quote', 'recommendation'];
const SAMPLES = readSamples(path.resolve(__dirname, '../../../samples'));

/**
 * A blank line in any line-ending style: no detection may span one, as
 * detectors work paragraph by paragraph. CRLF is one line break, not two.
 */
const BLANK_LINE = /(?:\r\n|\r(?!\n)|\n)[ \t\u00a0\f\v\ufeff]*(?:\r\n|\r|\n)/;

/** Asserts the output contract of `detect` for `text`, with `label` naming the case in failures. */
function assertWellFormed(text: string, detections: readonly Detection[], label = ''): void {
  const points = Array.from(text);
  let previousStart = -1;
  for (const d of detections) {
    const where = `${label}${d.kind} ${d.start}-${d.end} ${JSON.stringify(d.text).slice(0, 60)}`;
    assert.ok(KINDS.includes(d.kind), `unknown kind: ${where}`);
    assert.ok(Number.isInteger(d.start) && Number.isInteger(d.end), `non-integer offsets: ${where}`);
    assert.ok(d.start >= 0 && d.start < d.end && d.end <= points.length, `span outside the text or empty: ${where}`);
    assert.equal(points.slice(d.start, d.end).join(''), d.text, `text is not the covered text: ${where}`);
    assert.ok(d.start >= previousStart, `not sorted by start: ${where}`);
    assert.ok(!BLANK_LINE.test(d.text), `spans a blank line: ${where}`);
    if (d.kind === 'quote') assert.ok(d.speaker === null || typeof d.speaker === 'string', `bad speaker: ${where}`);
    previousStart = d.start;
  }
}

/** Runs `detect`, failing with the input shown if it throws. */
function detectOrFail(text: string): Detection[] {
  try {
    return detect(text);
  } catch (error) {
    assert.fail(`detect threw ${String(error)} on ${JSON.stringify(text.slice(0, 200))}`);
  }
}

/** Any UTF-16 unit, lone surrogates included. */
const anyUnit = fc.integer({ min: 0, max: 0xffff }).map((unit) => String.fromCharCode(unit));

/** Pieces of text that stress the detectors: line endings, marks, numbers, cue words and malformed UTF-16. */
const trickyPiece = fc.oneof(
  fc.constantFrom(
    '\r\n', '\n', '\r', '\n\n', '\r\n\r\n', ' \n \n', '\ufeff', '\u0000', '\ud800', '\udc00', '\udbff\udfff', '😀', '👨‍👩‍👧', '🏠',
    '“', '”', '‘', '’', '"', "'", '«', '»', '“Yes,” she said, “', ' said Ms Lee.', 'Cllr Ann Roe said: “', '’s ',
    '42', '1,204', '3.5', '92 per cent', '10%', '£2.5m', '£250,000', '40p', 'one in five', 'half of', 'a third', 'up 12 per cent',
    'a 28 percentage point rise', '11 October 2018', 'aged 16', 'second', 'no one', 'one of the', 'St. ', 'Dr. ', 'e.g. ', 'No. 4',
    'should ', 'needs to improve ', 'must ', 'Ensure that ', 'What needs to improve\n\n', 'Areas for improvement\n', '• ', '- ', '(a) ',
    '. ', '? ', '! ', ': ', '; ', '…', '—', ' ', '\t', '\u00a0', '\u2028', '\u200b',
  ),
  fc.string({ unit: 'grapheme', maxLength: 12 }),
  fc.string({ unit: anyUnit, maxLength: 6 }),
  fc.integer({ min: 1, max: 4000 }).map((n) => 'x'.repeat(n)),
  fc.integer({ min: 1, max: 400 }).map((n) => '9'.repeat(n)),
  fc.integer({ min: 1, max: 200 }).map((n) => '“'.repeat(n)),
);
const trickyText = fc.array(trickyPiece, { maxLength: 60 }).map((pieces) => pieces.join(''));

describe('detect/detect (properties)', () => {
  describe('assertWellFormed', () => {
    const metric = (start: number, end: number, text: string): Detection => ({
      kind: 'metric', start, end, text, metricKind: 'count', value: null, unit: '', period: null, comparison: null, comparisonValue: null, direction: null,
    });
    const broken: Array<[string, string, Detection[]]> = [
      ['an empty span', 'ab 12 cd', [metric(3, 3, '')]],
      ['a span past the end', 'ab 12', [metric(3, 7, '12')]],
      ['text that is not the covered text', 'ab 12 cd', [metric(3, 5, '13')]],
      ['UTF-16 offsets after an emoji', '😀 12', [metric(3, 5, '12')]],
      ['unsorted detections', 'ab 12 cd 34', [metric(9, 11, '34'), metric(3, 5, '12')]],
      ['a span across a blank line', '12\r\n\r\n34', [metric(0, 8, '12\r\n\r\n34')]],
      ['a span across a blank line of spaces', '12\n \t\n34', [metric(0, 7, '12\n \t\n34')]],
    ];
    for (const [name, text, detections] of broken) {
      it(`rejects ${name}`, () => assert.throws(() => assertWellFormed(text, detections), assert.AssertionError));
    }
    it('accepts code-point offsets after an emoji', () => assertWellFormed('😀 12', [metric(2, 4, '12')]));
    it('accepts a span across one CRLF line break', () => assertWellFormed('12\r\n34', [metric(0, 6, '12\r\n34')]));
  });

  describe('detect', () => {
    it('never throws and keeps every span inside the text on arbitrary Unicode', () => {
      fc.assert(
        fc.property(fc.string({ unit: 'binary', maxLength: 400 }), (text) => assertWellFormed(text, detectOrFail(text))),
        { numRuns: 300 },
      );
    });

    it('never throws and keeps every span inside the text on malformed UTF-16 (lone surrogates, NUL)', () => {
      fc.assert(
        fc.property(fc.string({ unit: anyUnit, maxLength: 400 }), (text) => assertWellFormed(text, detectOrFail(text))),
        { numRuns: 300 },
      );
    });

    it('never throws and keeps every span inside the text on report-like text with emoji, CRLF, BOM, unbalanced quotes and digits', () => {
      fc.assert(fc.property(trickyText, (text) => assertWellFormed(text, detectOrFail(text))), { numRuns: 400 });
    });

    it('finds for one kind exactly what it finds for that kind among all three', () => {
      fc.assert(
        fc.property(trickyText, fc.constantFrom(...KINDS), (text, kind) => {
          const alone = detect(text, { kinds: [kind] });
          const together = detect(text).filter((d) => d.kind === kind);
          assert.deepEqual(alone, together);
        }),
        { numRuns: 150 },
      );
    });

    it('gives the same result twice for the same text (no state leaks between calls)', () => {
      fc.assert(
        fc.property(trickyText, trickyText, (first, second) => {
          const before = detect(second);
          detect(first);
          assert.deepEqual(detect(second), before);
        }),
        { numRuns: 100 },
      );
    });

    it('handles each sample whole, with CRLF line endings, and behind a byte-order mark', () => {
      for (const sample of SAMPLES) {
        const variants: Array<[string, string]> = [
          ['', sample.text],
          ['crlf ', sample.text.replace(/\r?\n/g, '\r\n')],
          ['lone cr ', sample.text.replace(/\r?\n/g, '\r')],
          ['bom ', `\ufeff${sample.text}`],
        ];
        for (const [variant, text] of variants) assertWellFormed(text, detectOrFail(text), `${sample.name} ${variant}`);
      }
    });

    it('keeps the contract when random Unicode is inserted into a sample', () => {
      if (SAMPLES.length === 0) assert.fail('no samples found');
      const insertion = fc.record({ at: fc.nat(), piece: trickyPiece });
      fc.assert(
        fc.property(fc.nat({ max: SAMPLES.length - 1 }), fc.array(insertion, { minLength: 1, maxLength: 8 }), (which, insertions) => {
          let units = SAMPLES[which].text;
          for (const { at, piece } of insertions) {
            const position = at % (units.length + 1);
            units = units.slice(0, position) + piece + units.slice(position);
          }
          assertWellFormed(units, detectOrFail(units), `${SAMPLES[which].name} mutated `);
        }),
        { numRuns: 120 },
      );
    });

    it('keeps the contract when a sample is cut at any point, even inside a surrogate pair or a quote', () => {
      fc.assert(
        fc.property(fc.nat({ max: SAMPLES.length - 1 }), fc.nat(), fc.nat(), (which, a, b) => {
          const text = SAMPLES[which].text;
          const from = a % (text.length + 1);
          const to = from + (b % (text.length - from + 1));
          const cut = text.slice(from, to);
          assertWellFormed(cut, detectOrFail(cut), `${SAMPLES[which].name} [${from}, ${to}) `);
        }),
        { numRuns: 120 },
      );
    });
  });
});

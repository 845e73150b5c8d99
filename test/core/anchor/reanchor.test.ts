import * as assert from 'node:assert/strict';
import fc from 'fast-check';
import { reanchorAnnotations } from '../../../src/core/anchor/reanchor';
import type { Annotation } from '../../../src/core/model';
import { annotationAt, annotationOf, generateWords, sliceText, WORDS } from './annotate';

/** A report of paragraphs made of vocabulary words, with each word's code-point span. */
interface Report {
  readonly text: string;
  /** Per paragraph, the spans of its words. */
  readonly words: { start: number; end: number }[][];
  readonly paragraphs: string[];
}

function buildReport(paragraphWords: readonly (readonly string[])[], separator = '\n\n'): Report {
  const paragraphs: string[] = [];
  const words: { start: number; end: number }[][] = [];
  let offset = 0;
  for (const [index, list] of paragraphWords.entries()) {
    if (index > 0) offset += Array.from(separator).length;
    const spans: { start: number; end: number }[] = [];
    let paragraph = '';
    for (const [i, word] of list.entries()) {
      if (i > 0) paragraph += ' ';
      const start = offset + Array.from(paragraph).length;
      paragraph += word;
      spans.push({ start, end: start + Array.from(word).length });
    }
    paragraph += '.';
    offset += Array.from(paragraph).length;
    paragraphs.push(paragraph);
    words.push(spans);
  }
  return { text: paragraphs.join(separator), words, paragraphs };
}

/**
 * Paragraphs of generated prose from one seed and their lengths, so that
 * shrinking keeps them prose-like and never makes two paragraphs the same
 * (identical paragraphs would make any placement of their annotations right).
 */
const paragraphsArb = (minWords: number, vocabulary: readonly string[] = WORDS, maxParagraphs = 7) =>
  fc
    .tuple(fc.integer(), fc.array(fc.integer({ min: minWords, max: minWords + 40 }), { minLength: 2, maxLength: maxParagraphs }))
    .map(([seed, counts]) => counts.map((count, i) => generateWords(seed + i * 7919, count, vocabulary)));
const reportArb = (minWords = 12) => paragraphsArb(minWords).map((list) => buildReport(list));

/**
 * Non-overlapping annotations over runs of whole words (as real annotations
 * are), with at least one word between them; within paragraphs when
 * `withinParagraphs`. Evidence is at least two words (a figure and its unit,
 * a quote, a sentence): a lone "a" among edits has nothing to be told apart by.
 */
function annotateWords(g: fc.GeneratorValue, report: Report, maxCount = 8, withinParagraphs = false, minWords = 2): Annotation[] {
  if (withinParagraphs) {
    const perParagraph = report.words.map((spans) => annotateSpans(g, report.text, spans, Math.ceil(maxCount / report.words.length), minWords));
    return perParagraph.flat().map((annotation, i) => ({ ...annotation, id: `a${i}` }));
  }
  return annotateSpans(g, report.text, report.words.flat(), maxCount, minWords);
}

function annotateSpans(g: fc.GeneratorValue, text: string, flat: readonly { start: number; end: number }[], maxCount: number, minWords = 1): Annotation[] {
  const annotations: Annotation[] = [];
  let next = g(fc.nat, { max: 3 });
  while (next < flat.length && annotations.length < maxCount) {
    const length = g(fc.integer, { min: minWords, max: 6 });
    const last = Math.min(flat.length - 1, next + length - 1);
    if (last - next + 1 < minWords) break;
    const first = flat[next] as { start: number };
    const end = (flat[last] as { end: number }).end;
    annotations.push(annotationAt(text, first.start, end, `a${annotations.length}`));
    next = last + 2 + g(fc.nat, { max: 12 });
  }
  return annotations;
}

/** A replacement of code points `[at, at + remove)` by `insert`. */
interface Edit {
  readonly at: number;
  readonly remove: number;
  readonly insert: string;
}

/** Applies non-overlapping edits given in ascending order (positions refer to the original text). */
function applyEdits(text: string, edits: readonly Edit[]): string {
  const points = Array.from(text);
  for (const edit of [...edits].reverse()) points.splice(edit.at, edit.remove, ...Array.from(edit.insert));
  return points.join('');
}

/** Where an original offset lands after the edits, for an offset that no edit covers. An insertion at the offset itself comes before it when `insertionsBefore`. */
function mapOffset(offset: number, edits: readonly Edit[], insertionsBefore: boolean): number {
  let shift = 0;
  for (const edit of edits) {
    const before = edit.at + edit.remove < offset || (edit.at + edit.remove === offset && (edit.remove > 0 || insertionsBefore));
    if (before) shift += Array.from(edit.insert).length - edit.remove;
  }
  return offset + shift;
}

/** Random edits that touch no annotated code point, in ascending order, not overlapping each other. */
function editOutside(g: fc.GeneratorValue, text: string, annotations: readonly Annotation[]): Edit[] {
  const length = Array.from(text).length;
  const wanted = g(fc.integer, { min: 1, max: 4 });
  const edits: Edit[] = [];
  for (let i = 0; i < wanted; i++) {
    const at = g(fc.integer, { min: 0, max: length });
    const remove = g(fc.integer, { min: 0, max: 24 });
    const insert = g(fc.array, fc.constantFrom(...WORDS, ',', ' ', '\n', '92 per cent'), { maxLength: 5 }).join(' ');
    const end = Math.min(length, at + remove);
    const touches = annotations.some((a) => at < a.end && end > a.start) || annotations.some((a) => at > a.start && at < a.end);
    if (!touches) edits.push({ at, remove: end - at, insert });
  }
  edits.sort((a, b) => a.at - b.at);
  // Keep edits apart: two edits at one place would make the expected offsets ambiguous.
  const apart = edits.filter((edit, i) => i === 0 || edit.at > (edits[i - 1] as Edit).at + (edits[i - 1] as Edit).remove);
  // Edits outside an annotation leave it at least one side of its context: two edits that
  // rewrite the text on both sides of a short phrase have edited its surroundings, and no
  // reader could tell it from the same words elsewhere.
  const kept: Edit[] = [];
  for (const edit of apart) {
    const sides = (candidate: Edit, annotation: Annotation) => ({
      before: candidate.at <= annotation.start && candidate.at + candidate.remove >= annotation.start - 32,
      after: candidate.at <= annotation.end + 32 && candidate.at + candidate.remove >= annotation.end,
    });
    const isolates = annotations.some((annotation) => {
      const touched = [...kept, edit].map((candidate) => sides(candidate, annotation));
      return touched.some((side) => side.before) && touched.some((side) => side.after);
    });
    if (!isolates) kept.push(edit);
  }
  return kept;
}

/** What a failing property saw, for its message. */
function describeCase(annotations: readonly Annotation[], edits: readonly Edit[], edited: string): string {
  const spans = annotations.map((a) => `${a.id} ${a.start}-${a.end} ${JSON.stringify(a.text)}`).join('; ');
  return `annotations: ${spans}\nedits: ${JSON.stringify(edits)}\nedited: ${JSON.stringify(edited)}`;
}

describe('anchor/reanchor', () => {
  describe('reanchorAnnotations', () => {
    it('orphans a deleted short phrase rather than land on the annotated phrase beside it', () => {
      const text = 'Ratings rose in every inspection rise outstanding inspection rise living fell housing inspection has.\n\nResidents executive found visits.';
      const neighbour = annotationOf(text, 'inspection rise', 'a4', 1);
      const victim = annotationOf(text, 'inspection has', 'a5');
      const edited = text.replace(' fell housing inspection has', '');
      const result = reanchorAnnotations([neighbour, victim], edited);
      assert.deepEqual(result.orphaned, ['a5']);
      assert.equal((result.annotations[0] as Annotation).text, 'inspection rise');
      assert.equal((result.annotations[1] as Annotation).start, victim.start, 'an orphan keeps its last position');
    });

    const report = 'In 2023, 92 per cent of care leavers were housed.\n\nThe council said “we will do better”. Last year 92 per cent were.\n';

    it('returns the very same annotations when the text did not change', () => {
      const annotations = [annotationOf(report, '92 per cent', 'a'), annotationOf(report, 'we will do better', 'b')];
      const result = reanchorAnnotations(annotations, report);
      assert.equal(result.unchanged, 2);
      assert.deepEqual([result.moved, result.orphaned], [[], []]);
      assert.equal(result.annotations[0], annotations[0]);
      assert.equal(result.annotations[1], annotations[1]);
    });

    it('shifts annotations after an insertion and refreshes line, column and context', () => {
      const annotations = [annotationOf(report, 'we will do better', 'b')];
      const edited = `Summary.\n${report}`;
      const [moved] = reanchorAnnotations(annotations, edited).annotations as [Annotation];
      assert.deepEqual(moved, annotationOf(edited, 'we will do better', 'b'));
    });

    it('keeps a repeated phrase on the occurrence it was made on', () => {
      const second = annotationOf(report, '92 per cent', 'second', 1);
      const edited = report.replace('In 2023, ', 'In the year 2023, ');
      const result = reanchorAnnotations([second], edited);
      assert.deepEqual(result.moved, ['second']);
      assert.deepEqual(result.annotations[0], annotationOf(edited, '92 per cent', 'second', 1));
    });

    it('finds a passage moved elsewhere by its text and context', () => {
      const annotation = annotationOf(report, 'we will do better', 'b');
      const [first, second] = report.split('\n\n') as [string, string];
      const edited = `${second.trimEnd()}\n\n${first}\n`;
      const result = reanchorAnnotations([annotation], edited);
      assert.deepEqual(result.annotations[0], annotationOf(edited, 'we will do better', 'b'));
    });

    it('follows a quote whose words were lightly edited, taking the new text', () => {
      const annotation = annotationOf(report, 'we will do better', 'b');
      const edited = report.replace('we will do better', 'we shall do better');
      const result = reanchorAnnotations([annotation], `Foreword.\n${edited}`);
      const found = result.annotations[0] as Annotation;
      assert.equal(found.text, 'we shall do better');
      assert.equal(found.orphaned, undefined);
      assert.deepEqual(result.moved, ['b']);
    });

    it('orphans an annotation whose passage was deleted, even when its words occur elsewhere', () => {
      const annotation = annotationOf(report, '92 per cent', 'first');
      const edited = report.replace('In 2023, 92 per cent of care leavers were housed.\n\n', '');
      const result = reanchorAnnotations([annotation], edited);
      assert.deepEqual(result.orphaned, ['first']);
      assert.deepEqual(result.annotations[0], { ...annotation, orphaned: true });
    });

    it('keeps an orphan where it was, and restores it when its text comes back', () => {
      const annotation = annotationOf(report, 'we will do better', 'b');
      const gone = reanchorAnnotations([annotation], 'Nothing left.').annotations[0] as Annotation;
      assert.equal(gone.orphaned, true);
      assert.equal(reanchorAnnotations([gone], 'Nothing left.').annotations[0], gone, 'an orphan stays the same object');
      const back = reanchorAnnotations([gone], report);
      assert.deepEqual(back.annotations[0], annotation);
      assert.deepEqual(back.moved, ['b']);
    });

    it('answers in the order given, whatever the order of the offsets', () => {
      const annotations = [annotationOf(report, 'we will do better', 'late'), annotationOf(report, 'In 2023', 'early')];
      const result = reanchorAnnotations(annotations, `Intro.\n${report}`);
      assert.deepEqual(result.annotations.map((a) => a.id), ['late', 'early']);
      assert.deepEqual([...result.moved].sort(), ['early', 'late']);
    });

    it('ignores a byte-order mark and counts emoji as one code point', () => {
      const text = 'Joy 😀😀 at 92 per cent.\r\nRise 🎉 to 95 per cent.';
      const annotation = annotationOf(text, '95 per cent', 'a');
      const edited = `\ufeff${text.replace('Joy', 'Joy 🎉')}`;
      const found = reanchorAnnotations([annotation], edited).annotations[0] as Annotation;
      assert.deepEqual(found, annotationOf(edited.slice(1), '95 per cent', 'a'));
      assert.equal(found.start, annotation.start + 2);
    });

    it('keeps an empty annotation in place while its offset exists', () => {
      const empty = annotationAt(report, 5, 5, 'e');
      assert.deepEqual(reanchorAnnotations([empty], report).unchanged, 1);
      assert.deepEqual(reanchorAnnotations([empty], 'abc').orphaned, ['e']);
    });

    it('handles an empty report and no annotations', () => {
      assert.deepEqual(reanchorAnnotations([], ''), { annotations: [], moved: [], orphaned: [], unchanged: 0 });
      assert.deepEqual(reanchorAnnotations([annotationOf(report, 'In 2023', 'a')], '').orphaned, ['a']);
    });

    it('re-anchors every annotation exactly after random edits outside annotated text', () => {
      fc.assert(
        fc.property(reportArb(), fc.gen(), (built, g) => {
          const annotations = annotateWords(g, built);
          const edits = editOutside(g, built.text, annotations);
          const edited = applyEdits(built.text, edits);
          const result = reanchorAnnotations(annotations, edited);
          assert.deepEqual(result.orphaned, [], describeCase(annotations, edits, edited));
          for (const [i, annotation] of annotations.entries()) {
            const found = result.annotations[i] as Annotation;
            const start = mapOffset(annotation.start, edits, true);
            assert.deepEqual([found.start, found.end, found.text], [start, start + annotation.end - annotation.start, annotation.text], `annotation ${annotation.id}`);
            assert.equal(found.text, sliceText(edited, found.start, found.end));
          }
        }),
        { numRuns: 300 },
      );
    }).timeout(120_000);

    it('re-anchors at least 95% of annotations to the right place after edits changing up to 20% of their text', () => {
      let right = 0;
      let wrong = 0;
      let total = 0;
      fc.assert(
        fc.property(reportArb(), fc.gen(), (built, g) => {
          const annotations = annotateWords(g, built);
          const edits: Edit[] = [];
          const truth: { start: number; end: number }[] = [];
          for (const annotation of annotations) {
            const length = annotation.end - annotation.start;
            const budget = Math.floor(length * 0.2);
            const count = g(fc.integer, { min: 0, max: budget });
            const positions = new Set<number>();
            for (let k = 0; k < count; k++) positions.add(annotation.start + g(fc.integer, { min: 0, max: length - 1 }));
            for (const at of [...positions].sort((a, b) => a - b)) {
              const kind = g(fc.constantFrom, 'substitute', 'insert', 'delete');
              const letter = g(fc.constantFrom, 'x', 'q', 'z', 'é', ' ');
              edits.push(kind === 'insert' ? { at, remove: 0, insert: letter } : { at, remove: 1, insert: kind === 'delete' ? '' : letter });
            }
          }
          const edited = applyEdits(built.text, edits);
          for (const annotation of annotations) {
            truth.push({ start: mapOffset(annotation.start, edits, false), end: mapOffset(annotation.end, edits, true) });
          }
          const result = reanchorAnnotations(annotations, edited);
          for (const [i, expected] of truth.entries()) {
            const found = result.annotations[i] as Annotation;
            total++;
            if (found.orphaned) continue;
            const overlap = Math.min(found.end, expected.end) - Math.max(found.start, expected.start);
            const union = Math.max(found.end, expected.end) - Math.min(found.start, expected.start);
            if (overlap / union >= 0.75) right++;
            else if (overlap <= 0) wrong++;
          }
        }),
        { numRuns: 300 },
      );
      assert.ok(right / total >= 0.95, `${right} of ${total} re-anchored to the right place`);
      // The rest are mostly orphaned: an edited short phrase whose near-twin sits elsewhere may
      // land on the twin, but rarely.
      assert.ok(wrong / total <= 0.01, `${wrong} of ${total} re-anchored on unrelated text`);
    }).timeout(120_000);

    it('orphans an annotation whose passage was deleted, and leaves the others exact', () => {
      fc.assert(
        fc.property(reportArb(), fc.gen(), (built, g) => {
          const annotations = annotateWords(g, built);
          const victim = g(fc.integer, { min: 0, max: annotations.length - 1 });
          const target = annotations[victim] as Annotation;
          const lowest = victim > 0 ? (annotations[victim - 1] as Annotation).end : 0;
          const highest = victim < annotations.length - 1 ? (annotations[victim + 1] as Annotation).start : Array.from(built.text).length;
          // A neighbour at the very start or end of the text has context on one side only;
          // the deletion leaves it that side (see editOutside).
          const previous = annotations[victim - 1];
          const following = annotations[victim + 1];
          const shortBefore = previous !== undefined && previous.prefix.length < 16;
          const shortAfter = following !== undefined && following.suffix.length < 16;
          const from = Math.max(lowest + (shortBefore ? 33 : 0), target.start - g(fc.integer, { min: 0, max: 40 }));
          const to = Math.min(highest - (shortAfter ? 33 : 0), target.end + g(fc.integer, { min: 0, max: 40 }));
          fc.pre(from <= target.start && to >= target.end);
          const edits = [{ at: from, remove: to - from, insert: '' }];
          const edited = applyEdits(built.text, edits);
          // The passage is gone only when its words are: a phrase that recurs word for word elsewhere
          // may be followed there (a long one even without its context).
          fc.pre(!edited.includes(target.text));
          const result = reanchorAnnotations(annotations, edited);
          assert.deepEqual(result.orphaned, [target.id], describeCase(annotations, edits, edited));
          for (const [i, annotation] of annotations.entries()) {
            if (i === victim) continue;
            const start = mapOffset(annotation.start, edits, true);
            assert.equal((result.annotations[i] as Annotation).start, start);
          }
        }),
        { numRuns: 300 },
      );
    }).timeout(120_000);

    it('re-anchors every annotation exactly after paragraphs are shuffled', () => {
      fc.assert(
        fc.property(
          paragraphsArb(20),
          fc.gen(),
          (paragraphWords, g) => {
            const built = buildReport(paragraphWords);
            const annotations = annotateWords(g, built, 12, true);
            const order = g(fc.shuffledSubarray, built.paragraphs.map((_, i) => i), { minLength: built.paragraphs.length });
            const edited = order.map((i) => built.paragraphs[i]).join('\n\n');
            // Where each original paragraph now starts.
            const oldStarts = built.words.map((spans) => (spans[0] as { start: number }).start);
            const newStarts: number[] = [];
            let offset = 0;
            for (const i of order) {
              newStarts[i] = offset;
              offset += (built.paragraphs[i] as string).length + 2;
            }
            const result = reanchorAnnotations(annotations, edited);
            assert.deepEqual(result.orphaned, [], describeCase(annotations, [], edited));
            for (const [i, annotation] of annotations.entries()) {
              const paragraph = oldStarts.filter((start) => start <= annotation.start).length - 1;
              const start = annotation.start - (oldStarts[paragraph] as number) + (newStarts[paragraph] as number);
              assert.equal((result.annotations[i] as Annotation).start, start, `annotation ${annotation.id} (${annotation.text})`);
            }
          },
        ),
        { numRuns: 300 },
      );
    }).timeout(120_000);

    it('keeps exact code-point offsets in reports with emoji, CRLF and a byte-order mark', () => {
      const emojiWords = [...WORDS, '😀', '🎉🎉', 'naïve', '£2.5m', '“quoted”', 'café 😀 au lait'];
      fc.assert(
        fc.property(
          paragraphsArb(8, emojiWords, 5),
          fc.gen(),
          (paragraphWords, g) => {
            const built = buildReport(paragraphWords, '\r\n\r\n');
            const annotations = annotateWords(g, built);
            const edits = editOutside(g, built.text, annotations).map((edit) => ({ ...edit, insert: `${edit.insert}😀\r\n` }));
            const edited = applyEdits(built.text, edits);
            const result = reanchorAnnotations(annotations, `\ufeff${edited}`);
            for (const [i, annotation] of annotations.entries()) {
              const found = result.annotations[i] as Annotation;
              const start = mapOffset(annotation.start, edits, true);
              assert.deepEqual([found.start, found.orphaned], [start, undefined], describeCase(annotations, edits, edited));
              assert.equal(sliceText(edited, found.start, found.end), annotation.text);
              assert.deepEqual(found, annotationAt(edited, found.start, found.end, annotation.id));
            }
          },
        ),
        { numRuns: 200 },
      );
    }).timeout(120_000);
  });
});

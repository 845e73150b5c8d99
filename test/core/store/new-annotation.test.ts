import * as assert from 'node:assert/strict';
import fc from 'fast-check';
import type { MetricDetection, QuoteDetection } from '../../../src/core/model';
import { CONTEXT_LENGTH, createAnnotationFactory, newAnnotationId } from '../../../src/core/store/new-annotation';

const clock = () => new Date('2026-11-22T08:00:00.000Z');

describe('core/store/new-annotation', () => {
  describe('createAnnotationFactory', () => {
    const text = 'Line one 😀 has 92 per cent.\r\nSecond line: “We are proud,” said Jane.';

    it('copies a detection’s span, text and non-null attributes', () => {
      const factory = createAnnotationFactory(text, { now: clock, author: 'sam' });
      const start = Array.from(text).indexOf('9');
      const detection: MetricDetection = { kind: 'metric', start, end: start + 11, text: '92 per cent', metricKind: 'percent', value: 92, unit: 'percent', period: null, comparison: null, comparisonValue: null, direction: null };
      const annotation = factory.fromDetection(detection, { tags: ['headline'], note: 'n', id: 'fixed01' });
      assert.deepEqual(annotation, {
        id: 'fixed01',
        kind: 'metric',
        status: 'accepted',
        text: '92 per cent',
        start,
        end: start + 11,
        line: 1,
        column: start + 1,
        prefix: 'Line one 😀 has ',
        suffix: '.\r\nSecond line: “We are proud,” ',
        tags: ['headline'],
        note: 'n',
        metricKind: 'percent',
        value: 92,
        unit: 'percent',
        created: '2026-11-22T08:00:00.000Z',
        updated: '2026-11-22T08:00:00.000Z',
        author: 'sam',
      });
    });

    it('counts lines after CRLF and columns in code points', () => {
      const factory = createAnnotationFactory(text, { now: clock });
      const points = Array.from(text);
      const start = points.indexOf('W');
      const quote: QuoteDetection = { kind: 'quote', start, end: start + 12, text: 'We are proud', speaker: 'Jane', attribution: 'after' };
      const annotation = factory.fromDetection(quote, { status: 'rejected' });
      assert.equal(annotation.line, 2);
      assert.equal(annotation.column, 15);
      assert.equal(annotation.status, 'rejected');
      assert.equal(annotation.speaker, 'Jane');
      assert.equal(annotation.prefix.length <= CONTEXT_LENGTH * 2, true);
      assert.equal(Array.from(annotation.prefix).length, CONTEXT_LENGTH);
    });

    it('makes an annotation of any span, clamped to the text', () => {
      const factory = createAnnotationFactory('short text', { now: clock });
      const annotation = factory.fromSpan('finding', 6, 99);
      assert.equal(annotation.text, 'text');
      assert.deepEqual([annotation.start, annotation.end, annotation.suffix, annotation.prefix], [6, 10, '', 'short ']);
      assert.equal(annotation.kind, 'finding');
      assert.equal(annotation.speaker, undefined);
    });

    it('gives each annotation an id unique among those it made and those taken', () => {
      let calls = 0;
      const repeating = () => [0.1, 0.1, 0.1, 0.1, 0.1, 0.1, 0.1, 0.1, 0.5][Math.floor(calls++ / 8) % 9] as number;
      const taken = new Set(['cccccccc']);
      const factory = createAnnotationFactory('abc', { random: repeating, takenIds: taken });
      const id = factory.fromSpan('x', 0, 1).id;
      assert.notEqual(id, 'cccccccc');
    });

    it('keeps text equal to the code points between start and end, for any text and span', () => {
      fc.assert(
        fc.property(fc.string({ unit: 'binary', maxLength: 80 }), fc.nat(90), fc.nat(20), (body, start, length) => {
          const factory = createAnnotationFactory(body, { now: clock });
          const annotation = factory.fromSpan('x', start, start + length);
          const points = Array.from(body);
          assert.equal(annotation.text, points.slice(annotation.start, annotation.end).join(''));
          assert.equal(annotation.prefix, points.slice(Math.max(0, annotation.start - CONTEXT_LENGTH), annotation.start).join(''));
          assert.equal(annotation.suffix, points.slice(annotation.end, annotation.end + CONTEXT_LENGTH).join(''));
        }),
      );
    });

    it('gives the position of any offset, with the suffix after the end when one is given', () => {
      const factory = createAnnotationFactory('ab\ncd😀ef');
      assert.deepEqual(factory.positionOf(5), { line: 2, column: 3, prefix: 'ab\ncd', suffix: '😀ef' });
      assert.deepEqual(factory.positionOf(3, 6), { line: 2, column: 1, prefix: 'ab\n', suffix: 'ef' });
    });
  });

  describe('newAnnotationId', () => {
    it('makes 8 base-36 characters starting with a letter', () => {
      for (let i = 0; i < 200; i++) assert.match(newAnnotationId(new Set()), /^[a-z][a-z0-9]{7}$/);
    });

    it('skips taken ids', () => {
      let calls = 0;
      const random = () => (calls++ < 8 ? 0 : 0.5);
      assert.equal(newAnnotationId(new Set(['a0000000']), random), 'niiiiiii');
    });
  });
});

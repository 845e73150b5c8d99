import * as assert from 'node:assert/strict';
import fc from 'fast-check';
import { OffsetMap, codePointLength, isSingleUnitText, sliceCodePoints } from '../../../src/core/text/code-points';

describe('text/code-points', () => {
  describe('codePointLength', () => {
    const cases: [string, string, number][] = [
      ['ASCII', 'abc', 3],
      ['empty', '', 0],
      ['an emoji is one code point', 'a😀b', 3],
      ['a lone high surrogate counts as one', 'a\ud800b', 3],
      ['a lone low surrogate counts as one', '\udc00', 1],
      ['reversed halves are two', '\ude00\ud83d', 2],
    ];
    for (const [name, text, expected] of cases) it(name, () => assert.equal(codePointLength(text), expected));

    it('agrees with Array.from on any string', () => {
      fc.assert(fc.property(fc.string({ unit: 'binary' }), (text) => assert.equal(codePointLength(text), Array.from(text).length)));
    });
  });

  describe('isSingleUnitText', () => {
    it('is true without surrogate pairs and false with one', () => {
      assert.equal(isSingleUnitText('per cent £ “quote”'), true);
      assert.equal(isSingleUnitText('🎉'), false);
      assert.equal(isSingleUnitText('\ud800'), true);
    });
  });

  describe('OffsetMap', () => {
    it('maps both ways around emoji', () => {
      const map = new OffsetMap('a😀b😀c');
      assert.deepEqual([0, 1, 2, 3, 4, 5].map((cp) => map.toUtf16(cp)), [0, 1, 3, 4, 6, 7]);
      assert.deepEqual([0, 1, 3, 4, 6, 7].map((u) => map.toCodePoint(u)), [0, 1, 2, 3, 4, 5]);
    });

    it('rounds an offset inside a pair down to the pair start', () => {
      assert.equal(new OffsetMap('a😀b').toCodePoint(2), 1);
    });

    it('clamps out-of-range offsets', () => {
      const map = new OffsetMap('ab😀');
      assert.equal(map.toUtf16(-5), 0);
      assert.equal(map.toUtf16(99), 4);
      assert.equal(map.toCodePoint(99), 3);
    });

    it('round-trips every code-point offset of any string', () => {
      fc.assert(
        fc.property(fc.string({ unit: 'binary' }), (text) => {
          const map = new OffsetMap(text);
          const points = Array.from(text);
          assert.equal(map.codePointLength, points.length);
          for (let cp = 0; cp <= points.length; cp++) {
            const utf16 = map.toUtf16(cp);
            assert.equal(utf16, points.slice(0, cp).join('').length);
            assert.equal(map.toCodePoint(utf16), cp);
          }
        }),
      );
    });
  });

  describe('sliceCodePoints', () => {
    it('slices by code points', () => assert.equal(sliceCodePoints('😀ab😀c', 1, 4), 'ab😀'));
  });
});

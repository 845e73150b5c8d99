import * as assert from 'node:assert/strict';
import fc from 'fast-check';
import { measureContextSimilarity } from '../../../src/core/anchor/context-similarity';

describe('anchor/context-similarity', () => {
  describe('measureContextSimilarity', () => {
    const prefix = 'the inspectors said that ';
    const cases: [string, string, string, 'prefix' | 'suffix', number][] = [
      ['an intact prefix', prefix, `Before that, ${prefix}`, 'prefix', 1],
      ['an intact suffix', ' of care leavers', ' of care leavers were housed', 'suffix', 1],
      ['empty context carries no evidence', '', 'anything', 'prefix', 1],
      ['nothing on that side', prefix, '', 'prefix', 0],
      ['one letter changed next to the candidate', 'abcdefghij', 'xxabcdefghiX', 'prefix', 0.9],
    ];
    for (const [name, expected, actual, side, similarity] of cases) {
      it(name, () => assert.equal(measureContextSimilarity(expected, actual, side), similarity));
    }

    it('forgives a sentence inserted right next to the candidate at half its length', () => {
      const inserted = 'New words. ';
      const similarity = measureContextSimilarity(prefix, `${prefix}${inserted}`, 'prefix');
      assert.equal(similarity, 1 - Math.ceil(inserted.length / 2) / prefix.length);
    });

    it('scores unrelated text low', () => {
      assert.ok(measureContextSimilarity('the council will publish its pla', 'Ofsted rated the service inadequate in 2019 after', 'prefix') < 0.5);
    });

    it('stays within [0, 1] and is 1 exactly when the context is intact', () => {
      fc.assert(
        fc.property(fc.string(), fc.string(), fc.constantFrom<'prefix' | 'suffix'>('prefix', 'suffix'), (expected, actual, side) => {
          const similarity = measureContextSimilarity(expected, actual, side);
          assert.ok(similarity >= 0 && similarity <= 1);
          const intact = expected === '' || (side === 'prefix' ? actual.endsWith(expected) : actual.startsWith(expected));
          assert.equal(similarity === 1, intact);
        }),
      );
    });
  });
});

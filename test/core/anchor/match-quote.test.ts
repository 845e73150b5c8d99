import * as assert from 'node:assert/strict';
import { matchQuote, MIN_MATCH_SCORE } from '../../../src/core/anchor/match-quote';

describe('anchor/match-quote', () => {
  describe('matchQuote', () => {
    const text = 'In 2023, 92 per cent were housed. In 2024, 92 per cent were housed again.';

    it('finds an exact quote in code points, scoring it 1 with its context intact', () => {
      const found = matchQuote('😀 92 per cent', '92 per cent', { prefix: '😀 ', suffix: '' });
      assert.deepEqual(found && [found.start, found.end], [2, 13]);
      assert.equal(found?.score, 1);
    });

    it('chooses between repetitions by their context', () => {
      const found = matchQuote(text, '92 per cent', { prefix: 'In 2024, ', suffix: ' were housed again.' });
      assert.equal(found?.start, 43);
    });

    it('breaks a tie by the distance from the hint', () => {
      assert.equal(matchQuote(text, '92 per cent', { hint: 40 })?.start, 43);
      assert.equal(matchQuote(text, '92 per cent', { hint: 0 })?.start, 9);
    });

    it('finds an approximate quote when the exact one is gone, scoring it lower', () => {
      const exact = matchQuote(text, 'were housed again', { prefix: '92 per cent ', suffix: '.' });
      const fuzzy = matchQuote(text.replace('housed again', 'housed agian'), 'were housed again', { prefix: '92 per cent ', suffix: '.' });
      assert.ok(exact && fuzzy);
      assert.equal(fuzzy.start, exact.start);
      assert.ok(fuzzy.score < exact.score);
      assert.ok(fuzzy.score >= MIN_MATCH_SCORE);
    });

    // Scores fall as the quote degrades, until the match is refused.
    const degraded: [string, string, boolean][] = [
      ['intact', 'the council will publish its plan', true],
      ['one letter changed', 'the council will publish its plam', true],
      ['a word changed', 'the council will release its plan', true],
      ['half rewritten', 'the cabinet might consider a plan', false],
      ['another sentence', 'inspectors found serious failings', false],
    ];
    const report = 'After the meeting, the council will publish its plan in March.';
    let previous = Infinity;
    for (const [name, quote, found] of degraded) {
      it(`${found ? 'accepts' : 'refuses'} a quote with ${name}`, () => {
        const match = matchQuote(report, quote, { prefix: 'After the meeting, ', suffix: ' in March.' });
        assert.equal(match !== null, found);
        if (match) {
          assert.ok(match.score <= previous);
          previous = match.score;
        }
      });
    }

    it('refuses an exact repetition whose context is gone', () => {
      const found = matchQuote('Last year 92 per cent were.', '92 per cent', { prefix: 'In 2023, ', suffix: ' of care leavers were housed.' });
      assert.equal(found, null);
    });

    it('searches only inside `within`', () => {
      assert.equal(matchQuote(text, '92 per cent', {}, { within: { start: 20, end: text.length } })?.start, 43);
      assert.equal(matchQuote(text, '92 per cent', {}, { within: { start: 20, end: 50 } }), null);
    });

    it('returns null for an empty quote or text', () => {
      assert.equal(matchQuote(text, ''), null);
      assert.equal(matchQuote('', 'x'), null);
    });
  });
});

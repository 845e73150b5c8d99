import { strict as assert } from 'node:assert';
import { SENTENCE_SEARCH_LIMIT, sentenceAround } from '../../../src/core/text/sentence-around';

/** The span of `needle` in `text`. */
const spanOf = (text: string, needle: string) => {
  const start = text.indexOf(needle);
  return { start, end: start + needle.length };
};

describe('core/text/sentence-around', () => {
  describe('sentenceAround', () => {
    const cases: { name: string; text: string; needle: string; expected: string }[] = [
      { name: 'takes the sentence in the middle of a paragraph', text: 'First one. Attendance rose to 92% this year. Last one.', needle: '92%', expected: 'Attendance rose to 92% this year.' },
      { name: 'starts at the beginning of the text', text: 'Rates of 40% were seen. Then more.', needle: '40%', expected: 'Rates of 40% were seen.' },
      { name: 'ends at the end of the text without a full stop', text: 'Intro. The council should act now', needle: 'should', expected: 'The council should act now' },
      { name: 'keeps closing quotes with the sentence', text: 'He said: “It was 12 days.” Then left.', needle: '12 days', expected: 'He said: “It was 12 days.”' },
      { name: 'stops at a blank line (a heading above)', text: 'Key findings\n\nSpending rose by £2m in 2020', needle: '£2m', expected: 'Spending rose by £2m in 2020' },
      { name: 'collapses line breaks inside the sentence', text: 'The rate was\n  65 per cent\nlast year. Next.', needle: '65 per cent', expected: 'The rate was 65 per cent last year.' },
      { name: 'covers every sentence a span crosses', text: 'A. B one. B two. C.', needle: 'one. B two', expected: 'B one. B two.' },
    ];
    for (const { name, text, needle, expected } of cases) {
      it(name, () => assert.equal(sentenceAround(text, spanOf(text, needle)), expected));
    }

    it('cuts a sentence longer than the search limit with ellipses', () => {
      const filler = 'word '.repeat(SENTENCE_SEARCH_LIMIT);
      const text = `Start. ${filler}42 items ${filler}end.`;
      const result = sentenceAround(text, spanOf(text, '42 items'));
      assert.ok(result.startsWith('…') && result.endsWith('…'));
      assert.ok(result.includes('42 items'));
    });
  });
});

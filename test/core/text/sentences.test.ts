import * as assert from 'node:assert/strict';
import fc from 'fast-check';
import { matchListMarker, splitSentences } from '../../../src/core/text/sentences';

const texts = (text: string): string[] => splitSentences(text).map((s) => text.slice(s.start, s.end));

describe('text/sentences', () => {
  describe('splitSentences', () => {
    const cases: [string, string, string[]][] = [
      ['plain full stops', 'The council met. It agreed the budget.', ['The council met.', 'It agreed the budget.']],
      ['question and exclamation marks', 'Is it safe? Yes! It is.', ['Is it safe?', 'Yes!', 'It is.']],
      ['titles before names', 'Ms Patel met Mr. Jones and Dr. Okafor. Cllr. Reid was absent.', ['Ms Patel met Mr. Jones and Dr. Okafor.', 'Cllr. Reid was absent.']],
      ['saints and professors', 'They met at St. Mary’s with Prof. Hale and Rev. Ames. Then they left.', ['They met at St. Mary’s with Prof. Hale and Rev. Ames.', 'Then they left.']],
      ['number abbreviation', 'He lives at No. 10 Downing Street. He moved in May.', ['He lives at No. 10 Downing Street.', 'He moved in May.']],
      ['e.g. and i.e. before a capital', 'Some partners, e.g. Devon Police, i.e. The Force, agreed. Others did not.', ['Some partners, e.g. Devon Police, i.e. The Force, agreed.', 'Others did not.']],
      ['etc. before lower case', 'Staff, carers etc. were consulted. Results follow.', ['Staff, carers etc. were consulted.', 'Results follow.']],
      ['month abbreviation before a number', 'The visit on Jan. 14 went well. The next is in Feb. 2025 at the latest.', ['The visit on Jan. 14 went well.', 'The next is in Feb. 2025 at the latest.']],
      ['initials', 'The report by J. R. Smith was published. It was long.', ['The report by J. R. Smith was published.', 'It was long.']],
      ['decimals', 'The rate rose to 4.5 per cent. It had been 3.2.', ['The rate rose to 4.5 per cent.', 'It had been 3.2.']],
      ['ellipsis before a capital', 'We waited... Then it came. It was late… and cold.', ['We waited...', 'Then it came.', 'It was late… and cold.']],
      ['full stop inside closing quotes', 'She said it was “good.” Staff agreed.', ['She said it was “good.”', 'Staff agreed.']],
      ['a quotation with attribution is one sentence', '“We must act now,” she said. Nobody objected.', ['“We must act now,” she said.', 'Nobody objected.']],
      ['a sentence inside a quotation loses its marks', 'She said: “Leaders must act. They know it.” He agreed.', ['She said:', 'Leaders must act.', 'They know it.', 'He agreed.']],
      ['straight quotes opening again without closing', '"First part. "Second part. "Third part." Then prose.', ['First part.', 'Second part.', 'Third part.', 'Then prose.']],
      ['a quoted term keeps its marks', '"Total respect" is a programme. It works.', ['"Total respect" is a programme.', 'It works.']],
      ['single quotes and apostrophes', 'Care leavers said they were ‘bounced from pillar to post’. Devon’s plan helps.', ['Care leavers said they were ‘bounced from pillar to post’.', 'Devon’s plan helps.']],
      ['quotation spanning a sentence then attribution', '“It is working. It has to,” he said.', ['It is working.', 'It has to,” he said.']],
      ['lower case after a full stop does not split', 'The report (p. 4) says so. the end.', ['The report (p. 4) says so. the end.']],
      ['bullets start sentences and are left out', 'What needs to improve\n◼ The quality of plans.\n• The timeliness of visits\n- Supervision.', ['What needs to improve', 'The quality of plans.', 'The timeliness of visits', 'Supervision.']],
      ['numbered and lettered items', '1. Ensure plans are clear.\n2) Review cases.\na) Train staff.\n(iv) Audit files.', ['Ensure plans are clear.', 'Review cases.', 'Train staff.', 'Audit files.']],
      ['paragraph numbers', '22. When decisions are made, they are sound. Children are safe.', ['When decisions are made, they are sound.', 'Children are safe.']],
      ['sub-numbered items', '2.1 That Cabinet approves the plan.\n2.2 That officers report back.', ['That Cabinet approves the plan.', 'That officers report back.']],
      ['wrapped lines join', 'The service needs to improve the quality of\nits case recording. It knows this.', ['The service needs to improve the quality of\nits case recording.', 'It knows this.']],
      ['a short heading line splits', 'Areas for improvement\nThe trust must ensure staff are trained.', ['Areas for improvement', 'The trust must ensure staff are trained.']],
      ['a line ending in a colon splits', 'The provider must:\nreview its policies.', ['The provider must:', 'review its policies.']],
      ['inline bullets split', 'Main points: • A ban in pubs • Fines for owners', ['Main points:', 'A ban in pubs', 'Fines for owners']],
      ['a year at a line start is not a number marker', 'It was founded in\n2019. Since then it has grown.', ['It was founded in\n2019.', 'Since then it has grown.']],
      ['CRLF line breaks', 'Summary\r\nLeaders act.\r\n\r\nNext.', ['Summary', 'Leaders act.', 'Next.']],
      ['white space only', '  \n\t ', []],
      ['nothing', '', []],
      ['no final punctuation', 'A heading without a stop', ['A heading without a stop']],
      ['quotation marks around white space only', '“\t”', []],
      // Long runs of plain ASCII are skipped in one jump: what follows them must still be seen.
      ['a boundary after a long run of plain words', `${'word '.repeat(400)}ends here. Next one.`, [`${'word '.repeat(400)}ends here.`, 'Next one.']],
      ['non-ASCII letters and marks inside a sentence', 'Café staff said “très bien” — well done. Next.', ['Café staff said “très bien” — well done.', 'Next.']],
      ['an emoji before the full stop', 'Residents loved it 😀. Staff did too.', ['Residents loved it 😀.', 'Staff did too.']],
      ['a bullet glyph after a long run', `Points ${'x '.repeat(100)}• Second point`, [`Points ${'x '.repeat(100)}`.trimEnd(), 'Second point']],
      ['a colon and quotation after a long run', `${'a '.repeat(50)}said: “Act now.”`, [`${'a '.repeat(50)}said:`, 'Act now.']],
    ];
    for (const [name, text, expected] of cases) {
      it(name, () => assert.deepEqual(texts(text), expected));
    }

    it('flags list items and sentences that have a line to themselves', () => {
      const text = 'Recommendations\n• Improve plans. Train staff.\nMore prose here.';
      const flags = splitSentences(text).map((s) => [text.slice(s.start, s.end), s.listItem, s.ownLine]);
      assert.deepEqual(flags, [
        ['Recommendations', false, true],
        ['Improve plans.', true, false],
        ['Train staff.', false, false],
        ['More prose here.', false, true],
      ]);
    });

    it('gives ordered, non-overlapping, trimmed spans inside the text that never split a surrogate pair', () => {
      const pieces = ['a', 'B', ' ', '.', '. ', '?', '!', '…', ':', '"', '“', '”', '‘', '’', "'", '\n', '\r\n', '\r', '\t', '•', '- ', '1. ', '(a) ', 'Mr. ', 'e.g. ', '😀', '\uFEFF', '\u0000', '\uD800', '\uDC00', 'Word', '4.5'];
      fc.assert(
        fc.property(fc.array(fc.constantFrom(...pieces), { maxLength: 80 }), (parts) => {
          const text = parts.join('');
          let previousEnd = 0;
          for (const sentence of splitSentences(text)) {
            assert.ok(sentence.start >= previousEnd && sentence.start < sentence.end && sentence.end <= text.length);
            const isHigh = (i: number): boolean => i > 0 && /[\uD800-\uDBFF]/.test(text[i - 1]!) && /[\uDC00-\uDFFF]/.test(text[i] ?? '');
            assert.ok(!isHigh(sentence.start) && !isHigh(sentence.end), 'splits a surrogate pair');
            assert.equal(text.slice(sentence.start, sentence.end).trim().length > 0, true);
            previousEnd = sentence.end;
          }
        }),
        { numRuns: 500 },
      );
    });

    it('never throws on arbitrary strings', () => {
      fc.assert(fc.property(fc.string({ unit: 'binary', maxLength: 200 }), (text) => void splitSentences(text)), { numRuns: 200 });
    });
  });

  describe('matchListMarker', () => {
    const cases: [string, number][] = [
      ['• Item', 2],
      ['◼ Item', 2],
      ['- Item', 2],
      ['12. Item', 4],
      ['3) Item', 3],
      ['(b) Item', 4],
      ['iv. Item', 4],
      ['2.3 Item', 4],
      ['2019. Item', -1],
      ['-Item', -1],
      ['Item', -1],
      ['e.g. Item', -1],
    ];
    for (const [text, expected] of cases) {
      it(`reads ${JSON.stringify(text)}`, () => assert.equal(matchListMarker(text, 0), expected));
    }
  });
});

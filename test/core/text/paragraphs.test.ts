import * as assert from 'node:assert/strict';
import fc from 'fast-check';
import { splitParagraphs } from '../../../src/core/text/paragraphs';

describe('text/paragraphs', () => {
  describe('splitParagraphs', () => {
    const cases: [string, string, string[]][] = [
      ['blank lines separate', 'One.\n\nTwo.', ['One.', 'Two.']],
      ['single line breaks stay inside', 'One\nstill one\n\nTwo', ['One\nstill one', 'Two']],
      ['CRLF and lone CR', 'A\r\n\r\nB\r\rC', ['A', 'B', 'C']],
      ['white-space-only lines are blank', 'A\n \t \nB', ['A', 'B']],
      ['leading and trailing blank lines', '\n\n  \nA\n\n', ['A']],
      ['nothing', '', []],
      ['only blanks', ' \n\n\t', []],
    ];
    for (const [name, text, expected] of cases) {
      it(name, () => assert.deepEqual(splitParagraphs(text).map((p) => p.text), expected));
    }

    it('gives offsets whose slice is the paragraph, in order, never overlapping', () => {
      fc.assert(
        fc.property(fc.array(fc.constantFrom('a', ' ', '\n', '\r', '\r\n', '\t', '😀', 'word'), { maxLength: 60 }), (parts) => {
          const text = parts.join('');
          let previousEnd = -1;
          for (const paragraph of splitParagraphs(text)) {
            assert.equal(text.slice(paragraph.start, paragraph.end), paragraph.text);
            assert.ok(paragraph.start > previousEnd);
            assert.ok(paragraph.text.trim().length > 0);
            previousEnd = paragraph.end;
          }
        }),
      );
    });
  });
});

import * as assert from 'node:assert/strict';
import fc from 'fast-check';
import { locateJsonError } from '../../../src/core/export/locate-json-error';

describe('export/locate-json-error', () => {
  describe('locateJsonError', () => {
    const cases: [string, string, number | undefined][] = [
      ['valid JSON', '{"a": [1, -2.5e3, true, null, "x\\u00e9"]}', undefined],
      ['a missing value', '{"a": }', 6],
      ['a trailing comma', '[1, 2,]', 6],
      ['an unclosed array at the end', '[1, 2', 5],
      ['a bare word', '{"a": yes}', 6],
      ['a control character in a string', '["a\nb"]', 3],
      ['text after the value', '{} x', 3],
      ['nothing', '', 0],
    ];
    for (const [name, text, offset] of cases) it(name, () => assert.equal(locateJsonError(text), offset));

    it('agrees with JSON.parse on what is valid', () => {
      fc.assert(
        fc.property(fc.oneof(fc.json(), fc.string()), (text) => {
          let valid = true;
          try {
            JSON.parse(text);
          } catch {
            valid = false;
          }
          assert.equal(locateJsonError(text) === undefined, valid, text);
        }),
        { numRuns: 500 },
      );
    });
  });
});

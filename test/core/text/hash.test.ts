import * as assert from 'node:assert/strict';
import fc from 'fast-check';
import { hashText } from '../../../src/core/text/hash';

/** The definition of 64-bit FNV-1a over UTF-8, with BigInt: slow and obviously right. */
function referenceHash(text: string): string {
  let hash = 0xcbf29ce484222325n;
  for (const byte of new TextEncoder().encode(text)) hash = ((hash ^ BigInt(byte)) * 0x100000001b3n) & 0xffffffffffffffffn;
  return `fnv1a64:${hash.toString(16).padStart(16, '0')}`;
}

describe('core/text/hash', () => {
  describe('hashText', () => {
    const cases: [string, string][] = [
      ['the empty string', ''],
      ['ASCII', 'In September 2018, 92 per cent of care leavers'],
      ['two-byte UTF-8', 'café £2.5m'],
      ['three-byte UTF-8', 'curly “quotes” and €'],
      ['four-byte UTF-8 (a surrogate pair)', 'emoji 😀 here'],
      ['a lone surrogate, hashed as U+FFFD like TextEncoder', 'broken \ud800 pair'],
      ['CRLF', 'a\r\nb'],
    ];
    for (const [label, text] of cases) {
      it(`matches the FNV-1a definition for ${label}`, () => assert.equal(hashText(text), referenceHash(text)));
    }

    it('has the published FNV-1a 64 test vectors', () => {
      assert.equal(hashText(''), 'fnv1a64:cbf29ce484222325');
      assert.equal(hashText('a'), 'fnv1a64:af63dc4c8601ec8c');
      assert.equal(hashText('foobar'), 'fnv1a64:85944171f73967e8');
    });

    it('matches the definition on any string', () => {
      fc.assert(fc.property(fc.string({ unit: 'binary', maxLength: 200 }), (text) => hashText(text) === referenceHash(text)));
    });

    it('changes when one character changes', () => {
      assert.notEqual(hashText('92 per cent'), hashText('93 per cent'));
    });
  });
});

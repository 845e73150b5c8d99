/**
 * A content hash for report text, stored as the sidecar's `sourceHash` so the
 * store can tell whether its offsets still refer to the report on disk.
 *
 * It must be synchronous (the editor checks it on every open), the same in
 * Node and in browsers (so no `node:crypto`, and WebCrypto is asynchronous),
 * and fast on large reports. 64-bit FNV-1a over the text's UTF-8 bytes meets
 * all three: a few arithmetic steps per byte, no allocation, and easy to
 * reproduce in any language from its published definition. It is not a
 * cryptographic hash, and does not need to be: it detects edits, it does not
 * defend against forgery.
 */

/** The prefix that names the algorithm, so a later format can change it without ambiguity. */
export const HASH_ALGORITHM = 'fnv1a64';

/**
 * `fnv1a64:` followed by 16 lowercase hex digits: the 64-bit FNV-1a hash of
 * the UTF-8 encoding of `text` (a lone surrogate encodes as U+FFFD, as
 * `TextEncoder` does). Pure and synchronous; about 10 MB in tens of
 * milliseconds.
 */
export function hashText(text: string): string {
  // The 64-bit state as four 16-bit limbs (h3 most significant), so that the
  // multiplication by the FNV prime 2^40 + 0x1b3 stays within 32-bit integer
  // arithmetic: each partial product is under 2^26, so `>>> 16` carries are exact.
  let h0 = 0x2325;
  let h1 = 0x8422;
  let h2 = 0x9ce4;
  let h3 = 0xcbf2;
  const length = text.length;
  for (let i = 0; i < length; i++) {
    let c = text.charCodeAt(i);
    let bytes: number;
    let count: number;
    if (c < 0x80) {
      // Fast path for ASCII, the bulk of every report.
      h0 ^= c;
      const t0 = h0 * 0x1b3;
      const t1 = h1 * 0x1b3;
      const t2 = h2 * 0x1b3 + (h0 << 8);
      const t3 = h3 * 0x1b3 + (h1 << 8);
      h0 = t0 & 0xffff;
      const c1 = t1 + (t0 >>> 16);
      h1 = c1 & 0xffff;
      const c2 = t2 + (c1 >>> 16);
      h2 = c2 & 0xffff;
      h3 = (t3 + (c2 >>> 16)) & 0xffff;
      continue;
    }
    if (c >= 0xd800 && c <= 0xdbff && i + 1 < length) {
      const low = text.charCodeAt(i + 1);
      if (low >= 0xdc00 && low <= 0xdfff) {
        c = 0x10000 + ((c - 0xd800) << 10) + (low - 0xdc00);
        i++;
      } else {
        c = 0xfffd;
      }
    } else if (c >= 0xd800 && c <= 0xdfff) {
      c = 0xfffd;
    }
    // The UTF-8 bytes of `c`, packed most significant first.
    if (c < 0x800) {
      bytes = ((0xc0 | (c >> 6)) << 8) | (0x80 | (c & 0x3f));
      count = 2;
    } else if (c < 0x10000) {
      bytes = ((0xe0 | (c >> 12)) << 16) | ((0x80 | ((c >> 6) & 0x3f)) << 8) | (0x80 | (c & 0x3f));
      count = 3;
    } else {
      bytes = (((0xf0 | (c >> 18)) << 24) | ((0x80 | ((c >> 12) & 0x3f)) << 16) | ((0x80 | ((c >> 6) & 0x3f)) << 8) | (0x80 | (c & 0x3f))) >>> 0;
      count = 4;
    }
    for (let k = count - 1; k >= 0; k--) {
      h0 ^= (bytes >>> (8 * k)) & 0xff;
      const t0 = h0 * 0x1b3;
      const t1 = h1 * 0x1b3;
      const t2 = h2 * 0x1b3 + (h0 << 8);
      const t3 = h3 * 0x1b3 + (h1 << 8);
      h0 = t0 & 0xffff;
      const c1 = t1 + (t0 >>> 16);
      h1 = c1 & 0xffff;
      const c2 = t2 + (c1 >>> 16);
      h2 = c2 & 0xffff;
      h3 = (t3 + (c2 >>> 16)) & 0xffff;
    }
  }
  const hex = (limb: number): string => limb.toString(16).padStart(4, '0');
  return `${HASH_ALGORITHM}:${hex(h3)}${hex(h2)}${hex(h1)}${hex(h0)}`;
}

/**
 * Sidecar bytes to text, with the checks that come before any parsing: the
 * size limit (so a huge file is refused without being decoded) and UTF-8.
 */
import { fail, ok, type Result } from '../errors';
import { formatBytes } from '../text/decode';
import { DEFAULT_MAX_SIDECAR_BYTES } from './sidecar-format';

/**
 * The sidecar's text (a byte-order mark dropped), or `sidecar-too-large`
 * over `maxBytes`, or `sidecar-malformed` when the bytes are not UTF-8.
 */
export function decodeSidecar(bytes: Uint8Array, path: string, maxBytes: number = DEFAULT_MAX_SIDECAR_BYTES): Result<string> {
  if (bytes.length > maxBytes) {
    return fail({ code: 'sidecar-too-large', path, message: `refused: ${formatBytes(bytes.length)} is over the ${formatBytes(maxBytes)} limit for sidecars` });
  }
  try {
    return ok(new TextDecoder('utf-8', { fatal: true }).decode(bytes));
  } catch {
    return fail({ code: 'sidecar-malformed', path, message: 'refused: the sidecar is not UTF-8 text' });
  }
}

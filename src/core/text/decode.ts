/**
 * Turning a file's bytes into report text, or saying why not. A binary or
 * enormous file must produce a message, never a frozen editor or a pile of
 * nonsense detections.
 */
import { fail, ok, type Result } from '../errors';
import { stripBom } from '../detect/detect';

/** Reports larger than this are not decoded or detected unless the caller allows more. */
export const DEFAULT_MAX_REPORT_BYTES = 20 * 1024 * 1024;

/** How many leading bytes are inspected for signs of a binary file. */
const BINARY_SNIFF_BYTES = 8192;

export interface DecodeOptions {
  readonly maxBytes?: number;
}

/**
 * Decodes UTF-8 report bytes (dropping a byte-order mark). Fails with
 * `file-too-large` above the limit and `file-binary` when the first 8 KiB
 * hold a NUL byte, the mark of a binary file (UTF-16 text included, which
 * this tool does not read).
 */
export function decodeReport(bytes: Uint8Array, path: string, options: DecodeOptions = {}): Result<string> {
  const maxBytes = options.maxBytes ?? DEFAULT_MAX_REPORT_BYTES;
  if (bytes.length > maxBytes) {
    return fail({
      code: 'file-too-large',
      path,
      message: `skipped: ${formatBytes(bytes.length)} is over the ${formatBytes(maxBytes)} limit for reports`,
    });
  }
  const sniff = Math.min(bytes.length, BINARY_SNIFF_BYTES);
  for (let i = 0; i < sniff; i++) {
    if (bytes[i] === 0) return fail({ code: 'file-binary', path, message: 'skipped: this looks like a binary file, not a text report' });
  }
  return ok(stripBom(new TextDecoder('utf-8').decode(bytes)));
}

/** `1.5 MB`-style sizes for messages. */
export function formatBytes(bytes: number): string {
  if (bytes < 1024) return `${bytes} bytes`;
  if (bytes < 1024 * 1024) return `${(bytes / 1024).toFixed(1)} KB`;
  return `${(bytes / (1024 * 1024)).toFixed(1)} MB`;
}

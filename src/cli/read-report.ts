/** Reading a report from disk for a CLI verb, with the core's checks for binary and oversized files. */
import { fail, type Result } from '../core/errors';
import { decodeReport } from '../core/text/decode';
import type { CliIo } from './io';

export async function readReport(io: CliIo, file: string, maxBytes?: number): Promise<Result<string>> {
  let bytes: Uint8Array | undefined;
  try {
    bytes = await io.fs.readFile(io.fs.resolve(io.cwd, file));
  } catch (error) {
    return fail({ code: 'file-unreadable', path: file, message: `cannot read: ${(error as Error).message}` });
  }
  if (bytes === undefined) return fail({ code: 'file-not-found', path: file, message: 'no such file' });
  return decodeReport(bytes, file, maxBytes === undefined ? {} : { maxBytes });
}

import { createHash } from 'node:crypto';
import { open, stat } from 'node:fs/promises';
import { UserError } from '../shared/errors.js';
import type { Limits } from './limits.js';

/** A spec file's text, with what its bytes tell at once that would take another pass over the text. */
export interface SpecText {
  readonly text: string;
  /** Bytes of the text as UTF-8: the file's bytes without a byte-order mark. */
  readonly byteLength: number;
  /** Hex SHA-256 of those bytes, the text's hash: hashing the bytes read spares encoding the text again (25 MB of UTF-16 for GitHub's spec). */
  readonly sha256: string;
}

/**
 * Reads a local spec file as UTF-8 text. Refuses what is not a regular file (directories,
 * FIFOs and devices such as /dev/zero would hang or never end) and files over the size limit;
 * reads at most that many bytes even when the size on disk lies (/proc files report 0).
 */
export async function readLocalText(file: string, shown: string, limits: Limits): Promise<SpecText> {
  let info;
  try {
    info = await stat(file);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'ENOENT' || code === 'ENOTDIR') throw new UserError('file not found', { file: shown });
    throw new UserError(`cannot read the file (${code ?? 'error'})`, { file: shown });
  }
  if (info.isDirectory()) throw new UserError('is a directory, expected a spec file (.yaml, .yml or .json)', { file: shown });
  if (!info.isFile()) throw new UserError('is not a regular file (a device, pipe or socket), expected a spec file', { file: shown });
  if (info.size > limits.maxFileBytes) throw new UserError(tooLarge(limits), { file: shown });
  let bytes: Buffer;
  try {
    bytes = await readAtMost(file, limits.maxFileBytes + 1, info.size);
  } catch (error) {
    throw new UserError(`cannot read the file (${(error as NodeJS.ErrnoException).code ?? 'error'})`, { file: shown });
  }
  if (bytes.length > limits.maxFileBytes) throw new UserError(tooLarge(limits), { file: shown });
  return decodeUtf8(bytes, shown);
}

/** The size-limit message, shared with remote reads. */
export function tooLarge(limits: Limits): string {
  return `the file is larger than ${limits.maxFileBytes} bytes (oasgen's limit)`;
}

/** Strict UTF-8 (a leading BOM is dropped): binary files get a clear error, not garbage. */
export function decodeUtf8(bytes: Uint8Array, shown: string): SpecText {
  let text: string;
  try {
    text = new TextDecoder('utf-8', { fatal: true, ignoreBOM: false }).decode(bytes);
  } catch {
    throw new UserError('is not UTF-8 text (a binary file?)', { file: shown });
  }
  // Valid UTF-8 decodes losslessly, so the text's UTF-8 is exactly these bytes after the BOM the decoder dropped.
  const body = hasByteOrderMark(bytes) ? bytes.subarray(3) : bytes;
  return { text, byteLength: body.length, sha256: createHash('sha256').update(body).digest('hex') };
}

function hasByteOrderMark(bytes: Uint8Array): boolean {
  return bytes.length >= 3 && bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf;
}

/** The first buffer when the size on disk says nothing (0 for /proc files). */
const MIN_FIRST_READ = 64 * 1024;

/**
 * At most `max` bytes of the file, read until its end. `sizeHint` (the size on disk) sizes the
 * first buffer, so a regular file is one read into one buffer (GitHub's spec: 13 reads of 1 MiB
 * and a copy took twice as long); a file that is larger than it said grows the buffer.
 */
export async function readAtMost(file: string, max: number, sizeHint = 0): Promise<Buffer> {
  const handle = await open(file, 'r');
  try {
    // One byte over the hint: the read that finds the end then needs no bigger buffer.
    let buffer = Buffer.allocUnsafe(Math.min(Math.max(sizeHint + 1, MIN_FIRST_READ), max));
    let total = 0;
    for (;;) {
      if (total === buffer.length) {
        if (total >= max) break;
        const bigger = Buffer.allocUnsafe(Math.min(buffer.length * 2, max));
        buffer.copy(bigger, 0, 0, total);
        buffer = bigger;
      }
      const { bytesRead } = await handle.read(buffer, total, buffer.length - total, null);
      if (bytesRead === 0) break;
      total += bytesRead;
    }
    return buffer.subarray(0, total);
  } finally {
    await handle.close();
  }
}

import { closeSync, fstatSync, mkdirSync, openSync, readFileSync, renameSync, statSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';

/**
 * Whether the caches of compiled code (V8 code cache, validators, templates) are off:
 * OASGEN_NO_COMPILE_CACHE=1 (or NODE_DISABLE_COMPILE_CACHE=1, as in Node).
 */
export function codeCachesDisabled(): boolean {
  return Boolean(process.env['OASGEN_NO_COMPILE_CACHE'] || process.env['NODE_DISABLE_COMPILE_CACHE']);
}

/**
 * A folder for oasgen's caches (compiled code) that only this user can write, or undefined.
 * What is cached there is code that runs in the process, and the temp dir is shared: a folder
 * others could write to would let them run code as this user. Keyed by Node version and arch.
 */
export function privateCacheDir(name: string): string | undefined {
  const uid = typeof process.getuid === 'function' ? process.getuid() : undefined;
  if (uid === undefined) return undefined;
  const tmp = os.tmpdir();
  const dir = path.join(tmp, `oasgen-cache-${uid}`, name, `${process.version}-${process.arch}`);
  try {
    mkdirSync(dir, { recursive: true, mode: 0o700 });
    for (let current = dir; current !== tmp && current !== path.dirname(current); current = path.dirname(current)) {
      const info = statSync(current);
      if (info.uid !== uid || (info.mode & 0o022) !== 0) return undefined;
    }
  } catch {
    return undefined;
  }
  return dir;
}

/** A cache file's bytes when it exists and this user owns it; otherwise undefined. */
export function readPrivateCache(file: string): Buffer | undefined {
  let fd: number | undefined;
  try {
    fd = openSync(file, 'r');
    if (fstatSync(fd).uid !== process.getuid?.()) return undefined;
    return readFileSync(fd);
  } catch {
    return undefined;
  } finally {
    if (fd !== undefined) closeSync(fd);
  }
}

/** Writes a cache file atomically (temp file + rename: concurrent runs never read half of one); failures are ignored. */
export function writePrivateCache(file: string, data: string | Buffer): void {
  const temporary = `${file}.${process.pid}.tmp`;
  try {
    writeFileSync(temporary, data, { mode: 0o600 });
    renameSync(temporary, file);
  } catch {
    // read-only or full temp dir: the next run compiles again
  }
}

import { mkdirSync, statSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';

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

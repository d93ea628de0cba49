import { mkdir, readFile, rename, rm, unlink, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { assertSafeRelativePath, type FileSet } from './file-set.js';
import { MANIFEST_PATH, manifestFiles } from './manifest.js';

/** How a file set compares with an output dir. */
export interface OutputDiff {
  /** Generated files whose content differs on disk. */
  readonly changed: readonly string[];
  /** Generated files missing on disk. */
  readonly missing: readonly string[];
  /** Files the previous manifest lists that this run no longer generates. */
  readonly stale: readonly string[];
  /** Files on disk that oasgen did not write (not in the previous manifest) but would overwrite. */
  readonly foreign: readonly string[];
  /** Generated files identical on disk. */
  readonly unchanged: readonly string[];
}

async function readIfExists(file: string): Promise<string | undefined> {
  try {
    return await readFile(file, 'utf8');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT' || (error as NodeJS.ErrnoException).code === 'ENOTDIR') return undefined;
    throw error;
  }
}

/** Compares the in-memory files (manifest included) with the output dir. Reads only. */
export async function diffOutput(outputDir: string, files: FileSet): Promise<OutputDiff> {
  const previous = new Set(manifestFiles(await readIfExists(path.join(outputDir, MANIFEST_PATH))));
  const changed: string[] = [];
  const missing: string[] = [];
  const foreign: string[] = [];
  const unchanged: string[] = [];
  for (const [relativePath, content] of files) {
    assertSafeRelativePath(relativePath);
    const onDisk = await readIfExists(path.join(outputDir, relativePath));
    if (onDisk === undefined) missing.push(relativePath);
    else if (onDisk === content) unchanged.push(relativePath);
    else if (previous.has(relativePath) || relativePath === MANIFEST_PATH) changed.push(relativePath);
    else foreign.push(relativePath);
  }
  const stale: string[] = [];
  for (const relativePath of previous) {
    if (files.has(relativePath)) continue;
    try {
      assertSafeRelativePath(relativePath);
    } catch {
      continue; // a tampered manifest never makes us delete outside the output dir
    }
    if ((await readIfExists(path.join(outputDir, relativePath))) !== undefined) stale.push(relativePath);
  }
  return { changed, missing, stale, foreign, unchanged };
}

/** What a write did. */
export interface WriteResult {
  readonly written: readonly string[];
  readonly deleted: readonly string[];
  /** Files owned by the user that a generated file would have overwritten: left alone. */
  readonly skipped: readonly string[];
  readonly unchanged: readonly string[];
}

/**
 * Writes a file set into the output dir. Everything is first written to a staging folder
 * inside the output dir and only then renamed into place, so a failure while writing leaves
 * the previous output untouched. Unchanged files are not touched (mtimes kept); only files
 * listed in the previous manifest are ever deleted; user files are never overwritten.
 */
export async function writeOutput(outputDir: string, files: FileSet): Promise<WriteResult> {
  const diff = await diffOutput(outputDir, files);
  const toWrite = [...diff.missing, ...diff.changed];
  const staging = path.join(outputDir, '.oasgen', `staging-${process.pid}`);
  await mkdir(outputDir, { recursive: true });
  await rm(staging, { recursive: true, force: true });
  try {
    for (const relativePath of toWrite) {
      const target = path.join(staging, relativePath);
      await mkdir(path.dirname(target), { recursive: true });
      await writeFile(target, files.get(relativePath)!, 'utf8');
    }
    // The manifest goes last so an interrupted run still lists every file it may have written.
    const ordered = [...toWrite.filter((p) => p !== '.oasgen/manifest.json'), ...toWrite.filter((p) => p === '.oasgen/manifest.json')];
    for (const relativePath of ordered) {
      const target = path.join(outputDir, relativePath);
      await mkdir(path.dirname(target), { recursive: true });
      await rename(path.join(staging, relativePath), target);
    }
  } finally {
    await rm(staging, { recursive: true, force: true });
  }
  for (const relativePath of diff.stale) await unlink(path.join(outputDir, relativePath));
  return { written: toWrite, deleted: diff.stale, skipped: diff.foreign, unchanged: diff.unchanged };
}

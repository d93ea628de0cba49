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
  const generated = [...files.keys()];
  for (const relativePath of generated) assertSafeRelativePath(relativePath);
  // Reads overlap (thousands of files on big specs); results are collected in file-set order.
  const onDisk = await mapConcurrently(generated, (relativePath) => readIfExists(path.join(outputDir, relativePath)));
  const changed: string[] = [];
  const missing: string[] = [];
  const foreign: string[] = [];
  const unchanged: string[] = [];
  generated.forEach((relativePath, index) => {
    const disk = onDisk[index];
    if (disk === undefined) missing.push(relativePath);
    else if (disk === files.get(relativePath)) unchanged.push(relativePath);
    else if (previous.has(relativePath) || relativePath === MANIFEST_PATH) changed.push(relativePath);
    else foreign.push(relativePath);
  });
  const candidates = [...previous].filter((relativePath) => {
    if (files.has(relativePath)) return false;
    try {
      assertSafeRelativePath(relativePath);
      return true;
    } catch {
      return false; // a tampered manifest never makes us delete outside the output dir
    }
  });
  const exists = await mapConcurrently(candidates, async (relativePath) => (await readIfExists(path.join(outputDir, relativePath))) !== undefined);
  const stale = candidates.filter((_, index) => exists[index]);
  return { changed, missing, stale, foreign, unchanged };
}

/** How many file operations are in flight at once (libuv's pool runs four; more only queues). */
const IO_CONCURRENCY = 16;

/** `Promise.all(items.map(run))` with at most IO_CONCURRENCY running; results in input order. */
async function mapConcurrently<T, R>(items: readonly T[], run: (item: T) => Promise<R>): Promise<R[]> {
  const results = new Array<R>(items.length);
  let next = 0;
  const worker = async () => {
    for (let index = next++; index < items.length; index = next++) results[index] = await run(items[index]!);
  };
  await Promise.all(Array.from({ length: Math.min(IO_CONCURRENCY, items.length) }, worker));
  return results;
}

/** Creates each distinct parent folder of `relativePaths` under `root` once. */
async function makeParentDirs(root: string, relativePaths: readonly string[]): Promise<void> {
  const dirs = [...new Set(relativePaths.map((relativePath) => path.dirname(path.join(root, relativePath))))];
  // Parents before children so concurrent recursive mkdirs never race on a shared ancestor's work.
  dirs.sort((a, b) => a.length - b.length);
  for (const dir of dirs) await mkdir(dir, { recursive: true });
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
    await makeParentDirs(staging, toWrite);
    await mapConcurrently(toWrite, (relativePath) => writeFile(path.join(staging, relativePath), files.get(relativePath)!, 'utf8'));
    // The manifest goes last so an interrupted run still lists every file it may have written.
    const others = toWrite.filter((p) => p !== MANIFEST_PATH);
    await makeParentDirs(outputDir, toWrite);
    await mapConcurrently(others, (relativePath) => rename(path.join(staging, relativePath), path.join(outputDir, relativePath)));
    if (others.length !== toWrite.length) await rename(path.join(staging, MANIFEST_PATH), path.join(outputDir, MANIFEST_PATH));
  } finally {
    await rm(staging, { recursive: true, force: true });
  }
  for (const relativePath of diff.stale) await unlink(path.join(outputDir, relativePath));
  return { written: toWrite, deleted: diff.stale, skipped: diff.foreign, unchanged: diff.unchanged };
}

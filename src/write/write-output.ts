import { lstat, mkdir, readdir, readFile, rename, rm, rmdir, stat, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { UserError } from '../shared/errors.js';
import { byCodePoint } from '../shared/sort.js';
import { assertSafeRelativePath, type FileSet } from './file-set.js';
import { MANIFEST_PATH, manifestFiles, withoutFiles } from './manifest.js';
import { StagedOutput } from './staged-output.js';

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
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'ENOENT' || code === 'ENOTDIR' || code === 'EISDIR') return undefined;
    throw error;
  }
}

/** The output dir must be a folder (or not exist yet): a clear error instead of ENOTDIR later. */
async function assertOutputDir(outputDir: string): Promise<void> {
  const stats = await stat(outputDir).catch(() => undefined);
  if (stats !== undefined && !stats.isDirectory()) throw new UserError('the output path exists and is not a folder', { file: outputDir });
}

/** Compares the in-memory files (manifest included) with the output dir. Reads only. */
export async function diffOutput(outputDir: string, files: FileSet): Promise<OutputDiff> {
  await assertOutputDir(outputDir);
  const previous = new Set(manifestFiles(await readIfExists(path.join(outputDir, MANIFEST_PATH))));
  const generated = [...files.keys()];
  for (const relativePath of generated) assertSafeRelativePath(relativePath);
  const candidates = [...previous].filter((relativePath) => {
    if (files.has(relativePath)) return false;
    try {
      assertSafeRelativePath(relativePath);
      return true;
    } catch {
      return false; // a tampered manifest never makes us delete outside the output dir
    }
  });
  // A symbolic link inside the output dir (a tampered checkout) would carry writes and deletions elsewhere.
  const links = await linkedFolders(outputDir, [...generated, ...candidates]);
  for (const relativePath of generated) {
    const link = linkOnPath(relativePath, links);
    if (link !== undefined) throw new UserError(`refusing to write through the symbolic link ${JSON.stringify(link)} in the output folder`, { file: path.join(outputDir, link) });
  }
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
  const deletable = candidates.filter((relativePath) => linkOnPath(relativePath, links) === undefined);
  const exists = await mapConcurrently(deletable, async (relativePath) => (await readIfExists(path.join(outputDir, relativePath))) !== undefined);
  const stale = deletable.filter((_, index) => exists[index]);
  return { changed, missing, stale, foreign, unchanged };
}

/** The folders on the way to `relativePaths` (inside `outputDir`) that are symbolic links. */
async function linkedFolders(outputDir: string, relativePaths: readonly string[]): Promise<ReadonlySet<string>> {
  const folders = new Set<string>();
  for (const relativePath of relativePaths) {
    for (let folder = path.posix.dirname(relativePath); folder !== '.' && !folders.has(folder); folder = path.posix.dirname(folder)) folders.add(folder);
  }
  const list = [...folders];
  const stats = await mapConcurrently(list, (folder) => lstat(path.join(outputDir, folder)).catch(() => undefined));
  return new Set(list.filter((_, index) => stats[index]?.isSymbolicLink()));
}

/** The first folder of a relative path that is one of `links`, if any. */
function linkOnPath(relativePath: string, links: ReadonlySet<string>): string | undefined {
  if (links.size === 0) return undefined;
  const segments = relativePath.split('/');
  for (let count = 1; count < segments.length; count++) {
    const folder = segments.slice(0, count).join('/');
    if (links.has(folder)) return folder;
  }
  return undefined;
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

/**
 * Like mapConcurrently, but every item is attempted and all have finished before the first
 * error is thrown: a rollback must not race renames still in flight.
 */
async function eachConcurrently<T>(items: readonly T[], run: (item: T) => Promise<void>): Promise<void> {
  const errors: unknown[] = [];
  await mapConcurrently(items, (item) => run(item).catch((error: unknown) => void errors.push(error)));
  if (errors.length > 0) throw errors[0];
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
  /** Files created or replaced (the manifest included when it changed). */
  readonly written: readonly string[];
  /** Files of the previous manifest that are no longer generated: removed. */
  readonly deleted: readonly string[];
  /** Files owned by the user that a generated file would have overwritten: left alone. */
  readonly skipped: readonly string[];
  readonly unchanged: readonly string[];
}

/**
 * Writes a file set into the output dir, all or nothing. A new output dir is staged whole and
 * renamed into place (`staged`: one already being written while the files were rendered); an
 * existing one is updated file by file:
 * - new contents are first written to a staging folder inside the output dir (same file system,
 *   so the final step is renames only);
 * - files to be replaced or deleted are moved to a backup folder first; if any step fails, the
 *   moved-in files are removed and the backups moved back, so the previous output is restored;
 * - unchanged files are not touched (mtimes kept), only files listed in the previous manifest are
 *   ever replaced or deleted, a user's file is never overwritten (it is reported in `skipped` and
 *   left out of the new manifest), and folders emptied by deletions are removed.
 */
export async function writeOutput(outputDir: string, files: FileSet, staged?: StagedOutput): Promise<WriteResult> {
  // A new output folder is built whole beside its final place and renamed into it (see StagedOutput):
  // one atomic step instead of a rename per file, nothing to roll back.
  staged ??= await StagedOutput.open(outputDir);
  const fresh = await staged?.commit(files);
  if (fresh) return { written: fresh, deleted: [], skipped: [], unchanged: [] };
  let diff = await diffOutput(outputDir, files);
  if (diff.foreign.length > 0) {
    // Files we did not write stay the user's: the manifest must not claim them.
    const manifest = files.get(MANIFEST_PATH);
    files = new Map(files);
    files.delete(MANIFEST_PATH);
    for (const file of diff.foreign) files.delete(file);
    if (manifest !== undefined) files.set(MANIFEST_PATH, withoutFiles(manifest, diff.foreign));
    const rest = await diffOutput(outputDir, files);
    diff = { ...rest, foreign: diff.foreign };
  }
  const toWrite = [...diff.missing, ...diff.changed].sort(byCodePoint);
  if (toWrite.length === 0 && diff.stale.length === 0) return { written: [], deleted: [], skipped: diff.foreign, unchanged: diff.unchanged };

  const work = path.join(outputDir, '.oasgen', `tmp-${process.pid}`);
  const staging = path.join(work, 'new');
  const backup = path.join(work, 'old');
  const created = (await stat(outputDir).catch(() => undefined)) === undefined;
  await mkdir(outputDir, { recursive: true });
  await rm(work, { recursive: true, force: true });
  const movedIn: string[] = [];
  const backedUp: string[] = [];
  try {
    await makeParentDirs(staging, toWrite);
    await eachConcurrently(toWrite, (relativePath) => writeFile(path.join(staging, relativePath), files.get(relativePath)!, 'utf8'));
    const replaced = [...diff.changed, ...diff.stale];
    await makeParentDirs(backup, replaced);
    await eachConcurrently(replaced, async (relativePath) => {
      await rename(path.join(outputDir, relativePath), path.join(backup, relativePath));
      backedUp.push(relativePath);
    });
    await makeParentDirs(outputDir, toWrite);
    const others = toWrite.filter((relativePath) => relativePath !== MANIFEST_PATH);
    const moveIn = async (relativePath: string) => {
      await rename(path.join(staging, relativePath), path.join(outputDir, relativePath));
      movedIn.push(relativePath);
    };
    await eachConcurrently(others, moveIn);
    // The manifest goes last, so an interrupted run never lists files it did not write.
    if (others.length !== toWrite.length) await moveIn(MANIFEST_PATH);
  } catch (error) {
    // Roll back: what came in goes, what was moved aside comes back.
    await eachConcurrently(movedIn, (relativePath) => rm(path.join(outputDir, relativePath), { force: true }));
    await eachConcurrently(backedUp, (relativePath) => rename(path.join(backup, relativePath), path.join(outputDir, relativePath)));
    await rm(work, { recursive: true, force: true });
    await pruneEmptyFolders(outputDir, [...toWrite, '.oasgen/tmp']);
    if (created) await rmdir(outputDir).catch(() => undefined);
    throw error;
  }
  await rm(work, { recursive: true, force: true });
  await pruneEmptyFolders(outputDir, diff.stale);
  return { written: toWrite, deleted: diff.stale, skipped: diff.foreign, unchanged: diff.unchanged };
}

/** Removes the folders of the given files that are now empty, deepest first, up to (not including) the output dir. */
async function pruneEmptyFolders(outputDir: string, relativePaths: readonly string[]): Promise<void> {
  const folders = new Set<string>();
  for (const relativePath of relativePaths) {
    for (let folder = path.posix.dirname(relativePath); folder !== '.'; folder = path.posix.dirname(folder)) folders.add(folder);
  }
  const deepestFirst = [...folders].sort((a, b) => b.split('/').length - a.split('/').length || byCodePoint(a, b));
  for (const folder of deepestFirst) {
    const absolute = path.join(outputDir, folder);
    const entries = await readdir(absolute).catch(() => undefined);
    if (entries !== undefined && entries.length === 0) await rmdir(absolute).catch(() => undefined);
  }
}

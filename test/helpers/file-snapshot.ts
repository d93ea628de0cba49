/**
 * File snapshots: each generated file is compared with a committed, readable copy (a real .ts or
 * .md file, not a string inside a .snap). Honours Jest's snapshot mode: `-u` rewrites and prunes,
 * a normal run writes snapshots that do not exist yet, `--ci` writes nothing.
 */
import { mkdir, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { firstDiffs, type FileDifference } from './unified-diff.js';

type UpdateMode = 'all' | 'new' | 'none';

/** Jest's current snapshot update mode (from the running test's snapshot state). */
function updateMode(): UpdateMode {
  const state = expect.getState() as { snapshotState?: { _updateSnapshot?: UpdateMode } };
  return state.snapshotState?._updateSnapshot ?? 'none';
}

async function listFiles(dir: string, prefix = ''): Promise<string[]> {
  let entries;
  try {
    entries = await readdir(dir, { withFileTypes: true });
  } catch {
    return [];
  }
  const files: string[] = [];
  for (const entry of entries) {
    const relative = prefix === '' ? entry.name : `${prefix}/${entry.name}`;
    if (entry.isDirectory()) files.push(...(await listFiles(path.join(dir, entry.name), relative)));
    else files.push(relative);
  }
  return files;
}

async function readIfExists(file: string): Promise<string | undefined> {
  try {
    return await readFile(file, 'utf8');
  } catch {
    return undefined;
  }
}

/** Asserts that `dir` holds exactly `files` (relative path → content), updating it as Jest's mode allows. */
export async function expectFileSnapshots(dir: string, files: ReadonlyMap<string, string>): Promise<void> {
  const mode = updateMode();
  const differences: FileDifference[] = [];
  for (const [file, actual] of files) {
    const target = path.join(dir, file);
    const expected = await readIfExists(target);
    if (expected === actual) continue;
    if (mode === 'all' || (mode === 'new' && expected === undefined)) {
      await mkdir(path.dirname(target), { recursive: true });
      await writeFile(target, actual);
    } else {
      differences.push({ file, expected, actual });
    }
  }
  for (const file of await listFiles(dir)) {
    if (files.has(file)) continue;
    if (mode === 'all') await rm(path.join(dir, file));
    else differences.push({ file, expected: await readIfExists(path.join(dir, file)), actual: undefined });
  }
  if (differences.length > 0) {
    const where = path.relative(process.cwd(), dir) || dir;
    throw new Error(
      `${differences.length} file snapshot(s) in ${where} do not match the generator's output ` +
        `(update them with \`npm test -- -u\` if the change is intended):\n\n${firstDiffs(differences)}`,
    );
  }
}

/**
 * writeOutput is all or nothing: when a rename fails halfway (here: a generated path is occupied
 * by a folder), every file already moved in is taken back and every replaced file restored, so
 * the output is byte for byte what it was; no staging or backup folder is left behind.
 */
import { mkdir, readdir, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { MANIFEST_PATH, writeOutput, type FileSet } from '../../src/write/index.js';
import { snapshotTree, tempDir } from '../helpers/run-cli.js';

const manifestOf = (files: string[], specHash = 'h') => JSON.stringify({ generator: { name: 'oasgen', version: 't' }, specHash, files, operations: [], models: [] }, null, 2) + '\n';

function fileSet(version: string): FileSet {
  const files = ['a.ts', 'docs/b.md', 'z/c.ts'];
  return new Map([...files.map((file) => [file, `${file} ${version}\n`] as const), [MANIFEST_PATH, manifestOf(files, version)]]);
}

test('a failure while moving files in restores the previous output exactly', async () => {
  const out = await tempDir('oasgen-write-');
  const first = await writeOutput(out, fileSet('v1'));
  expect(first.written).toEqual(['.oasgen/manifest.json', 'a.ts', 'docs/b.md', 'z/c.ts']);
  // z/c.ts becomes a non-empty folder: renaming the new z/c.ts onto it must fail, after the others.
  await rm(path.join(out, 'z/c.ts'));
  await mkdir(path.join(out, 'z/c.ts'));
  await writeFile(path.join(out, 'z/c.ts/keep'), 'blocks the rename\n');
  const before = await snapshotTree(out);

  await expect(writeOutput(out, fileSet('v2'))).rejects.toThrow(/EISDIR|ENOTEMPTY|EEXIST|EPERM/);
  expect(await snapshotTree(out)).toEqual(before);
  expect((await readdir(path.join(out, '.oasgen'))).sort()).toEqual(['manifest.json']);
});

test('only files of the previous manifest are deleted, and the folders they leave empty are removed', async () => {
  const out = await tempDir('oasgen-write-');
  await writeOutput(out, fileSet('v1'));
  await writeFile(path.join(out, 'docs/mine.md'), 'user file\n');
  const next: FileSet = new Map([['a.ts', 'a.ts v2\n'], [MANIFEST_PATH, manifestOf(['a.ts'])]]);
  const result = await writeOutput(out, next);
  expect(result.deleted).toEqual(['docs/b.md', 'z/c.ts']);
  expect([...(await snapshotTree(out)).keys()]).toEqual(['.oasgen/manifest.json', 'a.ts', 'docs/mine.md']);
  await expect(readdir(path.join(out, 'z'))).rejects.toThrow(/ENOENT/);
});

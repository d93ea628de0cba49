/**
 * The manifest (.oasgen/manifest.json) holds spec strings (operation ids, paths, schema names):
 * they are JSON-encoded data and never read back. Only its `files` list is used again, to
 * delete what a later run no longer generates, so a tampered or hostile manifest (a spec change,
 * a pull request touching the committed output) must not reach outside the output folder: not
 * through `..` or absolute paths, and not through a symbolic link inside the folder.
 */
import { mkdir, readFile, symlink, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { generate } from '../../src/pipeline.js';
import { MANIFEST_PATH, writeOutput, type FileSet } from '../../src/write/index.js';
import { FIXTURES, listFiles, removeDir, tempDir } from './support.js';

let work = '';
beforeEach(async () => {
  work = await tempDir('oasgen-manifest-');
});
afterEach(() => removeDir(work));

const manifestOf = (files: string[]) => JSON.stringify({ generator: { name: 'oasgen', version: 't' }, specHash: 'h', files, operations: [], models: [] }, null, 2) + '\n';

describe('the manifest', () => {
  it('keeps hostile spec strings as JSON data that reads back exactly', async () => {
    const result = await generate({ input: path.join(FIXTURES, 'names.yaml') });
    const manifest = JSON.parse(result.files.get(MANIFEST_PATH)!) as { files: string[]; operations: { operationId: string; path: string }[]; models: { name: string; file: string }[] };
    expect(manifest.operations.map((o) => [o.operationId, o.path])).toEqual(result.model.apis.flatMap((api) => api.operations.map((o) => [o.operationId, o.path])));
    expect(manifest.models.map((m) => [m.name, m.file])).toEqual(result.model.schemas.map((s) => [s.name, s.fileName]));
    // Spec strings are values only: the file list is the generated file names, nothing else.
    expect(manifest.files).toEqual([...result.files.keys()].filter((file) => file !== MANIFEST_PATH));
    expect(result.model.schemas.some((s) => s.name.includes('/') || s.name.includes('..'))).toBe(true);
  });

  it('a tampered file list never deletes outside the output folder: .., absolute paths, symbolic links', async () => {
    const out = path.join(work, 'out');
    const outside = path.join(work, 'outside');
    await mkdir(outside);
    await writeFile(path.join(outside, 'victim.txt'), 'keep me\n');
    await writeFile(path.join(work, 'sibling.txt'), 'keep me too\n');
    const files: FileSet = new Map([['a.ts', 'a\n'], [MANIFEST_PATH, manifestOf(['a.ts'])]]);
    await writeOutput(out, files);
    // The committed output was tampered with: a link to elsewhere and a manifest that lists files through it.
    await symlink(outside, path.join(out, 'link'), 'dir');
    await writeFile(path.join(out, MANIFEST_PATH), manifestOf(['a.ts', 'link/victim.txt', '../sibling.txt', path.join(outside, 'victim.txt'), 'link/../../sibling.txt']));
    const result = await writeOutput(out, files);
    expect(result.deleted).toEqual([]);
    expect(await readFile(path.join(outside, 'victim.txt'), 'utf8')).toBe('keep me\n');
    expect(await readFile(path.join(work, 'sibling.txt'), 'utf8')).toBe('keep me too\n');
  });

  it('generated files are not written through a symbolic link in the output folder', async () => {
    const out = path.join(work, 'out');
    const outside = path.join(work, 'outside');
    await mkdir(outside);
    await mkdir(out);
    await symlink(outside, path.join(out, 'apis'), 'dir');
    const files: FileSet = new Map([['apis/A.ts', 'a\n'], [MANIFEST_PATH, manifestOf(['apis/A.ts'])]]);
    await expect(writeOutput(out, files)).rejects.toThrow('refusing to write through the symbolic link "apis" in the output folder');
    expect(await listFiles(outside)).toEqual([]);
  });
});

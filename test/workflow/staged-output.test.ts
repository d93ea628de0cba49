/**
 * A new output folder is staged in a hidden sibling while the client renders (past 64 files on a
 * writer thread), and renamed into place only at the end: the result is byte for byte the file
 * set, a run that fails leaves nothing behind (no output, no staging folder, no parent folder it
 * made), and a write error on the writer thread reaches the caller. Past a budget of bytes in
 * flight, files wait to be handed to the thread (a small budget in tests) and are still all written.
 */
import { mkdir, readdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { generate } from '../../src/pipeline.js';
import { MANIFEST_PATH, StagedOutput, writeOutput, type FileSet } from '../../src/write/index.js';
import { snapshotTree, tempDir } from '../helpers/run-cli.js';

/** A spec with `count` component schemas: about 2 × count output files, enough to use the writer thread. */
function specWithModels(count: number): string {
  const schemas = Object.fromEntries(
    Array.from({ length: count }, (_, index) => [`Model${index}`, { type: 'object', properties: { id: { type: 'string' }, next: { $ref: `#/components/schemas/Model${(index + 1) % count}` } } }]),
  );
  const responses = { '200': { description: 'ok', content: { 'application/json': { schema: { $ref: '#/components/schemas/Model0' } } } } };
  return JSON.stringify({ openapi: '3.0.3', info: { title: 'many', version: '1' }, paths: { '/m': { get: { operationId: 'getM', responses } } }, components: { schemas } });
}

/** Relative path → text of every file under `dir`. */
async function textsUnder(dir: string): Promise<Map<string, string>> {
  return new Map([...(await snapshotTree(dir))].map(([file, { text }]) => [file, text]));
}

/** A staged output for `<new temp dir>/client`, nothing added yet (`inFlightBytes`: its writer queue's budget). */
async function stagedClient(inFlightBytes?: number): Promise<{ dir: string; output: string; staged: StagedOutput }> {
  const dir = await tempDir('oasgen-staged-');
  const output = path.join(dir, 'client');
  return { dir, output, staged: (await StagedOutput.open(output, inFlightBytes === undefined ? {} : { inFlightBytes }))! };
}

function manyFiles(count: number): FileSet {
  const files: FileSet = new Map(Array.from({ length: count }, (_, index) => [`docs/page${index}.md`, `page ${index}\n`] as const));
  files.set(MANIFEST_PATH, '{}\n');
  return files;
}

test('a large new output is written while rendering and equals the file set byte for byte', async () => {
  const dir = await tempDir('oasgen-staged-');
  const input = path.join(dir, 'spec.json');
  await writeFile(input, specWithModels(300));
  const output = path.join(dir, 'out', 'client');
  const result = await generate({ input, output });
  expect(result.files.size).toBeGreaterThan(300);
  expect(result.written?.written).toEqual([...result.files.keys()]);
  expect(await textsUnder(output)).toEqual(new Map(result.files));
  expect((await readdir(path.join(dir, 'out'))).sort()).toEqual(['client']); // no staging folder left
});

test('a run that fails after files were streamed leaves no output, staging or parent folder behind', async () => {
  const dir = await tempDir('oasgen-staged-');
  const input = path.join(dir, 'spec.json');
  await writeFile(input, specWithModels(300));
  const output = path.join(dir, 'new-parent', 'client');
  const hooks = {
    transformSourceFile: (_file: unknown, info: { readonly path: string }) => {
      if (info.path === 'index.ts') throw new Error('fails after every other file was rendered');
    },
  };
  await expect(generate({ input, output, hooks })).rejects.toThrow(/fails after every other file was rendered/);
  expect(await readdir(dir)).toEqual(['spec.json']);
});

test.each([
  ['the default writer queue', undefined, 200],
  ['a writer queue of a few bytes (the wait for room ends)', 16, 400],
])('a write error on the writer thread rejects the commit and removes the staging folder: %s', async (_queue, inFlightBytes, count) => {
  const { dir, staged } = await stagedClient(inFlightBytes);
  // A folder where page 100 (written by the thread: past the first 64) must go.
  const [staging] = (await readdir(dir)).filter((name) => name.startsWith('.client.oasgen-tmp-'));
  await mkdir(path.join(dir, staging!, 'docs', 'page100.md'), { recursive: true });
  const files = manyFiles(count);
  for (const [file, text] of files) if (file !== MANIFEST_PATH) staged.add(file, text);
  await expect(staged.commit(files)).rejects.toThrow(/EISDIR/);
  expect(await readdir(dir)).toEqual([]);
});

test('with a writer queue of a few bytes, files wait their turn and every one is written', async () => {
  const { output, staged } = await stagedClient(16);
  const files = manyFiles(400);
  for (const [file, text] of files) staged.add(file, text);
  expect(await writeOutput(output, files, staged)).toMatchObject({ written: [...files.keys()].sort() });
  expect(await textsUnder(output)).toEqual(files);
});

test('a file set that differs from what was streamed is written as committed', async () => {
  const { dir, output, staged } = await stagedClient();
  const streamed = manyFiles(100);
  for (const [file, text] of streamed) staged.add(file, text);
  const final: FileSet = new Map(streamed);
  final.set('docs/page99.md', 'changed after streaming\n'); // written by the thread, then rewritten
  final.delete('docs/page0.md'); // streamed, no longer part of the output
  final.set('late.ts', 'never streamed\n');
  expect(await writeOutput(output, final, staged)).toMatchObject({ written: [...final.keys()].sort() });
  expect(await textsUnder(output)).toEqual(final);
});

test('when the output folder appeared meanwhile, the staged files are dropped and the folder is updated in place', async () => {
  const { dir, output, staged } = await stagedClient();
  const files = manyFiles(80);
  for (const [file, text] of files) staged.add(file, text);
  await mkdir(output);
  await writeFile(path.join(output, 'someone-else.txt'), 'arrived first\n');
  const result = await writeOutput(output, files, staged);
  expect(result.written).toHaveLength(files.size);
  expect([...(await textsUnder(output)).keys()]).toContain('someone-else.txt');
  expect((await readdir(dir)).sort()).toEqual(['client']);
});

test('a staging folder left by a killed run is removed by the next one; a live run\'s is not', async () => {
  const dir = await tempDir('oasgen-staged-');
  const dead = path.join(dir, '.client.oasgen-tmp-2147483646'); // no such process
  const live = path.join(dir, `.client.oasgen-tmp-${process.ppid}`);
  for (const folder of [dead, live]) await mkdir(path.join(folder, 'docs'), { recursive: true });
  const staged = (await StagedOutput.open(path.join(dir, 'client')))!;
  expect((await readdir(dir)).sort()).toEqual([`.client.oasgen-tmp-${process.pid}`, `.client.oasgen-tmp-${process.ppid}`].sort());
  await staged.discard();
});

/**
 * Generates a client with the programmatic `generate()` into a fresh temporary folder and imports
 * its index.ts (jest's swc transform compiles it), so e2e tests run exactly what users get.
 */
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { generate } from '../../src/pipeline.js';

/** test/fixtures/specs/<name>. */
export const fixtureSpec = (name: string): string => fileURLToPath(new URL(`../fixtures/specs/${name}`, import.meta.url));

/** A generated client folder and its loaded index module. */
export interface GeneratedClient {
  readonly dir: string;
  /** The module namespace of index.ts (untyped: the client did not exist when this test compiled). */
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  readonly module: any;
  remove(): Promise<void>;
}

/** Runs the pipeline on `spec`, writes every file, and imports index.ts. */
export async function generateClient(spec: string): Promise<GeneratedClient> {
  const result = await generate({ input: spec });
  const dir = await mkdtemp(path.join(tmpdir(), 'oasgen-e2e-'));
  for (const [file, text] of result.files) {
    const target = path.join(dir, file);
    await mkdir(path.dirname(target), { recursive: true });
    await writeFile(target, text);
  }
  const module: unknown = await import(pathToFileURL(path.join(dir, 'index.ts')).href);
  return { dir, module, remove: () => rm(dir, { recursive: true, force: true }) };
}

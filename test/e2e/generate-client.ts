/**
 * Generates a client with the programmatic `generate()` into a fresh temporary folder and imports
 * its index.ts (jest's swc transform compiles it), so e2e tests run exactly what users get.
 */
import { execFile } from 'node:child_process';
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { promisify } from 'node:util';
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

const tsc = fileURLToPath(new URL('../../node_modules/typescript/bin/tsc', import.meta.url));

/**
 * Generates a client from `spec`, adds `caller.ts` beside its index.ts and type-checks the lot with
 * tsc --strict (plus exactOptionalPropertyTypes and noUncheckedIndexedAccess); resolves to tsc's
 * output, '' when it compiles (`@ts-expect-error` lines in the caller must then be errors).
 */
export async function compileCaller(spec: string, caller: string): Promise<string> {
  const client = await generateClient(spec);
  try {
    await writeFile(path.join(client.dir, 'caller.ts'), caller);
    const tsconfig = {
      compilerOptions: {
        target: 'ES2022', module: 'NodeNext', moduleResolution: 'NodeNext', lib: ['ES2022', 'DOM'], strict: true,
        exactOptionalPropertyTypes: true, noUncheckedIndexedAccess: true, noEmit: true, skipLibCheck: true, types: [],
      },
      include: ['**/*.ts'],
    };
    await writeFile(path.join(client.dir, 'tsconfig.json'), JSON.stringify(tsconfig));
    const result = await promisify(execFile)(process.execPath, [tsc, '-p', client.dir]).catch((error: { stdout: string }) => error);
    return 'stdout' in result ? result.stdout : '';
  } finally {
    await client.remove();
  }
}

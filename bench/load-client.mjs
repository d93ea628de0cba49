/**
 * Loads a committed generated client (TypeScript) in plain Node: esbuild bundles its index.ts to
 * one ES module in a temporary folder, which is then imported.
 */
import { mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { build } from 'esbuild';

/** Imports generated/<name>/index.ts. */
export async function loadClient(root, name) {
  const result = await build({
    entryPoints: [path.join(root, 'generated', name, 'index.ts')],
    bundle: true,
    format: 'esm',
    platform: 'neutral',
    target: 'es2022',
    write: false,
  });
  const dir = await mkdtemp(path.join(tmpdir(), 'oasgen-bench-'));
  const file = path.join(dir, `${name}.mjs`);
  await writeFile(file, result.outputFiles[0].text);
  return import(pathToFileURL(file).href);
}

/**
 * Minified + gzipped size of the client runtime plus one API class, for each built-in client:
 * esbuild bundles runtime.ts and apis/<Api>.ts together (every runtime export kept), minifies,
 * and zlib gzips at level 9.
 *
 *   npm run bench:size
 */
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';
import { build } from 'esbuild';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');

async function measure(label, contents) {
  const result = await build({
    stdin: { contents, resolveDir: root, sourcefile: 'entry.ts', loader: 'ts' },
    bundle: true,
    minify: true,
    format: 'esm',
    platform: 'neutral',
    target: 'es2022',
    write: false,
  });
  const code = result.outputFiles[0].contents;
  const gzipped = gzipSync(code, { level: 9 }).length;
  console.log(`${label.padEnd(46)} minified ${String(code.length).padStart(6)} B   min+gzip ${String(gzipped).padStart(5)} B (${(gzipped / 1024).toFixed(2)} KiB)`);
  return gzipped;
}

await measure('runtime alone', `export * from './src/runtime/runtime.ts';`);
let largest = 0;
for (const [client, api] of [['identity', 'SessionsApi'], ['cohesity', 'UsersApi']]) {
  const size = await measure(`runtime + ${client} ${api}`, `export * from './generated/${client}/runtime.ts';\nexport * from './generated/${client}/apis/${api}.ts';`);
  largest = Math.max(largest, size);
}
console.log(`goal: < 3 KB (3072 B) for runtime + one API class; largest measured: ${largest} B`);

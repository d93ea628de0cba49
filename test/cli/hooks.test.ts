/**
 * Hooks with the real bin: the two README examples (examples/hooks/) change the output, and the
 * traced client still compiles (tsc --strict) and records one User Timing measure per call
 * against a local server; transformModel renames reach code, docs and manifest; a failing hook,
 * hook output that does not parse (from either hook), a broken or missing module each exit 1 with a message naming
 * the module, the hook and the line, and leave the previous output as it was. ts-morph is loaded
 * only when hooks need it.
 */
import { execFile } from 'node:child_process';
import { readFile, rm } from 'node:fs/promises';
import path from 'node:path';
import { startTestServer } from '../helpers/http-server.js';
import { repoRoot, runCli, snapshotTree, tempDir, writeFiles } from '../helpers/run-cli.js';

const identitySpec = path.join(repoRoot, 'specs/identity.yaml');
const committed = path.join(repoRoot, 'generated/identity');
const example = (name: string) => path.join(repoRoot, 'examples/hooks', name);

const TSC_FLAGS = ['--strict', '--skipLibCheck', '--target', 'es2022', '--module', 'esnext', '--moduleResolution', 'bundler', '--lib', 'es2022,dom', '--types', ''];

/** TypeScript 7 (native, fast) over a folder's index.ts, strict; emits JavaScript into `outDir` when given. Resolves to the diagnostics ('' when clean). */
function tsc(dir: string, outDir?: string): Promise<string> {
  const bin = path.join(repoRoot, 'node_modules/typescript7/bin/tsc');
  const emit = outDir !== undefined ? ['--outDir', outDir] : ['--noEmit'];
  return new Promise((resolve) => {
    execFile(process.execPath, [bin, ...TSC_FLAGS, ...emit, path.join(dir, 'index.ts')], { cwd: dir }, (error, stdout, stderr) =>
      resolve(error ? `${stdout}${stderr}` || String(error) : ''),
    );
  });
}

test.concurrent('examples/hooks/license-banner.mjs: every TypeScript file gets the license block, the docs do not change', async () => {
  const dir = await tempDir();
  const run = await runCli(['generate', '-i', identitySpec, '-o', 'client', '--hooks', example('license-banner.mjs')], dir);
  expect(run.stderr).toBe('');
  expect(run.code).toBe(0);
  const client = await snapshotTree(path.join(dir, 'client'));
  const defaults = await snapshotTree(committed);
  expect([...client.keys()]).toEqual([...defaults.keys()]);
  for (const [file, { text }] of client) {
    const original = defaults.get(file)!.text;
    if (!file.endsWith('.ts')) {
      if (file !== '.oasgen/manifest.json') expect([file, text]).toEqual([file, original]);
      continue;
    }
    // oasgen's banner, then the hook's block, then the file as oasgen built it.
    const bannerEnd = original.indexOf('\n\n') + 2;
    expect(text).toBe(`${original.slice(0, bannerEnd)}/*!\n * Copyright (c) Example Corp.\n * SPDX-License-Identifier: Apache-2.0\n */\n\n${original.slice(bannerEnd)}`);
  }
});

test.concurrent('examples/hooks/tracing.mjs: every call is wrapped, still compiles under --strict, and records a measure per request', async () => {
  const dir = await tempDir();
  const run = await runCli(['generate', '-i', identitySpec, '-o', 'client', '--hooks', example('tracing.mjs')], dir);
  expect(run.stderr).toBe('');
  expect(run.code).toBe(0);
  const api = await readFile(path.join(dir, 'client/apis/SessionsApi.ts'), 'utf8');
  for (const method of ['deleteSession', 'getSession', 'getUserSessions']) expect(api).toContain(`return traced('SessionsApi.${method}', async () => {`);
  expect(api).toContain('async function traced<T>(name: string, call: () => Promise<T>): Promise<T> {');
  // Compiles under --strict, then runs as JavaScript in its own process against a local server.
  expect(await tsc(path.join(dir, 'client'), path.join(dir, 'js'))).toBe('');
  await writeFiles(dir, {
    'js/package.json': JSON.stringify({ type: 'module' }),
    'js/calls.js': `import { Configuration, SessionsApi } from './index.js';
const sessions = new SessionsApi(new Configuration({ basePath: process.argv[2] }));
const list = await sessions.getUserSessions('u-1');
await sessions.deleteSession('s-1');
console.log(JSON.stringify({ list, measures: performance.getEntriesByType('measure').map((entry) => entry.name) }));
`,
  });
  const server = await startTestServer();
  try {
    server.reply({ status: 200, json: [] }, { status: 204 });
    const output = await new Promise<string>((resolve, reject) => {
      execFile(process.execPath, [path.join(dir, 'js/calls.js'), server.origin], (error, stdout, stderr) => (error ? reject(new Error(`${stderr}${String(error)}`)) : resolve(stdout)));
    });
    expect(JSON.parse(output)).toEqual({ list: [], measures: ['SessionsApi.getUserSessions', 'SessionsApi.deleteSession'] });
    expect(server.requests.map((request) => `${request.method} ${request.rawPath}`)).toEqual(['GET /sessions/user/u-1', 'DELETE /sessions/s-1']);
  } finally {
    await server.close();
  }
});

test.concurrent('transformModel (from the config file\'s "hooks"): a rename reaches the class, the docs and the manifest', async () => {
  const dir = await tempDir();
  await writeFiles(dir, {
    'oasgen.config.json': JSON.stringify({ clients: [{ input: identitySpec, output: 'client', hooks: 'hooks/rename.mjs' }] }),
    'hooks/rename.mjs': `export function transformModel(model) {
  for (const api of model.apis) for (const op of api.operations) {
    if (op.methodName === 'getSession') { op.methodName = 'fetchSession'; op.rawMethodName = 'fetchSessionRaw'; }
  }
}
`,
  });
  const run = await runCli(['generate', '--timings'], dir);
  expect(run.stderr).toBe('');
  expect(run.code).toBe(0);
  expect(run.stdout).toMatch(/^client timings: load [\d.]+ ms, model [\d.]+ ms, names [\d.]+ ms, hooks [\d.]+ ms, render-docs/m);
  const api = await readFile(path.join(dir, 'client/apis/SessionsApi.ts'), 'utf8');
  expect(api).toContain('async fetchSession(sessionId: string');
  expect(api).toContain('\n  fetchSessionRaw(sessionId: string');
  expect(api).not.toMatch(/async getSession\(/);
  expect(await readFile(path.join(dir, 'client/docs/SessionsApi.md'), 'utf8')).toContain('# **fetchSession**');
  const manifest = JSON.parse(await readFile(path.join(dir, 'client/.oasgen/manifest.json'), 'utf8')) as { operations: { operationId: string; methodName: string }[] };
  expect(manifest.operations.find((op) => op.operationId === 'get_session')?.methodName).toBe('fetchSession');
  // `inspect --hooks` shows the model as templates then receive it.
  const [compiled, inspected] = await Promise.all([tsc(path.join(dir, 'client')), runCli(['inspect', '-i', identitySpec, '--hooks', 'hooks/rename.mjs'], dir)]);
  expect(compiled).toBe('');
  expect(inspected.code).toBe(0);
  const model = JSON.parse(inspected.stdout) as { apis: { operations: { methodName: string }[] }[] };
  expect(model.apis[0]!.operations.map((op) => op.methodName)).toEqual(['deleteSession', 'fetchSession', 'getUserSessions']);
});

test.concurrent('hook failures exit 1 naming module, hook and line, and leave the previous output intact', async () => {
  const dir = await tempDir();
  await writeFiles(dir, {
    'throws.mjs': `export function transformSourceFile(file, info) {\n  if (info.kind === 'model') {\n    throw new Error('no models today');\n  }\n}\n`,
    'invalid.mjs': `export function transformSourceFile(file, info) {\n  if (info.kind === 'api') file.addStatements('export const = ;');\n}\n`,
    'model-throws.mjs': `export async function transformModel(model) {\n  return model.apis[7].operations;\n}\n`,
    'broken.mjs': `export function transformModel(model) {\n  return model.(;\n}\n`,
    'typo.mjs': `export function transformSourcefile() {}\n`,
    'bad-name.mjs': `export function transformModel(model) {\n  model.apis[0].operations[1].methodName = 'get session';\n}\n`,
  });
  const first = await runCli(['generate', '-i', identitySpec, '-o', 'client'], dir);
  expect(first.code).toBe(0);
  const before = await snapshotTree(path.join(dir, 'client'));
  const generate = (hooks: string) => runCli(['generate', '-i', identitySpec, '-o', 'client', '--hooks', hooks], dir);
  const [throws, invalid, modelThrows, broken, missing, typo, badName] = await Promise.all([
    generate('throws.mjs'),
    generate('invalid.mjs'),
    generate('model-throws.mjs'),
    generate('broken.mjs'),
    generate('missing.mjs'),
    generate('typo.mjs'),
    generate('bad-name.mjs'),
  ]);
  expect(throws.stderr).toBe('oasgen: error: throws.mjs:3:11: hook transformSourceFile failed on models/index.ts: no models today\n');
  expect(invalid.stderr).toMatch(
    /^oasgen: error: invalid\.mjs: hook transformSourceFile made apis\/SessionsApi\.ts invalid TypeScript: apis\/SessionsApi\.ts:\d+:14: Variable declaration expected\. \(near `export const = ;`\)\n$/,
  );
  expect(modelThrows.stderr).toBe("oasgen: error: model-throws.mjs:2:24: hook transformModel failed: Cannot read properties of undefined (reading 'operations')\n");
  expect(broken.stderr).toBe("oasgen: error: broken.mjs:2:16: hooks module could not be loaded: Unexpected token '('\n");
  expect(missing.stderr).toBe('oasgen: error: missing.mjs: hooks module not found\n');
  expect(badName.stderr).toBe('oasgen: error: bad-name.mjs: hook transformModel set /apis/0/operations/1/methodName to "get session", which is not a usable TypeScript identifier\n');
  for (const run of [throws, invalid, modelThrows, broken, missing, badName]) expect([run.code, run.stdout]).toEqual([1, '']);
  expect(await snapshotTree(path.join(dir, 'client'))).toEqual(before);
  // A misspelt hook is not silently ignored.
  expect(typo.code).toBe(0);
  expect(typo.stderr).toBe('oasgen: warning: typo.mjs: hooks module exports "transformSourcefile", which is not a hook (expected transformModel or transformSourceFile); ignored\n');
});

test.concurrent('ts-morph (and the TypeScript it bundles) is loaded for hooks only: a run without hooks never loads it', async () => {
  const dir = await tempDir('oasgen-lazy-ts-morph-');
  // Reports, as the process exits, whether any module of ts-morph or typescript was required.
  await writeFiles(dir, {
    'probe.mjs': [
      "import { createRequire } from 'node:module';",
      'const cache = createRequire(import.meta.url).cache;',
      "process.on('exit', () => process.stderr.write(`ts-morph loaded: ${Object.keys(cache).some((file) => /[\\\\/]node_modules[\\\\/](ts-morph|typescript)[\\\\/]/.test(file))}\\n`));",
    ].join('\n'),
  });
  const run = (args: string[]) =>
    new Promise<{ code: number | null; stderr: string }>((resolve) => {
      execFile(process.execPath, ['--import', path.join(dir, 'probe.mjs'), path.join(repoRoot, 'dist/cli/main.js'), 'generate', identitySpec, '-q', ...args], { cwd: dir }, (error, _stdout, stderr) =>
        resolve({ code: error ? (typeof error.code === 'number' ? error.code : -1) : 0, stderr }),
      );
    });
  try {
    expect(await run(['-o', path.join(dir, 'plain')])).toEqual({ code: 0, stderr: 'ts-morph loaded: false\n' });
    // The probe does see it when hooks need it.
    expect(await run(['-o', path.join(dir, 'hooked'), '--hooks', example('license-banner.mjs')])).toEqual({ code: 0, stderr: 'ts-morph loaded: true\n' });
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
});

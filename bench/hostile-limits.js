#!/usr/bin/env node
/**
 * Time and peak memory of `oasgen generate` on hostile resource inputs (README: "Untrusted specs:
 * safety and limits"): a YAML alias bomb, 4,000-level nesting (JSON and YAML), a 5,000-operation
 * spec, and nesting just under the limit. Each case runs the built CLI in its own process under
 * /usr/bin/time when available. Usage: npm run build && node bench/hostile-limits.js
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const cli = path.join(root, 'dist/cli/main.js');
const work = mkdtempSync(path.join(os.tmpdir(), 'oasgen-limits-'));
const head = '{"openapi":"3.0.3","info":{"title":"t","version":"1"},"paths":{},';

function nestedSchemas(depth) {
  return head + '"components":{"schemas":{"Deep":' + '{"type":"object","properties":{"a":'.repeat(depth) + '{"type":"string"}' + '}}'.repeat(depth) + '}}}';
}

const bomb = ['openapi: 3.0.3', 'info: {title: t, version: "1"}', 'paths: {}', 'x-a: &a ["lol","lol","lol","lol","lol","lol","lol","lol","lol"]'];
for (const [from, to] of ['ab', 'bc', 'cd', 'ef', 'fg', 'gh', 'hi'].map((pair) => pair.split(''))) bomb.push(`x-${to}: &${to} [${Array(9).fill(`*${from}`).join(',')}]`);
bomb.splice(7, 0, 'x-e: &e [*d,*d,*d,*d,*d,*d,*d,*d,*d]');

const paths = {};
for (let i = 0; i < 5000; i++) {
  paths[`/r${i}/{id}`] = {
    get: {
      operationId: `op${i}`,
      tags: [`t${i % 50}`],
      parameters: [{ name: 'id', in: 'path', required: true, schema: { type: 'string' } }],
      responses: { 200: { description: 'ok', content: { 'application/json': { schema: { $ref: '#/components/schemas/M' } } } } },
    },
  };
}

const cases = {
  'alias-bomb.yaml (9^9 expanded values)': bomb.join('\n') + '\n',
  'nesting-4000.json (4,000 nested schemas)': nestedSchemas(4000),
  'nesting-4000.yaml (4,000 nested block mappings)': 'openapi: 3.0.3\ninfo: {title: t, version: "1"}\npaths: {}\nx-deep:\n' + Array.from({ length: 4000 }, (_, i) => ' '.repeat(i + 1) + 'k:\n').join('') + ' '.repeat(4001) + '1\n',
  'nesting-60.json (60 nested schemas, under the limit)': nestedSchemas(60),
  'operations-5000.json (5,000 operations, 50 tags)': JSON.stringify({ openapi: '3.0.3', info: { title: 't', version: '1' }, paths, components: { schemas: { M: { type: 'object', properties: { a: { type: 'string' } } } } } }),
};

const hasTime = existsSync('/usr/bin/time');
for (const [name, text] of Object.entries(cases)) {
  const file = path.join(work, name.split(' ')[0]);
  writeFileSync(file, text);
  const args = [cli, 'generate', '-i', file, '-o', path.join(work, 'out-' + path.basename(file)), '--quiet'];
  const start = process.hrtime.bigint();
  const run = hasTime ? spawnSync('/usr/bin/time', ['-f', '%M', process.execPath, ...args], { encoding: 'utf8' }) : spawnSync(process.execPath, args, { encoding: 'utf8' });
  const ms = Number(process.hrtime.bigint() - start) / 1e6;
  const lines = run.stderr.trim().split('\n').filter((line) => !line.startsWith('Command exited'));
  const peak = hasTime ? `${Math.round(Number(lines.pop()) / 1024)} MB peak RSS` : 'peak RSS n/a';
  const outcome = run.status === 0 ? 'generated' : `exit ${run.status}: ${lines.join(' ').slice(0, 140)}`;
  console.log(`${name}: ${Math.round(ms)} ms, ${peak}, ${outcome}`);
}
rmSync(work, { recursive: true, force: true });

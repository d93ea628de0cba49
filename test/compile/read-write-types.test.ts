/**
 * readOnly/writeOnly under the strict compiler (test/fixtures/specs/read-write-3.0.yaml): a program
 * using the generated client compiles where it uses the request and response shapes as the spec
 * allows, and fails exactly on the lines marked `// error TSxxxx` (a readOnly property in a request
 * body, a writeOnly one read from a response, …). Errors are compared by line and code, so a line
 * that failed for another reason (an unused local, a typo) fails the test too.
 */
import { execFile } from 'node:child_process';
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { generate } from '../../src/pipeline.js';
import { STRICT_COMPILER_OPTIONS } from '../helpers/strict-compiler-options.js';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const input = path.join(root, 'test', 'fixtures', 'specs', 'read-write-3.0.yaml');
const TSC = path.join(root, 'node_modules/typescript7/bin/tsc');

const PROGRAM = `import { AnimalsApi, Configuration, UsersApi } from './client/index.js';
import type { AuditWritable, CatWritable, PricingWritable, UpdateUserRequest, User, UserWritable } from './client/index.js';

const users = new UsersApi(new Configuration());
const animals = new AnimalsApi(new Configuration());

export const body: UserWritable = { name: 'n', password: 'p', profile: { bio: 'b' }, friends: [{ name: 'f', password: 'q' }] };
export const withId: UserWritable = { id: 'x', name: 'n', password: 'p' }; // error TS2353
export const withoutPassword: UserWritable = { name: 'n' }; // error TS2741
export const withLastLogin: UserWritable = { name: 'n', password: 'p', profile: { lastLogin: 'now' } }; // error TS2353
export const update: UpdateUserRequest = { user: body, secret: 's', audit: {} };
export const withEtag: UpdateUserRequest = { user: body, etag: 'e' }; // error TS2353
export const emptyAudit: AuditWritable = {};
export const pricing: PricingWritable = { tier: 'free' };
export const pricingWithoutTier: PricingWritable = {}; // error TS2741
export const cat: CatWritable = { kind: 'cat', indoor: true };
export const catWithId: CatWritable = { kind: 'cat', id: 1 }; // error TS2353

export async function run(): Promise<string> {
  const user: User = await users.createUser(body);
  void user.password; // error TS2339
  user.id = 'y'; // error TS2540
  await users.createUser(user); // error TS2741
  const updated = await users.updateUser('1', update);
  void updated.token; // error TS2339
  await animals.addAnimal({ kind: 'cat', indoor: false });
  await animals.addAnimal({ kind: 'cat', id: 3 }); // error TS2353
  const added = await animals.addAnimal({ kind: 'dog', goodBoy: true });
  return added.kind === 'cat' ? String(added.id) : user.id + user.name;
}
`;

let workDir = '';

beforeAll(async () => {
  workDir = await mkdtemp(path.join(os.tmpdir(), 'oasgen-read-write-'));
  const { files } = await generate({ input });
  for (const [file, content] of files) {
    const target = path.join(workDir, 'client', file);
    await mkdir(path.dirname(target), { recursive: true });
    await writeFile(target, content);
  }
  await writeFile(path.join(workDir, 'program.ts'), PROGRAM);
  await writeFile(path.join(workDir, 'package.json'), JSON.stringify({ type: 'module', private: true }));
  const compilerOptions = { module: 'nodenext', moduleResolution: 'nodenext', ...STRICT_COMPILER_OPTIONS };
  await writeFile(path.join(workDir, 'tsconfig.json'), JSON.stringify({ compilerOptions, include: ['client/**/*.ts', 'program.ts'] }));
}, 60_000);

afterAll(async () => {
  if (workDir !== '') await rm(workDir, { recursive: true, force: true });
});

function tsc(): Promise<string> {
  return new Promise((resolve) => {
    execFile(process.execPath, [TSC, '-p', 'tsconfig.json'], { cwd: workDir, maxBuffer: 8 * 1024 * 1024 }, (_error, stdout, stderr) => resolve(`${stdout}${stderr}`));
  });
}

it('fails exactly where a request carries readOnly or a response offers writeOnly properties', async () => {
  const output = await tsc();
  const seen = [...output.matchAll(/^(\S+)\((\d+),\d+\): error (TS\d+)/gm)].map((m) => `${m[1]}:${m[2]} ${m[3]}`);
  const want = PROGRAM.split('\n').flatMap((line, index) => {
    const code = /\/\/ error (TS\d+)$/.exec(line)?.[1];
    return code ? [`program.ts:${index + 1} ${code}`] : [];
  });
  expect(want.length).toBeGreaterThan(5);
  expect({ seen, output: seen.length === want.length ? '' : output }).toEqual({ seen: want, output: '' });
}, 120_000);

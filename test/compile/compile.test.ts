/**
 * The committed clients, the clients of the fixture specs (test/fixtures/specs, generated in
 * memory) and every TypeScript example in their markdown compile under `tsc --strict` with the
 * strictest common flags, under TypeScript 5.9 and TypeScript 7 (native), with module resolution
 * `bundler` and `nodenext`. One tsc run per configuration covers everything; the four runs start
 * together in beforeAll.
 */
import { execFile } from 'node:child_process';
import { cp, mkdir, mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { generate } from '../../src/pipeline.js';
import { fencedBlocks } from '../helpers/markdown.js';
import { STRICT_COMPILER_OPTIONS } from '../helpers/strict-compiler-options.js';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const CLIENTS = ['identity', 'cohesity'] as const;
const fixturesDir = path.join(root, 'test', 'fixtures', 'specs');
const FIXTURES = (await readdir(fixturesDir)).filter((f) => /\.(ya?ml|json)$/.test(f)).sort();
/** Staged folder names: the committed clients, then one per fixture spec. */
const STAGED = [...CLIENTS, ...FIXTURES.map((f) => `fixture-${f.replace(/\.(ya?ml|json)$/, '')}`)];

const COMPILERS = {
  'TypeScript 5.9': path.join(root, 'node_modules/typescript/bin/tsc'),
  'TypeScript 7': path.join(root, 'node_modules/typescript7/bin/tsc'),
} as const;

const RESOLUTIONS = {
  bundler: { module: 'esnext', moduleResolution: 'bundler' },
  nodenext: { module: 'nodenext', moduleResolution: 'nodenext' },
} as const;

type Compiler = keyof typeof COMPILERS;
type Resolution = keyof typeof RESOLUTIONS;
interface TscRun {
  readonly code: number;
  readonly output: string;
}

/** A ceiling, not a measurement: four tsc runs share two busy cores (about 30 s seen under heavy load). */
const TSC_TIMEOUT_MS = 240_000;

let workDir = '';
const exampleFiles: string[] = [];
const runs = new Map<string, Promise<TscRun>>();

/** Writes each ```typescript block of a staged client's markdown where its relative import resolves. */
async function stageExamples(name: string): Promise<void> {
  const target = path.join(workDir, name);
  const pages = [
    { markdown: 'README.md', folder: '' },
    ...(await readdir(path.join(target, 'docs'))).filter((f) => f.endsWith('.md')).map((f) => ({ markdown: `docs/${f}`, folder: 'docs' })),
  ];
  for (const page of pages) {
    const blocks = fencedBlocks(await readFile(path.join(target, page.markdown), 'utf8'), 'typescript');
    for (const [index, block] of blocks.entries()) {
      // Beside the page itself: docs examples import '../index.js', README examples './index.js'.
      const file = path.join(page.folder, `${path.basename(page.markdown, '.md')}.example-${index + 1}.ts`);
      await writeFile(path.join(target, file), block);
      exampleFiles.push(`${name}/${file}`);
    }
  }
}

function tsc(compiler: Compiler, project: string): Promise<TscRun> {
  const bin = COMPILERS[compiler];
  return new Promise((resolve) => {
    execFile(process.execPath, [bin, '-p', project], { cwd: workDir, maxBuffer: 16 * 1024 * 1024 }, (error, stdout, stderr) => {
      const code = error === null ? 0 : typeof error.code === 'number' ? error.code : -1;
      resolve({ code, output: `${stdout}${stderr}`.trim() || String(error?.message ?? '') });
    });
  });
}

beforeAll(async () => {
  workDir = await mkdtemp(path.join(os.tmpdir(), 'oasgen-compile-'));
  // nodenext reads the nearest package.json: the clients are ES modules.
  await writeFile(path.join(workDir, 'package.json'), JSON.stringify({ type: 'module', private: true }));
  for (const name of CLIENTS) await cp(path.join(root, 'generated', name), path.join(workDir, name), { recursive: true });
  for (const [index, fixture] of FIXTURES.entries()) {
    const { files } = await generate({ input: path.join(fixturesDir, fixture) });
    for (const [file, content] of files) {
      const target = path.join(workDir, STAGED[CLIENTS.length + index]!, file);
      await mkdir(path.dirname(target), { recursive: true });
      await writeFile(target, content);
    }
  }
  for (const name of STAGED) await stageExamples(name);
  for (const [resolution, moduleOptions] of Object.entries(RESOLUTIONS)) {
    const project = `tsconfig.${resolution}.json`;
    const compilerOptions = {
      ...moduleOptions,
      ...STRICT_COMPILER_OPTIONS,
    };
    await writeFile(path.join(workDir, project), JSON.stringify({ compilerOptions, include: STAGED.map((c) => `${c}/**/*.ts`) }, null, 2));
    for (const compiler of Object.keys(COMPILERS) as Compiler[]) runs.set(`${compiler} ${resolution}`, tsc(compiler, project));
  }
}, TSC_TIMEOUT_MS);

afterAll(async () => {
  await Promise.allSettled(runs.values());
  if (workDir !== '') await rm(workDir, { recursive: true, force: true });
});

describe('generated clients and their doc examples compile', () => {
  it('extracts the examples of every client (README and each API page)', () => {
    expect(STAGED.length).toBeGreaterThan(CLIENTS.length);
    for (const name of STAGED) {
      expect(exampleFiles.filter((f) => f.startsWith(`${name}/`) && !f.includes('/docs/')).length).toBeGreaterThan(0);
      expect(exampleFiles.filter((f) => f.startsWith(`${name}/docs/`)).length).toBeGreaterThan(0);
    }
  });

  const configurations = (Object.keys(COMPILERS) as Compiler[]).flatMap((c) => (Object.keys(RESOLUTIONS) as Resolution[]).map((r) => [c, r] as const));
  it.each(configurations)('%s, moduleResolution %s: tsc --strict reports nothing', async (compiler, resolution) => {
    const run = await runs.get(`${compiler} ${resolution}`)!;
    if (run.code !== 0 || run.output !== '') {
      throw new Error(`${compiler} (${resolution}) failed with exit code ${run.code}:\n${run.output}`);
    }
  }, TSC_TIMEOUT_MS);
});

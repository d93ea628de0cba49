// @ts-check
/**
 * `npm run bench`: oasgen side by side with the peer generators, whole processes, alternating.
 *
 * For each spec (GitHub's from @octokit/openapi, a petstore, synthetic 1k/5k/20k operations) every
 * tool runs `--runs` times in rotating order into a fresh folder; the table shows the median wall
 * time, the peak RSS (ru_maxrss of the child, via /usr/bin/time, or VmHWM polled from /proc) and
 * the ratios the targets are stated in (issue 6). Then strict `tsc` over the GitHub outputs of
 * oasgen and orval, alternating too. Peers come from bench/package.json (installed by
 * `npm --prefix bench ci` when missing); nothing is installed globally and nothing goes online.
 *
 * node bench/run.js [--runs 3] [--quick] [--only github,petstore,synthetic,tsc]
 *                   [--baseline <dir of another built oasgen checkout>] [--out <file.md>]
 */
import { execFileSync, spawn } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, readlinkSync, realpathSync, rmSync, statSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { synthesizeSpec } from './synth.js';

const BENCH = path.dirname(fileURLToPath(import.meta.url));
const ROOT = path.dirname(BENCH);
const WORK = path.join(os.tmpdir(), `oasgen-bench-${process.pid}`);

// ---------------------------------------------------------------- options
const argv = process.argv.slice(2);
const flag = (name) => argv.includes(`--${name}`);
const option = (name, fallback) => {
  const index = argv.indexOf(`--${name}`);
  return index >= 0 && argv[index + 1] !== undefined ? argv[index + 1] : fallback;
};
const quick = flag('quick');
const runs = Number(option('runs', quick ? '1' : '3'));
const tscRuns = Number(option('tsc-runs', quick ? '1' : '3'));
const only = new Set(option('only', 'github,petstore,synthetic,tsc').split(','));
const baseline = option('baseline', undefined);
const outFile = option('out', undefined);

// ---------------------------------------------------------------- setup
ensurePeersInstalled();
mkdirSync(WORK, { recursive: true });
const GITHUB_SPEC = path.join(BENCH, 'node_modules/@octokit/openapi/generated/api.github.com.json');
const PETSTORE_SPEC = path.join(BENCH, 'specs/petstore.yaml');
const OASGEN = path.join(ROOT, 'dist/cli/main.js');
if (!existsSync(OASGEN)) throw new Error('dist/ is missing: run `npm run build` (npm run bench does)');

/** Installs the peers from bench/package-lock.json when bench/node_modules is missing or older. */
function ensurePeersInstalled() {
  const marker = path.join(BENCH, 'node_modules/.package-lock.json');
  const lock = path.join(BENCH, 'package-lock.json');
  if (existsSync(marker) && statSync(marker).mtimeMs >= statSync(lock).mtimeMs) return;
  process.stderr.write('bench: installing the peer generators (npm --prefix bench ci)…\n');
  execFileSync('npm', ['--prefix', BENCH, 'ci', '--no-audit', '--no-fund'], { stdio: ['ignore', 2, 2] }); // stdout carries only the tables
}

/** The JS file behind a bench/node_modules/.bin entry, run with this same node. */
function peerBin(name) {
  const link = path.join(BENCH, 'node_modules/.bin', name);
  return realpathSync(path.resolve(path.dirname(link), readlinkSync(link)));
}

/**
 * @typedef {{ name: string, version: string, peer: boolean, args: (spec: string, out: string) => string[], prepare?: (out: string) => void }} Tool
 */
const peerVersion = (pkg) => JSON.parse(readFileSync(path.join(BENCH, 'node_modules', pkg, 'package.json'), 'utf8')).version;
/** @type {Tool[]} */
const TOOLS = [
  { name: 'oasgen', version: JSON.parse(readFileSync(path.join(ROOT, 'package.json'), 'utf8')).version, peer: false, args: (spec, out) => [OASGEN, 'generate', '-i', spec, '-o', out, '-q', '--timings'] },
  ...(baseline
    ? [{ name: 'oasgen (baseline)', version: path.basename(baseline), peer: false, args: (spec, out) => [path.join(baseline, 'dist/cli/main.js'), 'generate', '-i', spec, '-o', out, '-q', '--timings'] }]
    : []),
  { name: 'openapi-typescript-codegen', version: peerVersion('openapi-typescript-codegen'), peer: true, args: (spec, out) => [peerBin('openapi'), '-i', spec, '-o', out] },
  { name: 'oazapfts', version: peerVersion('oazapfts'), peer: true, prepare: (out) => mkdirSync(out, { recursive: true }), args: (spec, out) => [peerBin('oazapfts'), spec, path.join(out, 'api.ts')] },
  { name: 'openapi-typescript', version: peerVersion('openapi-typescript'), peer: true, args: (spec, out) => [peerBin('openapi-typescript'), spec, '-o', path.join(out, 'schema.ts')] },
  // orval: the fetch client (no runtime dependency, like oasgen's), one file per tag.
  { name: 'orval', version: peerVersion('orval'), peer: true, args: (spec, out) => [peerBin('orval'), '-i', spec, '-o', path.join(out, 'api.ts'), '--client', 'fetch', '--mode', 'tags-split'] },
  { name: '@hey-api/openapi-ts', version: peerVersion('@hey-api/openapi-ts'), peer: true, args: (spec, out) => [peerBin('openapi-ts'), '-i', spec, '-o', out] },
  { name: 'swagger-typescript-api', version: peerVersion('swagger-typescript-api'), peer: true, args: (spec, out) => [peerBin('swagger-typescript-api'), 'generate', '-p', spec, '-o', out] },
];
const FLOOR = { name: 'floor (read + parse + write)', version: '', peer: false, args: (spec, out) => [path.join(BENCH, 'floor.js'), spec, path.join(out, 'copy')], prepare: (out) => mkdirSync(out, { recursive: true }) };

// ---------------------------------------------------------------- measuring
const HAS_TIME = existsSync('/usr/bin/time');

/**
 * Runs `node <args>` in a fresh output folder; wall time from spawn to exit, peak RSS of the child.
 * CPU seconds (user + system of the child, from /usr/bin/time) are kept too: on the shared machine
 * they move far less with other people's load than wall time does.
 * @returns {Promise<{ seconds: number, cpuSeconds: number, rssMiB: number, ok: boolean, stdout: string, stderr: string }>}
 */
async function measure(tool, spec, label) {
  const out = path.join(WORK, 'out', `${tool.name.replace(/[^\w.-]+/g, '_')}-${label}`);
  rmSync(out, { recursive: true, force: true });
  tool.prepare?.(out);
  const args = tool.args(spec, out);
  const rusageFile = path.join(WORK, 'rusage.txt');
  const command = HAS_TIME ? '/usr/bin/time' : process.execPath;
  const commandArgs = HAS_TIME ? ['-f', '%M %U %S', '-o', rusageFile, process.execPath, ...args] : args;
  const start = process.hrtime.bigint();
  const child = spawn(command, commandArgs, { cwd: WORK, stdio: ['ignore', 'pipe', 'pipe'], env: { ...process.env, NO_COLOR: '1', CI: '1' } });
  let stdout = '';
  let stderr = '';
  child.stdout.on('data', (chunk) => (stdout += chunk));
  child.stderr.on('data', (chunk) => (stderr += chunk));
  let polledKiB = 0;
  const poll = HAS_TIME ? undefined : setInterval(() => (polledKiB = Math.max(polledKiB, vmHwmKiB(child.pid))), 10);
  const code = await new Promise((resolve) => child.on('close', resolve));
  const seconds = Number(process.hrtime.bigint() - start) / 1e9;
  if (poll) clearInterval(poll);
  const [rssKiB, user, system] = HAS_TIME ? (readFileSync(rusageFile, 'utf8').trim().split('\n').pop() ?? '').split(' ').map(Number) : [polledKiB, NaN, NaN];
  return { seconds, cpuSeconds: (user ?? NaN) + (system ?? NaN), rssMiB: (rssKiB ?? 0) / 1024, ok: code === 0, stdout, stderr, out };
}

/** Peak resident set of a running process, from /proc (0 when it is gone). */
function vmHwmKiB(pid) {
  try {
    const match = /VmHWM:\s+(\d+)/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'));
    return match ? Number(match[1]) : 0;
  } catch {
    return 0;
  }
}

/** max / min: how far apart values that should be equal are (1 = flat). @param {number[]} values */
const spread = (values) => Math.max(...values) / Math.min(...values);

const median = (values) => {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
};

/**
 * Every tool `runs` times on one spec, alternating (round r starts at tool r), so a slow patch of
 * machine time is spread over all tools instead of landing on one.
 */
async function compare(tools, spec, label) {
  /** @type {Map<string, { seconds: number[], cpu: number[], rss: number[], failures: string[], stages: Record<string, number>[], out: string }>} */
  const results = new Map(tools.map((tool) => [tool.name, { seconds: [], cpu: [], rss: [], failures: [], stages: [], out: '' }]));
  for (let round = 0; round < runs; round++) {
    for (let i = 0; i < tools.length; i++) {
      const tool = tools[(i + round) % tools.length];
      const result = results.get(tool.name);
      const run = await measure(tool, spec, label);
      process.stderr.write(`bench: ${label} ${tool.name} round ${round + 1}: ${run.seconds.toFixed(2)} s, ${run.rssMiB.toFixed(0)} MiB${run.ok ? '' : ' FAILED'}\n`);
      result.out = run.out;
      if (!run.ok) {
        result.failures.push(lastLine(run.stderr || run.stdout));
        continue;
      }
      result.seconds.push(run.seconds);
      result.rss.push(run.rssMiB);
      result.cpu.push(run.cpuSeconds);
      const timings = /timings: (.*)$/m.exec(run.stdout);
      if (timings) result.stages.push(Object.fromEntries(timings[1].split(', ').map((part) => [part.replace(/ [\d.]+ ms$/, ''), Number(/([\d.]+) ms$/.exec(part)?.[1])])));
    }
  }
  return results;
}

const lastLine = (text) => text.trim().split('\n').filter(Boolean).pop()?.slice(0, 160) ?? '';

// ---------------------------------------------------------------- tables
const lines = [];
const print = (line = '') => {
  lines.push(line);
  process.stdout.write(line + '\n');
};
const fmt = (value, digits = 2) => (Number.isFinite(value) ? value.toFixed(digits) : '–');

function timeTable(results, reference) {
  const ref = median(results.get(reference)?.seconds ?? []);
  print('| tool | median s | min–max s | CPU s (median) | peak RSS MiB (median) | × oasgen time | runs ok |');
  print('| --- | ---: | ---: | ---: | ---: | ---: | ---: |');
  const rows = [...results].sort(([, a], [, b]) => (median(a.seconds) || Infinity) - (median(b.seconds) || Infinity));
  for (const [name, r] of rows) {
    const version = [...TOOLS, FLOOR].find((tool) => tool.name === name)?.version;
    const m = median(r.seconds);
    print(
      `| ${name}${version ? ` ${version}` : ''} | ${fmt(m)} | ${r.seconds.length ? `${fmt(Math.min(...r.seconds))}–${fmt(Math.max(...r.seconds))}` : '–'} | ${fmt(median(r.cpu))} | ${fmt(median(r.rss), 0)} | ${fmt(m / ref)} | ${r.seconds.length}/${r.seconds.length + r.failures.length}${r.failures.length ? ` (${r.failures[0]})` : ''} |`,
    );
  }
}

function stageTable(label, result, who = 'oasgen') {
  if (!result || result.stages.length === 0) return;
  const stages = Object.keys(result.stages[0]);
  print(`${who} per stage on ${label} (median ms of the runs above, from \`--timings\`):`);
  print('');
  print(`| ${stages.join(' | ')} |`);
  print(`| ${stages.map(() => '---:').join(' | ')} |`);
  print(`| ${stages.map((stage) => fmt(median(result.stages.map((s) => s[stage])), 0)).join(' | ')} |`);
  print('');
}

// ---------------------------------------------------------------- the run
const loadAverage = () => os.loadavg().map((n) => n.toFixed(2)).join(' / ');
const cpu = os.cpus();
print(`## oasgen bench — ${new Date().toISOString().slice(0, 16).replace('T', ' ')} UTC`);
print('');
print(`Machine: ${cpu.length} × ${cpu[0]?.model ?? 'cpu'}, ${(os.totalmem() / 2 ** 30).toFixed(0)} GiB, ${os.type()} ${os.release()}, Node ${process.version}.`);
print(`Load average (1/5/15 min) at start: ${loadAverage()}. Runs per tool: ${runs} (alternating). Peak RSS: ${HAS_TIME ? '/usr/bin/time %M (ru_maxrss)' : '/proc VmHWM polled every 10 ms'}.`);
print('');

/** @type {Record<string, number>} */
const summary = {};
/** @type {{ oasgen: string, orval: string } | undefined} Output folders of the last GitHub runs, for tsc. */
let githubOutputs;

if (only.has('github')) {
  print(`### GitHub REST API (@octokit/openapi ${peerVersion('@octokit/openapi')}, api.github.com.json, ${(statSync(GITHUB_SPEC).size / 2 ** 20).toFixed(1)} MiB)`);
  print('');
  const results = await compare([...TOOLS, FLOOR], GITHUB_SPEC, 'github');
  timeTable(results, 'oasgen');
  print('');
  stageTable('GitHub', results.get('oasgen'));
  if (baseline) stageTable('GitHub', results.get('oasgen (baseline)'), `oasgen (baseline ${path.basename(baseline)})`);
  const own = median(results.get('oasgen').seconds);
  const peers = TOOLS.filter((tool) => tool.peer).map((tool) => ({ name: tool.name, seconds: median(results.get(tool.name).seconds) }));
  summary.githubSeconds = own;
  summary.githubRss = Math.max(...results.get('oasgen').rss);
  summary.fastestPeer = Math.min(...peers.map((peer) => peer.seconds).filter(Number.isFinite));
  summary.orval = median(results.get('orval').seconds);
  summary.floor = median(results.get(FLOOR.name).seconds);
  summary.githubCpu = median(results.get('oasgen').cpu);
  summary.floorCpu = median(results.get(FLOOR.name).cpu);
  githubOutputs = { oasgen: results.get('oasgen').out, orval: results.get('orval').out };
}

if (only.has('petstore')) {
  print('### Petstore (bench/specs/petstore.yaml: 19 operations, 6 schemas) — mostly start-up');
  print('');
  const results = await compare(TOOLS, PETSTORE_SPEC, 'petstore');
  timeTable(results, 'oasgen');
  print('');
  stageTable('the petstore', results.get('oasgen'));
  if (baseline) stageTable('the petstore', results.get('oasgen (baseline)'), `oasgen (baseline ${path.basename(baseline)})`);
  summary.petstoreSeconds = median(results.get('oasgen').seconds);
  summary.petstoreCpu = median(results.get('oasgen').cpu);
}

if (only.has('synthetic')) {
  const sizes = quick ? [1000, 5000] : [1000, 5000, 20000];
  print(`### Synthetic specs (bench/synth.js): linear scaling`);
  print('');
  print('Per operation: the whole process divided by the operations, and the same after subtracting the');
  print('cost of a petstore-sized run (start-up, module loading, the first MiBs of heap). A 1k run still');
  print("pays fixed costs that base does not (V8's JIT warm-up, the writer thread, the young generation");
  print('growing to its full size), so per-operation cost is shown without them too: the slope between sizes,');
  print('and the warm measurement below.');
  print('');
  const petstore = await compare([TOOLS[0]], PETSTORE_SPEC, 'synthetic-base');
  const base = { seconds: median(petstore.get('oasgen').seconds), cpu: median(petstore.get('oasgen').cpu), rss: median(petstore.get('oasgen').rss) };
  const rows = [];
  for (const size of sizes) {
    const spec = path.join(WORK, `synthetic-${size}.json`);
    writeFileSync(spec, JSON.stringify(synthesizeSpec(size)) + '\n'); // compact: 20k operations stay under the 32 MiB input limit
    // The peers run on the smallest synthetic spec too (the larger ones would take minutes each).
    const tools = size === sizes[0] ? [...TOOLS, FLOOR] : [TOOLS[0], FLOOR];
    const withFloor = await compare(tools, spec, `synthetic-${size}`);
    if (size === sizes[0]) {
      print(`All tools on the ${size}-operation spec:`);
      print('');
      timeTable(withFloor, 'oasgen');
      print('');
    }
    const r = withFloor.get('oasgen');
    rows.push({ size, mib: statSync(spec).size / 2 ** 20, seconds: median(r.seconds), cpu: median(r.cpu), rss: median(r.rss), floor: median(withFloor.get(FLOOR.name).seconds) });
  }
  print('| operations | spec MiB | median s | CPU s | peak RSS MiB | ms / op | KiB RSS / op | ms / op above base | CPU ms / op above base | KiB / op above base | × floor |');
  print('| ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |');
  for (const row of rows) {
    print(
      `| ${row.size} | ${fmt(row.mib, 1)} | ${fmt(row.seconds)} | ${fmt(row.cpu)} | ${fmt(row.rss, 0)} | ${fmt((row.seconds * 1000) / row.size, 3)} | ${fmt((row.rss * 1024) / row.size, 1)} | ${fmt(((row.seconds - base.seconds) * 1000) / row.size, 3)} | ${fmt(((row.cpu - base.cpu) * 1000) / row.size, 3)} | ${fmt(((row.rss - base.rss) * 1024) / row.size, 1)} | ${fmt(row.seconds / row.floor, 1)} |`,
    );
  }
  print('');
  print(`Base (petstore-sized run): ${fmt(base.seconds)} s, ${fmt(base.cpu)} s CPU, ${fmt(base.rss, 0)} MiB.`);
  print('');
  const marginal = rows.map((row) => ((row.seconds - base.seconds) * 1000) / row.size);
  const marginalRss = rows.map((row) => ((row.rss - base.rss) * 1024) / row.size);
  const marginalCpu = rows.map((row) => ((row.cpu - base.cpu) * 1000) / row.size);
  summary.timeSpread = spread(marginal);
  summary.cpuSpread = spread(marginalCpu);
  summary.rssSpread = spread(marginalRss);
  // The slope between consecutive sizes: what each further operation costs, whatever the fixed
  // cost of a run is (the petstore base leaves out warm-up that only bigger specs pay).
  const steps = rows.slice(1).map((row, index) => {
    const previous = rows[index];
    const ops = row.size - previous.size;
    return { from: previous.size, to: row.size, ms: ((row.seconds - previous.seconds) * 1000) / ops, kib: ((row.rss - previous.rss) * 1024) / ops };
  });
  if (steps.length > 0) {
    print('Between sizes (the slope: what each further operation costs):');
    print('');
    print('| from → to | ms / op | KiB RSS / op |');
    print('| --- | ---: | ---: |');
    for (const step of steps) print(`| ${step.from} → ${step.to} | ${fmt(step.ms, 3)} | ${fmt(step.kib, 1)} |`);
    print('');
    // One step (--quick: two sizes) has nothing to compare with: no target line then.
    if (steps.length > 1) {
      summary.slopeTimeSpread = spread(steps.map((step) => step.ms));
      summary.slopeRssSpread = spread(steps.map((step) => step.kib));
    }
  }
  warmScaling(sizes.map((size) => path.join(WORK, `synthetic-${size}.json`)), sizes);
}

/**
 * Each spec in a warm process of its own (bench/warm.js): no start-up, no JIT warm-up, no writing,
 * so the time per operation is the generator's own work per operation (total over the runs).
 */
function warmScaling(specs, sizes) {
  print('Warm (bench/warm.js: for each spec a process that runs `generate()`, without an output folder, on the');
  print(`smallest spec until warm, then ${runs} times on the spec; time per operation: the runs' total over their`);
  print('operations): the work each operation brings, without the fixed costs above.');
  print('');
  /** @type {{ ms: number[], stages: Record<string, number>[] }[]} */
  const results = specs.map((spec) => {
    const output = execFileSync(process.execPath, [path.join(BENCH, 'warm.js'), ROOT, String(runs), specs[0], spec], { maxBuffer: 64 * 1024 * 1024 }).toString();
    const result = JSON.parse(output);
    process.stderr.write(`bench: warm ${path.basename(spec)}: ${result.ms.map((ms) => ms.toFixed(0)).join(', ')} ms\n`);
    return result;
  });
  // The stages as `generate()` times them (the same columns as stageTable's).
  const stages = Object.keys(results[0].stages[0]);
  print(`| operations | ms per run (min–max) | ms / op | ${stages.map((stage) => `${stage} µs / op`).join(' | ')} |`);
  print(`| ---: | ---: | ---: | ${stages.map(() => '---:').join(' | ')} |`);
  const perOp = results.map((result, index) => {
    const size = sizes[index];
    const operations = size * result.ms.length;
    const total = result.ms.reduce((sum, ms) => sum + ms, 0);
    const stageCells = stages.map((stage) => fmt((result.stages.reduce((sum, timings) => sum + (timings[stage] ?? 0), 0) * 1000) / operations, 0));
    print(`| ${size} | ${fmt(total / result.ms.length, 0)} (${fmt(Math.min(...result.ms), 0)}–${fmt(Math.max(...result.ms), 0)}) | ${fmt(total / operations, 3)} | ${stageCells.join(' | ')} |`);
    return total / operations;
  });
  print('');
  if (perOp.length > 1) summary.warmTimeSpread = spread(perOp);
}

if (only.has('tsc') && githubOutputs) {
  print('### Strict `tsc --noEmit` over the GitHub outputs (alternating)');
  print('');
  const compilers = [
    { name: 'TypeScript 5.9', bin: path.join(ROOT, 'node_modules/typescript/bin/tsc') },
    { name: 'TypeScript 7', bin: path.join(ROOT, 'node_modules/typescript7/bin/tsc') },
  ].filter((compiler) => existsSync(compiler.bin));
  print('| compiler | output | median s | errors | peak RSS MiB |');
  print('| --- | --- | ---: | ---: | ---: |');
  for (const compiler of compilers) {
    /** @type {Record<string, { seconds: number[], errors: number, rss: number[] }>} */
    const byOutput = {};
    for (let round = 0; round < tscRuns; round++) {
      const order = round % 2 ? ['orval', 'oasgen'] : ['oasgen', 'orval'];
      for (const name of order) {
        const out = githubOutputs[name];
        const project = path.join(WORK, `tsconfig.${name}.json`);
        writeFileSync(
          project,
          JSON.stringify({
            compilerOptions: { strict: true, noEmit: true, target: 'ES2022', module: 'ESNext', moduleResolution: 'Bundler', lib: ['ES2022', 'DOM'], skipLibCheck: true, types: [] },
            include: [path.join(out, '**/*.ts')],
          }),
        );
        const tool = { name: `tsc-${name}`, version: '', peer: false, args: () => [compiler.bin, '-p', project] };
        const run = await measure(tool, '', `tsc-${name}`);
        const errors = (run.stdout.match(/error TS\d+/g) ?? []).length;
        byOutput[name] ??= { seconds: [], errors, rss: [] };
        byOutput[name].seconds.push(run.seconds);
        byOutput[name].rss.push(run.rssMiB);
        process.stderr.write(`bench: ${compiler.name} over ${name}: ${run.seconds.toFixed(2)} s, ${errors} errors\n`);
      }
    }
    for (const [name, r] of Object.entries(byOutput)) print(`| ${compiler.name} | ${name} | ${fmt(median(r.seconds))} | ${r.errors} | ${fmt(median(r.rss), 0)} |`);
    summary[`tsc ${compiler.name}`] = median(byOutput.oasgen.seconds) / median(byOutput.orval.seconds);
    summary[`tscErrors ${compiler.name}`] = byOutput.oasgen.errors;
  }
  print('');
}

// ---------------------------------------------------------------- targets
print('### Targets (issue 6)');
print('');
print('| target | measured | met |');
print('| --- | --- | :---: |');
const target = (text, measured, met) => print(`| ${text} | ${measured} | ${met === undefined ? '–' : met ? 'yes' : 'no'} |`);
if (summary.githubSeconds !== undefined) {
  target('GitHub: faster than every peer', `oasgen ${fmt(summary.githubSeconds)} s, fastest peer ${fmt(summary.fastestPeer)} s`, summary.githubSeconds < summary.fastestPeer);
  target('GitHub: ≤ 0.5 × orval', `${fmt(summary.githubSeconds / summary.orval)} × orval (${fmt(summary.orval)} s)`, summary.githubSeconds <= 0.5 * summary.orval);
  target('GitHub: peak RSS ≤ 300 MiB', `${fmt(summary.githubRss, 0)} MiB (max of runs)`, summary.githubRss <= 300);
  target('GitHub: within 10 × the floor', `${fmt(summary.githubSeconds / summary.floor, 1)} × (floor ${fmt(summary.floor)} s); CPU: ${fmt(summary.githubCpu / summary.floorCpu, 1)} ×`, summary.githubSeconds <= 10 * summary.floor);
}
if (summary.petstoreSeconds !== undefined) target('Petstore end to end ≤ 0.3 s', `${fmt(summary.petstoreSeconds)} s (CPU ${fmt(summary.petstoreCpu)} s)`, summary.petstoreSeconds <= 0.3);
// Linear cost: per operation, with the fixed costs of a run left out — time in a warm process,
// memory as the slope between sizes.
if (summary.warmTimeSpread !== undefined) {
  target('Synthetic: time per operation flat within 20 % (warm, bench/warm.js: no start-up, JIT warm-up or writing)', `max/min ${fmt(summary.warmTimeSpread)}`, summary.warmTimeSpread <= 1.2);
}
if (summary.slopeRssSpread !== undefined) {
  target('Synthetic: memory per operation flat within 20 % (each further operation: the slope between sizes)', `max/min ${fmt(summary.slopeRssSpread)}`, summary.slopeRssSpread <= 1.2);
}
// Whole processes: a 1k run pays fixed costs the petstore base does not (JIT warm-up, the writer
// thread, the young generation's growth), so these fall with size when nothing grows faster than linearly.
if (summary.timeSpread !== undefined) {
  target('Synthetic, whole process, fixed costs partly in: time per operation above the petstore base flat within 20 %', `max/min ${fmt(summary.timeSpread)}`, summary.timeSpread <= 1.2);
  target('Synthetic, whole process, fixed costs partly in: CPU time per operation above the petstore base flat within 20 %', `max/min ${fmt(summary.cpuSpread)}`, summary.cpuSpread <= 1.2);
  target('Synthetic, whole process, fixed costs partly in: memory per operation above the petstore base flat within 20 %', `max/min ${fmt(summary.rssSpread)}`, summary.rssSpread <= 1.2);
  if (summary.slopeTimeSpread !== undefined) {
    target('Synthetic, whole process, warm-up partly in: time of each further operation (slope between sizes) flat within 20 %', `max/min ${fmt(summary.slopeTimeSpread)}`, summary.slopeTimeSpread <= 1.2);
  }
}
for (const key of Object.keys(summary).filter((k) => k.startsWith('tsc '))) {
  const compiler = key.slice(4);
  target(`${compiler}: strict tsc over oasgen's GitHub client no slower than over orval's`, `${fmt(summary[key])} × orval's time, ${summary[`tscErrors ${compiler}`]} errors`, summary[key] <= 1 && summary[`tscErrors ${compiler}`] === 0);
}
print('');
print(`Load average (1/5/15 min) at the end: ${loadAverage()}.`);

if (outFile) writeFileSync(outFile, lines.join('\n') + '\n');
rmSync(WORK, { recursive: true, force: true });

// @ts-check
/**
 * The generator's own cost per operation, without the fixed costs of a process: one Node process
 * runs `generate()` (no output folder: load, model, names, both renderers, the file set) on a
 * warm-up spec until V8 has compiled the hot code, then `runs` times on the spec measured. What is
 * left is the work each operation brings, so the time per operation is what shows whether the
 * cost grows linearly. (Whole-process runs of a 1k-operation spec also pay V8's JIT warm-up, the
 * writer thread's start and the young generation's growth, which a petstore-sized run does not:
 * bench/run.js prints both.)
 *
 * One process per measured spec, so no spec's garbage is collected during another's runs; and
 * the caller divides the *total* time by the operations: a major GC lands in some runs of a small
 * spec and not in others (a 1k run took 0.30 or 0.44 ms per operation), and the total charges each
 * run its share, as a bigger spec's runs always are.
 *
 * CLI: node bench/warm.js <oasgen root> <runs> <warm-up spec> <spec> → JSON on stdout:
 * { "ms": [..], "stages": [{ load, model, … }, ..] }
 */
import path from 'node:path';
import { pathToFileURL } from 'node:url';

const [root, runsText, warmUp, spec] = process.argv.slice(2);
const runs = Number(runsText);
if (!root || !warmUp || !spec || !(runs >= 1)) {
  process.stderr.write('usage: node bench/warm.js <oasgen root> <runs> <warm-up spec> <spec>\n');
  process.exit(1);
}
/** @type {{ generate: (options: { input: string }) => Promise<{ timings: Record<string, number> }> }} */
const oasgen = await import(pathToFileURL(path.join(root, 'dist/index.js')).href);

// Until two runs in a row are within 5 % of each other (at most 8): the hot code is optimised then.
let previous = Infinity;
for (let round = 0; round < 8; round++) {
  const start = performance.now();
  await oasgen.generate({ input: warmUp });
  const ms = performance.now() - start;
  if (Math.abs(ms - previous) / previous < 0.05) break;
  previous = ms;
}

/** @type {{ ms: number[], stages: Record<string, number>[] }} */
const result = { ms: [], stages: [] };
for (let round = 0; round < runs; round++) {
  const start = performance.now();
  const { timings } = await oasgen.generate({ input: spec });
  result.ms.push(performance.now() - start);
  result.stages.push(timings);
}
process.stdout.write(JSON.stringify(result) + '\n');

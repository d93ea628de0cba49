/**
 * One corpus worker (started twice by corpus.test.ts, so generation uses both cores): generates
 * each spec of its job with the built pipeline (dist/, made by `npm test`'s build step), writes
 * the client under <outDir>/<slug>/ with every ```typescript block of its markdown beside the page
 * (when the job asks for examples), and writes one result per spec to the job's result file.
 * A spec that fails is retried through swagger-parser alone: if that cannot parse it either, the
 * spec is out of scope ("unparseable"), otherwise the failure is oasgen's.
 *
 * Usage: node generate-worker.mjs <job.json>
 *   job: { outDir, resultFile, specs: [{ slug, file, examples }] }
 */
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const { generate } = await import(pathToFileURL(path.join(root, 'dist/pipeline.js')).href);
const { default: SwaggerParser } = await import('@apidevtools/swagger-parser');

const job = JSON.parse(await readFile(process.argv[2], 'utf8'));
const results = [];
for (const spec of job.specs) {
  const started = performance.now();
  try {
    const { files, diagnostics } = await generate({ input: spec.file });
    const dir = path.join(job.outDir, spec.slug);
    const exampleCount = await writeClient(dir, files, spec.examples);
    const warnings = diagnostics.filter((d) => d.severity === 'warning').length;
    results.push({ slug: spec.slug, status: 'generated', ms: performance.now() - started, files: files.size, warnings, exampleCount });
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    const parseable = await swaggerParserCanParse(spec.file);
    results.push({ slug: spec.slug, status: parseable ? 'failed' : 'unparseable', ms: performance.now() - started, error: message.slice(0, 500) });
  }
}
await writeFile(job.resultFile, JSON.stringify(results));

/** Writes the files; with `examples`, each ```typescript block as `<page>.example-<n>.ts` beside its page. */
async function writeClient(dir, files, examples) {
  let exampleCount = 0;
  for (const [file, content] of files) {
    const target = path.join(dir, file);
    await mkdir(path.dirname(target), { recursive: true });
    await writeFile(target, content);
    if (!examples || !file.endsWith('.md')) continue;
    let index = 0;
    for (const match of content.matchAll(/^```([\w-]*)[^\n]*\n([\s\S]*?)^```[ \t]*$/gm)) {
      if (match[1] !== 'typescript') continue;
      await writeFile(target.replace(/\.md$/, `.example-${++index}.ts`), match[2]);
      exampleCount++;
    }
  }
  return exampleCount;
}

/** swagger-parser's own verdict, without the network: can it read and bundle the file? */
async function swaggerParserCanParse(file) {
  try {
    await SwaggerParser.bundle(file, { resolve: { http: false } });
    return true;
  } catch {
    return false;
  }
}

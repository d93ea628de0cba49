// @ts-check
/**
 * The floor a generator is measured against: a process that reads the spec, parses it (JSON.parse,
 * or js-yaml for YAML) and writes the same bytes back out. Nothing can generate from a spec faster.
 *
 * CLI: node bench/floor.js <spec> <out-file>
 */
import { readFileSync, writeFileSync } from 'node:fs';

const [spec, out] = process.argv.slice(2);
if (!spec || !out) {
  process.stderr.write('usage: node bench/floor.js <spec> <out-file>\n');
  process.exit(1);
}
const text = readFileSync(spec, 'utf8');
const parsed = /\.ya?ml$/i.test(spec) ? (await import('js-yaml')).default.load(text) : JSON.parse(text);
if (typeof parsed !== 'object' || parsed === null) throw new Error('not a document');
writeFileSync(out, text);

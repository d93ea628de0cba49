import { readdirSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const fixturesDir = path.join(root, 'test', 'fixtures', 'specs');

/** Every spec a client is generated from in the tests: the two built-ins, then each fixture spec. */
export const CLIENT_SPECS: readonly string[] = [
  path.join(root, 'specs', 'identity.yaml'),
  path.join(root, 'specs', 'cohesity.yaml'),
  ...readdirSync(fixturesDir).filter((f) => /\.(ya?ml|json)$/.test(f)).sort().map((f) => path.join(fixturesDir, f)),
];

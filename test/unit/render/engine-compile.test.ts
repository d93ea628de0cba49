/**
 * The default templates compile knowing oasgen's helpers (knownHelpersOnly: any other name is a
 * field, and a helper they do not register fails every run, so the defaults cannot name one).
 * A user's template compiles as before: a helper name it uses only in a branch never taken (one
 * removed since it was ejected, a typo) does not stop the run.
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { generate } from '../../../src/pipeline.js';

const here = path.dirname(fileURLToPath(import.meta.url));
const input = path.join(here, '..', '..', 'fixtures', 'specs', 'inline-schemas-3.1.yaml');

let dir: string;
beforeEach(() => {
  dir = mkdtempSync(path.join(os.tmpdir(), 'oasgen-engine-'));
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

test('an override may name a helper that does not exist in a branch it never takes', async () => {
  writeFileSync(path.join(dir, 'banner.hbs'), '{{#if model.noSuchField}}{{noSuchHelper model.title}}{{/if}}Banner of {{model.title}}.');
  const result = await generate({ input, templates: dir });
  const client = [...result.files].find(([file]) => file.endsWith('.ts'))![1];
  expect(client).toMatch(/^\/\/ Banner of .+\.$/m);
});

/**
 * File snapshots of small fixture specs (test/fixtures/specs/): every file oasgen generates for
 * them is compared with a committed, readable copy in test/__file_snapshots__/<fixture>/<path>.
 * Update with `npm test -- -u`. runtime.ts is not snapshotted: it is the banner plus
 * src/runtime/runtime.ts verbatim, which is asserted instead.
 */
import { readdirSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { generate } from '../src/pipeline.js';
import { expectFileSnapshots } from './helpers/file-snapshot.js';

const here = path.dirname(fileURLToPath(import.meta.url));
const specsDir = path.join(here, 'fixtures', 'specs');
const fixtures = readdirSync(specsDir).filter((f) => /\.(ya?ml|json)$/.test(f)).sort();

describe('fixture specs: every generated file matches its file snapshot', () => {
  it('has fixtures', () => expect(fixtures.length).toBeGreaterThan(0));

  it.each(fixtures)('%s', async (spec) => {
    const input = path.join(specsDir, spec);
    const first = await generate({ input });
    const second = await generate({ input });
    expect([...second.files]).toEqual([...first.files]);
    expect(first.diagnostics.filter((d) => d.severity === 'error')).toEqual([]);

    const runtime = first.files.get('runtime.ts');
    const runtimeSource = await readFile(path.join(here, '..', 'src', 'runtime', 'runtime.ts'), 'utf8');
    expect(runtime?.endsWith(runtimeSource)).toBe(true);

    const files = new Map([...first.files].filter(([file]) => file !== 'runtime.ts'));
    await expectFileSnapshots(path.join(here, '__file_snapshots__', spec.replace(/\.(ya?ml|json)$/, '')), files);
  });
});

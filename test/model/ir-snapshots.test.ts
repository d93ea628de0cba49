/**
 * The IR of the real-world feature fixtures (test/fixtures/specs/rw-* and types-*): what oasgen understood of
 * Swagger 2.0, OpenAPI 3.0 and 3.1, as `oasgen inspect`-style JSON, compared with committed files
 * in test/model/__ir__/ (update with `-u`). The TypeScript and docs for the same fixtures are
 * file-snapshotted by test/fixture-snapshots.test.ts and compiled by test/compile.
 */
import { readdirSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { loadSpec } from '../../src/load/index.js';
import { buildModel } from '../../src/model/index.js';
import { expectFileSnapshots } from '../helpers/file-snapshot.js';

const here = path.dirname(fileURLToPath(import.meta.url));
const specsDir = path.join(here, '..', 'fixtures', 'specs');
const fixtures = readdirSync(specsDir).filter((f) => /^(rw|types)-.*\.(ya?ml|json)$/.test(f)).sort();

describe('IR of the real-world feature fixtures', () => {
  it('has the rw- and types- fixtures', () => expect(fixtures.length).toBeGreaterThanOrEqual(5));

  it.each(fixtures)('%s', async (fixture) => {
    const { model, diagnostics } = buildModel(await loadSpec(path.join(specsDir, fixture)));
    expect(JSON.parse(JSON.stringify(model))).toEqual(model);
    expect(diagnostics).toEqual([]);
    const name = fixture.replace(/\.(ya?ml|json)$/, '');
    await expectFileSnapshots(path.join(here, '__ir__', name), new Map([['ir.json', JSON.stringify(model, null, 2) + '\n']]));
  });
});

/**
 * Lenient by default: spec-schema violations that do not stop generation are warnings with a JSON
 * pointer, and a client is still generated; `strict` turns them into an error (UserError) that
 * names the pointer. Only a spec that cannot be understood fails without `strict`.
 */
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { loadSpec } from '../../src/load/index.js';
import { buildModel } from '../../src/model/index.js';
import { generate } from '../../src/pipeline.js';
import { UserError } from '../../src/shared/errors.js';

const spec = path.join(path.dirname(fileURLToPath(import.meta.url)), 'fixtures', 'rw-lenient.yaml');

describe('lenient by default, --strict on request', () => {
  it('generates with warnings that point into the spec', async () => {
    const { files, diagnostics } = await generate({ input: spec });
    expect(files.has('apis/DefaultApi.ts')).toBe(true);
    expect(diagnostics.every((d) => d.severity === 'warning')).toBe(true);
    const pointers = diagnostics.map((d) => d.pointer);
    expect(pointers).toContain('/paths/~1things/get/parameters/0/in');
    expect(pointers).toContain('/paths/~1things/get/parameters/1/schema/type');
  });

  it('fails under strict, naming a pointer', async () => {
    const failure = await generate({ input: spec, strict: true }).then(
      () => undefined,
      (error: unknown) => error,
    );
    expect(failure).toBeInstanceOf(UserError);
    expect((failure as UserError).location.pointer).toMatch(/^\/paths\/~1things\/get\/parameters\/[01]/);
  });

  it('the model stage itself is strict too (not only swagger-parser validation)', async () => {
    const loaded = await loadSpec(spec);
    expect(buildModel(loaded).diagnostics.map((d) => d.pointer)).toEqual(['/paths/~1things/get/parameters/0/in', '/paths/~1things/get/parameters/1/schema/type']);
    expect(() => buildModel(loaded, { strict: true })).toThrow(/parameter location "body".*\(and 1 more\)/);
  });
});

describe('a path template variable without a path parameter', () => {
  const undeclared = path.join(path.dirname(fileURLToPath(import.meta.url)), 'fixtures', 'undeclared-path-variable.yaml');

  it('is a warning at the operation (the call then fails instead of sending "{x}"), an error under strict', async () => {
    const loaded = await loadSpec(undeclared);
    expect(buildModel(loaded).diagnostics).toEqual([{ severity: 'warning', message: 'path template variable "x" has no path parameter', pointer: '/paths/~1a~1{x}~1b~1{y}/get' }]);
    expect(() => buildModel(loaded, { strict: true })).toThrow(/path template variable "x" has no path parameter/);
  });
});

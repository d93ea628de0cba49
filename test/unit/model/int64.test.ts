/**
 * `int64`: `format: int64` integers are `number` by default and `string` with `int64: 'string'`
 * (the programmatic option behind `--int64` and the config's `int64`), in the IR, the models, the
 * parameters and the docs examples alike; the `string` client compiles strictly; a value that is not
 * a mapping oasgen has is a UserError, and the CLI rejects it too.
 */
import path from 'node:path';
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import { generate } from '../../../src/pipeline.js';
import { UserError } from '../../../src/shared/errors.js';
import { ROOT, removeDir, runCli, tempDir, typeCheck } from '../../hostile/support.js';

const input = path.join(ROOT, 'test/fixtures/specs/types-3.0.yaml');

const catId = (model: Awaited<ReturnType<typeof generate>>['model']) => {
  const cat = model.schemas.find((schema) => schema.name === 'Cat')!.schema;
  return cat.kind === 'object' ? cat.properties.find((p) => p.name === 'id')!.schema : undefined;
};

/** The `export interface Cat { … }` block of the models module. */
const catInterface = (models: string | undefined) => /^export interface Cat \{\n[\s\S]*?\n\}$/m.exec(models ?? '')?.[0];

test('default: int64 is a number in the IR and the client', async () => {
  const { model, files } = await generate({ input });
  expect(catId(model)).toEqual({ kind: 'integer', format: 'int64', example: 1234567890123 });
  expect(catInterface(files.get('models/index.ts'))).toContain('  id?: number;');
  expect(files.get('apis/ShapesApi.ts')).toContain('  after?: number;');
});

test("int64: 'string' types int64 as string everywhere, and the client and its examples compile", async () => {
  const { model, files } = await generate({ input, int64: 'string' });
  expect(catId(model)).toEqual({ kind: 'string', format: 'int64', example: 1234567890123 });
  expect(catInterface(files.get('models/index.ts'))).toContain('  id?: string;');
  expect(files.get('apis/ShapesApi.ts')).toContain('  after?: string;');
  // Docs examples write int64 values as numeric strings.
  expect(files.get('docs/ShapesApi.md')).toContain("after: '56',");
  expect(files.get('docs/PetsApi.md')).toContain("id: '1234567890123',");
  const dir = await tempDir('oasgen-int64-');
  try {
    for (const [file, text] of files) {
      await mkdir(path.dirname(path.join(dir, file)), { recursive: true });
      await writeFile(path.join(dir, file), text);
    }
    // The docs examples compile beside the client too.
    const examples = [...files].filter(([file]) => file.startsWith('docs/'));
    for (const [file, text] of examples) {
      const block = /```typescript\n([\s\S]*?)```/.exec(text)?.[1];
      if (block) await writeFile(path.join(dir, file.replace(/\.md$/, '.example.ts')), block);
    }
    expect(await typeCheck(dir)).toBe('');
  } finally {
    await removeDir(dir);
  }
}, 120_000);

test('inspect --int64 string prints the IR the client is generated from', async () => {
  const inspect = async (args: string[]) => {
    const run = await runCli(['inspect', '--input', input, ...args]);
    expect(run.code).toBe(0);
    const model = JSON.parse(run.stdout) as Awaited<ReturnType<typeof generate>>['model'];
    return catId(model);
  };
  expect(await inspect([])).toMatchObject({ kind: 'integer', format: 'int64' });
  expect(await inspect(['--int64', 'string'])).toMatchObject({ kind: 'string', format: 'int64' });
}, 60_000);

test('the config\'s "int64" reaches the client; --int64 on the command line overrides it', async () => {
  const dir = await tempDir('oasgen-int64-config-');
  try {
    const config = path.join(dir, 'oasgen.config.json');
    await writeFile(config, JSON.stringify({ clients: [{ input, output: 'client', int64: 'string' }] }));
    expect((await runCli(['generate', '--config', config, '--quiet'])).code).toBe(0);
    expect(catInterface(await readFile(path.join(dir, 'client/models/index.ts'), 'utf8'))).toContain('  id?: string;');
    expect((await runCli(['generate', '--config', config, '--quiet', '--int64', 'number'])).code).toBe(0);
    expect(catInterface(await readFile(path.join(dir, 'client/models/index.ts'), 'utf8'))).toContain('  id?: number;');
  } finally {
    await removeDir(dir);
  }
}, 60_000);

test('an unknown mapping is a UserError (programmatic) and a usage error (CLI)', async () => {
  await expect(generate({ input, int64: 'bigint' as never })).rejects.toThrow(UserError);
  const cli = await runCli(['generate', '--input', input, '--output', path.join(ROOT, 'no-such-dir-int64'), '--int64', 'bigint']);
  expect(cli.code).toBe(1);
  expect(cli.stderr).toMatch(/int64.*Choices: "number", "string"/s);
});

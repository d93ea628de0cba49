/**
 * loadConfig: paths resolve against the config file's folder (not the cwd), spec URLs stay URLs,
 * and every malformed config is one error naming the file and the key by JSON pointer.
 */
import { writeFile } from 'node:fs/promises';
import path from 'node:path';
import { loadConfig } from '../../src/config/index.js';
import { UserError } from '../../src/shared/errors.js';
import { tempDir } from '../helpers/run-cli.js';

async function configFile(content: unknown): Promise<string> {
  const file = path.join(await tempDir('oasgen-config-'), 'oasgen.config.json');
  await writeFile(file, typeof content === 'string' ? content : JSON.stringify(content));
  return file;
}

/** The formatted message of the error loadConfig throws, with the temp folder cut off. */
async function errorOf(content: unknown): Promise<string> {
  const file = await configFile(content);
  try {
    await loadConfig(file);
  } catch (error) {
    if (error instanceof UserError) return error.format().replace(file, 'oasgen.config.json');
    throw error;
  }
  throw new Error('expected an error');
}

test('paths resolve against the config folder; a spec URL is kept; the name is the output folder', async () => {
  const file = await configFile({
    $schema: 'ignored',
    clients: [
      { input: 'specs/a.yaml', output: 'gen/a', templates: '../tpl', hooks: 'hooks.mjs', int64: 'string' },
      { input: 'https://example.test/openapi.json', output: '/abs/b' },
    ],
  });
  const dir = path.dirname(file);
  expect(await loadConfig(file)).toEqual([
    { name: 'a', input: path.join(dir, 'specs/a.yaml'), output: path.join(dir, 'gen/a'), templates: path.resolve(dir, '../tpl'), hooks: path.join(dir, 'hooks.mjs'), int64: 'string' },
    { name: 'b', input: 'https://example.test/openapi.json', output: path.resolve('/abs/b') },
  ]);
});

test.each([
  ['not JSON', '{"clients": [}', 'oasgen.config.json:1:14: config is not valid JSON: Unexpected token'],
  ['an array', [], 'oasgen.config.json: the config must be an object: { "clients": [ … ] }'],
  ['an unknown top-level key', { clients: [], client: [] }, 'oasgen.config.json at /client: unknown key "client" (expected "clients")'],
  ['no clients', {}, 'oasgen.config.json at /clients: "clients" must be an array'],
  ['empty clients', { clients: [] }, 'oasgen.config.json at /clients: "clients" is empty'],
  ['a client that is not an object', { clients: ['a.yaml'] }, 'oasgen.config.json at /clients/0: each client must be an object'],
  ['a misspelt key', { clients: [{ input: 'a', output: 'b', hook: 'h' }] }, 'oasgen.config.json at /clients/0/hook: unknown key "hook"'],
  ['a missing input', { clients: [{ output: 'b' }] }, 'oasgen.config.json at /clients/0/input: "input" must be a non-empty string'],
  ['an empty output', { clients: [{ input: 'a', output: ' ' }] }, 'oasgen.config.json at /clients/0/output: "output" must be a non-empty string'],
  ['templates not a string', { clients: [{ input: 'a', output: 'b', templates: true }] }, 'oasgen.config.json at /clients/0/templates: "templates" must be a non-empty string'],
  ['an int64 mapping oasgen does not have', { clients: [{ input: 'a', output: 'b', int64: 'bigint' }] }, 'oasgen.config.json at /clients/0/int64: "int64" must be one of "number", "string"'],
  ['two clients, one output', { clients: [{ input: 'a', output: 'out' }, { input: 'b', output: './out/' }] }, 'oasgen.config.json at /clients/1/output: "output" is the same folder as /clients/0/output'],
])('%s: one error naming the key', async (_name, content, expected) => {
  expect(await errorOf(content)).toContain(expected);
});

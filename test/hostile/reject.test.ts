/**
 * Broken and hostile specs that must be refused: each fixture has one hazard and the exact
 * place the error must name (line/column for syntax, JSON pointer for structure). Checked
 * twice: through `generate()` (the UserError) and through the real CLI (exit 1, one line, no
 * stack trace, nothing written).
 */
import { mkdir, realpath, symlink, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { loadSpec } from '../../src/load/index.js';
import { generate } from '../../src/pipeline.js';
import { UserError } from '../../src/shared/errors.js';
import { FIXTURES, listFiles, removeDir, runCli, tempDir } from './support.js';

interface Expectation {
  /** The message (after `file…: `) must match. */
  readonly message: RegExp;
  readonly pointer?: string;
  readonly line?: number;
  readonly column?: number;
  /** Needs `--strict` to be an error. */
  readonly strict?: boolean;
  /** The CLI's line must match (what it prints of the place). */
  readonly printed?: RegExp;
}

const REJECTED: Record<string, Expectation> = Object.assign(Object.create(null) as Record<string, Expectation>, {
  'empty.yaml': { message: /the file is empty/ },
  'whitespace-only.yaml': { message: /the file is empty/ },
  'yaml-syntax.yaml': { message: /syntax error: unexpected end of the stream/, line: 5, column: 1 },
  'json-syntax.json': { message: /syntax error/, line: 3, column: 19 },
  'plain-text.yaml': { message: /not an OpenAPI document: expected a YAML or JSON object/, pointer: '' },
  'not-an-object.yaml': { message: /not an OpenAPI document: expected a YAML or JSON object/, pointer: '' },
  'binary.yaml': { message: /not UTF-8 text/ },
  'no-version.yaml': { message: /neither "openapi" nor "swagger" is set/, pointer: '' },
  'openapi-4.yaml': { message: /unsupported openapi version "4.0.0"/, pointer: '/openapi' },
  'openapi-number.yaml': { message: /unsupported openapi version 3 .*write it as a string/, pointer: '/openapi' },
  'swagger-1.yaml': { message: /unsupported swagger version "1.2"/, pointer: '/swagger' },
  'missing-paths.yaml': { message: /missing "paths"/, pointer: '/paths' },
  'missing-paths-31.yaml': { message: /missing "paths"/, pointer: '/paths' },
  'paths-not-object.yaml': { message: /"paths" must be an object/, pointer: '/paths' },
  'dangling-ref.yaml': {
    message: /dangling \$ref "#\/components\/schemas\/Missing"/,
    pointer: '/paths/~1a/get/responses/200/content/application~1json/schema/$ref',
  },
  'dangling-proto-ref.yaml': { message: /dangling \$ref "#\/components\/__proto__"/, pointer: '/paths/~1a/get/responses/200/$ref' },
  'duplicate-operation-id.yaml': { message: /duplicate operationId "listThings" \(first at \/paths\/~1a\/get\)/, pointer: '/paths/~1b/get', strict: true },
  'ref-plain-name.yaml': { message: /unsupported \$ref "#Pet": a fragment must be a JSON pointer/, pointer: '/paths/~1a/get/responses/200/content/application~1json/schema/$ref' },
  'ref-parent-dir.yaml': { message: /\$ref points outside the spec's folder/, pointer: '/paths/~1a/get/responses/200/$ref' },
  'ref-absolute-path.yaml': { message: /\$ref (points outside the spec's folder|target not found)/, pointer: '/paths/~1a/get/responses/200/$ref' },
  'ref-file-url.yaml': { message: /\$ref (points outside the spec's folder|target not found)/, pointer: '/paths/~1a/get/responses/200/$ref' },
  'ref-backslash.yaml': { message: /\$ref points outside the spec's folder/, pointer: '/paths/~1a/get/responses/200/$ref' },
  'ref-encoded-dots.yaml': { message: /\$ref points outside the spec's folder/, pointer: '/paths/~1a/get/responses/200/$ref' },
  'ref-missing-file.yaml': { message: /\$ref target not found: no-such-file.yaml/, pointer: '/paths/~1a/get/responses/200/$ref' },
  'ref-other-scheme.yaml': { message: /refusing to fetch ftp: URL/, pointer: '/paths/~1a/get/responses/200/$ref' },
  'ref-remote.yaml': { message: /refusing to fetch https:\/\/example.invalid\/responses.yaml: network access needs --allow-remote/, pointer: '/paths/~1a/get/responses/200/$ref' },
  'undefined-security-scheme.yaml': { message: /security requirement names the undefined security scheme "no\/such"; this alternative is dropped/, pointer: '/paths/~1a/get/security/1/no~1such', strict: true },
  'undefined-security-scheme-swagger2.yaml': { message: /undefined security scheme "oauth"/, pointer: '/security/0/oauth', strict: true },
  'alias-bomb.yaml': { message: /expands to more than 4,000,000 values/ },
  'alias-cycle.yaml': { message: /a YAML alias refers to a node that contains it/, pointer: '/x-loop/again' },
  'nesting-4000.json': {
    message: /nested more than 128 levels deep/,
    // The pointer, 128 segments deep, is printed as its first 6 and last 4 segments.
    printed: / at \/components\/schemas\/Deep\/properties\/a\/properties\/…\/a\/properties\/a\/properties \(118 of 128 segments elided\): the document is nested/,
  },
});

const names = Object.keys(REJECTED).sort();
/** Spawning the CLI costs about a second: one fixture per kind of error is enough there. */
const CLI_SAMPLE = ['yaml-syntax.yaml', 'binary.yaml', 'openapi-4.yaml', 'dangling-ref.yaml', 'duplicate-operation-id.yaml', 'undefined-security-scheme.yaml', 'ref-parent-dir.yaml', 'ref-remote.yaml', 'alias-bomb.yaml', 'nesting-4000.json'];

describe('rejected with one clear error at the right place', () => {
  it.each(names)('%s', async (name) => {
    const want = REJECTED[name]!;
    const input = path.join(FIXTURES, 'reject', name);
    const error = await generate({ input, strict: want.strict === true }).then(
      () => undefined,
      (caught: unknown) => caught,
    );
    expect(error).toBeInstanceOf(UserError);
    const { location, message } = error as UserError;
    expect(message).toMatch(want.message);
    expect(location.file).toBe(input);
    if (want.pointer !== undefined) expect(location.pointer).toBe(want.pointer);
    if (want.line !== undefined) expect(location.line).toBe(want.line);
    if (want.column !== undefined) expect(location.column).toBe(want.column);
  });

  it('duplicate operationIds without --strict: renamed deterministically, with a warning at the pointer', async () => {
    const result = await generate({ input: path.join(FIXTURES, 'reject', 'duplicate-operation-id.yaml') });
    const methods = result.model.apis.flatMap((api) => api.operations.map((operation) => operation.methodName));
    expect(methods).toEqual(['listThings', 'listThings2']);
    expect(result.diagnostics).toContainEqual({
      severity: 'warning',
      message: 'duplicate operationId "listThings" (first at /paths/~1a/get); generated as DefaultApi.listThings2',
      pointer: '/paths/~1b/get',
    });
  });
});

describe('the CLI: exit 1, one line naming file and place, no stack trace, nothing written', () => {
  let work: string;
  beforeAll(async () => {
    work = await tempDir();
  });
  afterAll(() => removeDir(work));

  it.each(CLI_SAMPLE)('%s', async (name) => {
    const want = REJECTED[name]!;
    const output = path.join(work, name.replace(/\W/g, '_'));
    const result = await runCli(['generate', '-i', path.join('test/fixtures/hostile/reject', name), '-o', output, ...(want.strict ? ['--strict'] : [])]);
    expect(result.code).toBe(1);
    expect(result.stdout).toBe('');
    const lines = result.stderr.trimEnd().split('\n');
    expect(lines).toHaveLength(1);
    expect(lines[0]).toMatch(new RegExp(`^oasgen: error: (/.*/)?test/fixtures/hostile/reject/${name.replace(/\./g, '\\.')}`));
    expect(lines[0]).toMatch(want.message);
    if (want.pointer !== undefined) expect(lines[0]).toContain(` at ${want.pointer || '/'}: `);
    if (want.line !== undefined) expect(lines[0]).toContain(`${name}:${want.line}`);
    if (want.printed !== undefined) expect(lines[0]).toMatch(want.printed);
    expect(result.stderr).not.toMatch(/^\s+at /m);
    expect(await listFiles(work)).toEqual([]);
  });
});

describe('inputs that are not spec files', () => {
  let work: string;
  beforeAll(async () => {
    work = await tempDir();
  });
  afterAll(() => removeDir(work));

  it.each([
    ['a file that does not exist', () => path.join(work, 'nope.yaml'), /file not found/],
    ['a directory', () => work, /is a directory/],
    ['a device that never ends (/dev/zero)', () => '/dev/zero', /is not a regular file/],
    // chmod 000 does not stop root (the tests may run as root): /proc/self/mem fails every read with EIO.
    ['an unreadable file', () => '/proc/self/mem', /cannot read the file \(EIO\)/],
  ])('%s', async (_name, input, message) => {
    const result = await runCli(['generate', '-i', input(), '-o', path.join(work, 'out')]);
    expect(result.code).toBe(1);
    expect(result.stderr.trimEnd().split('\n')).toHaveLength(1);
    expect(result.stderr).toMatch(message);
    expect(result.stderr).not.toMatch(/^\s+at /m);
    expect(await listFiles(work)).toEqual([]);
  });
});

describe('$ref confinement with symlinks', () => {
  let work: string;
  beforeAll(async () => {
    work = await realpath(await tempDir());
    await mkdir(path.join(work, 'spec'));
    await mkdir(path.join(work, 'outside'));
    await writeFile(path.join(work, 'outside', 'secret.yaml'), 'ok: {description: secret}\n');
    await symlink(path.join(work, 'outside', 'secret.yaml'), path.join(work, 'spec', 'innocent.yaml'));
    await symlink(path.join(work, 'outside'), path.join(work, 'spec', 'shared'));
    await writeFile(path.join(work, 'spec', 'inside.yaml'), 'ok: {description: fine}\n');
    const spec = (ref: string) => `openapi: 3.0.3\ninfo: {title: x, version: "1"}\npaths:\n  /a:\n    get:\n      responses:\n        "200": {$ref: '${ref}'}\n`;
    await writeFile(path.join(work, 'spec', 'file-link.yaml'), spec('innocent.yaml#/ok'));
    await writeFile(path.join(work, 'spec', 'dir-link.yaml'), spec('shared/secret.yaml#/ok'));
    await writeFile(path.join(work, 'spec', 'inside-ok.yaml'), spec('inside.yaml#/ok'));
    await writeFile(path.join(work, 'spec', 'inside-dangling.yaml'), spec('inside.yaml#/missing'));
  });
  afterAll(() => removeDir(work));

  it.each(['file-link.yaml', 'dir-link.yaml'])('%s: a symlink inside the folder pointing outside is refused', async (name) => {
    await expect(generate({ input: path.join(work, 'spec', name) })).rejects.toThrow(/\$ref points outside the spec's folder/);
  });

  it('a $ref to a file inside the folder is bundled', async () => {
    const result = await generate({ input: path.join(work, 'spec', 'inside-ok.yaml') });
    expect(result.model.apis[0]!.operations[0]!.responses[0]!.description).toBe('fine');
  });

  it('$ref fan-out is bounded: documents and total bytes', async () => {
    const input = path.join(work, 'spec', 'inside-ok.yaml');
    await expect(loadSpec(input, { limits: { maxDocuments: 0 } })).rejects.toThrow('the spec pulls in more than 0 files through $ref (oasgen\'s limit)');
    await expect(loadSpec(input, { limits: { maxTotalBytes: 100 } })).rejects.toThrow('the spec and the files it pulls in through $ref total more than 100 bytes (oasgen\'s limit)');
  });

  it('a dangling pointer into another file names the $ref', async () => {
    const error = (await generate({ input: path.join(work, 'spec', 'inside-dangling.yaml') }).catch((e: unknown) => e)) as UserError;
    expect(error).toBeInstanceOf(UserError);
    expect(error.message).toBe('dangling $ref "inside.yaml#/missing": nothing at that JSON pointer');
    expect(error.location.pointer).toBe('/paths/~1a/get/responses/200/$ref');
  });
});

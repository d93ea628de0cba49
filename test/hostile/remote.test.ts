/**
 * No network unless allowed. Every test runs servers on 127.0.0.1 (port 0) and checks what they
 * saw: without --allow-remote a remote `$ref` is refused and no request arrives; with it, only
 * http(s) is fetched, under a timeout and a size cap, and every redirect target is checked again.
 * A URL given as the input allows its own host and no other.
 */
import { writeFile } from 'node:fs/promises';
import path from 'node:path';
import { loadSpec } from '../../src/load/index.js';
import { generate } from '../../src/pipeline.js';
import { UserError } from '../../src/shared/errors.js';
import { startServer, type RecordingServer } from '../helpers/http-server.js';
import { listFiles, removeDir, runCli, tempDir } from './support.js';

const specWithRef = (ref: string) => `openapi: 3.0.3
info: {title: remote, version: "1"}
paths:
  /a:
    get:
      operationId: getA
      responses:
        "200": {$ref: '${ref}'}
`;
const RESPONSES = 'Ok: {description: fetched remotely}\n';

let work = '';
let server: RecordingServer;
let other: RecordingServer;

beforeAll(async () => {
  work = await tempDir();
  other = await startServer((_request, response) => response.writeHead(200).end(RESPONSES));
  server = await startServer((request, response) => {
    const url = request.url ?? '';
    if (url === '/responses.yaml') response.writeHead(200, { 'content-type': 'application/yaml' }).end(RESPONSES);
    else if (url === '/spec.yaml') response.writeHead(200).end(specWithRef('responses.yaml#/Ok'));
    else if (url === '/spec-other.yaml') response.writeHead(200).end(specWithRef(`${other.origin}/responses.yaml#/Ok`));
    else if (url === '/to-other.yaml') response.writeHead(302, { location: `${other.origin}/responses.yaml` }).end();
    else if (url === '/to-file.yaml') response.writeHead(302, { location: 'file:///etc/passwd' }).end();
    else if (url === '/to-ftp.yaml') response.writeHead(301, { location: 'ftp://127.0.0.1/x.yaml' }).end();
    else if (url === '/loop.yaml') response.writeHead(302, { location: '/loop.yaml' }).end();
    else if (url === '/huge.yaml') response.writeHead(200).end('x: "' + 'a'.repeat(5000) + '"\n');
    else if (url === '/slow.yaml') response.writeHead(200).write('Ok:\n'); // never ends
    else response.writeHead(404).end();
  });
});

afterAll(async () => {
  await server.close();
  await other.close();
  await removeDir(work);
});

beforeEach(() => {
  server.requests.length = 0;
  other.requests.length = 0;
});

async function specFile(name: string, ref: string): Promise<string> {
  const file = path.join(work, name);
  await writeFile(file, specWithRef(ref));
  return file;
}

async function failure(run: Promise<unknown>): Promise<UserError> {
  const error = await run.then(
    () => undefined,
    (caught: unknown) => caught,
  );
  expect(error).toBeInstanceOf(UserError);
  return error as UserError;
}

describe('without --allow-remote nothing is fetched', () => {
  it('a $ref to a local server is refused at its pointer, and the server sees no request', async () => {
    const input = await specFile('plain.yaml', `${server.origin}/responses.yaml#/Ok`);
    const error = await failure(generate({ input }));
    expect(error.message).toBe(`refusing to fetch ${server.origin}/responses.yaml: network access needs --allow-remote`);
    expect(error.location.pointer).toBe('/paths/~1a/get/responses/200/$ref');
    expect(server.requests).toEqual([]);
  });

  it('the CLI too: exit 1, no request, nothing written', async () => {
    const input = await specFile('cli.yaml', `${server.origin}/responses.yaml#/Ok`);
    const result = await runCli(['generate', '-i', input, '-o', path.join(work, 'cli-out')]);
    expect(result.code).toBe(1);
    expect(result.stderr).toMatch(/network access needs --allow-remote/);
    expect(server.requests).toEqual([]);
    expect((await listFiles(work)).filter((file) => file.startsWith('cli-out'))).toEqual([]);
  });
});

describe('with --allow-remote: http(s) only, bounded, redirects re-checked', () => {
  it('a remote $ref is fetched once and bundled', async () => {
    const input = await specFile('allowed.yaml', `${server.origin}/responses.yaml#/Ok`);
    const result = await generate({ input, allowRemote: true });
    expect(result.model.apis[0]!.operations[0]!.responses[0]!.description).toBe('fetched remotely');
    expect(server.requests.map((request) => `${request.method} ${request.url}`)).toEqual(['GET /responses.yaml']);
  });

  it('the CLI flag --allow-remote reaches the loader', async () => {
    const input = await specFile('cli-allowed.yaml', `${server.origin}/responses.yaml#/Ok`);
    const result = await runCli(['generate', '-i', input, '-o', path.join(work, 'cli-allowed-out'), '--allow-remote', '--quiet']);
    expect(result.stderr).toBe('');
    expect(result.code).toBe(0);
    expect(server.requests).toHaveLength(1);
  });

  it.each([
    ['a redirect to a file: URL', '/to-file.yaml', /refusing to fetch file: URL/],
    ['a redirect to an ftp: URL', '/to-ftp.yaml', /refusing to fetch ftp: URL/],
    ['a redirect loop', '/loop.yaml', /more than 5 redirects/],
  ])('%s is refused', async (_name, route, message) => {
    const input = await specFile(`redirect${route.replace(/\W/g, '_')}.yaml`, `${server.origin}${route}#/Ok`);
    const error = await failure(generate({ input, allowRemote: true }));
    expect(error.message).toMatch(message);
  });

  it('a body over the size cap is refused', async () => {
    const input = await specFile('huge.yaml', `${server.origin}/huge.yaml#/x`);
    const error = await failure(loadSpec(input, { allowRemote: true, limits: { maxFileBytes: 1000 } }));
    expect(error.message).toBe('the file is larger than 1000 bytes (oasgen\'s limit)');
  });

  it('a server that never finishes is cut off by the timeout', async () => {
    const input = await specFile('slow.yaml', `${server.origin}/slow.yaml#/Ok`);
    const error = await failure(loadSpec(input, { allowRemote: true, limits: { remoteTimeoutMs: 300 } }));
    expect(error.message).toMatch(/took longer than 300 ms/);
  });
});

describe('a URL as the input allows that one host', () => {
  it('the spec and its relative $refs on the same host are fetched', async () => {
    const result = await generate({ input: `${server.origin}/spec.yaml` });
    expect(result.model.apis[0]!.operations[0]!.responses[0]!.description).toBe('fetched remotely');
    expect(server.requests.map((request) => request.url)).toEqual(['/spec.yaml', '/responses.yaml']);
  });

  it('a $ref to another host is refused, and that host sees nothing', async () => {
    const error = await failure(generate({ input: `${server.origin}/spec-other.yaml` }));
    expect(error.message).toMatch(/network access needs --allow-remote/);
    expect(other.requests).toEqual([]);
  });

  it('a redirect of the input to another host is refused, and that host sees nothing', async () => {
    const error = await failure(generate({ input: `${server.origin}/to-other.yaml` }));
    expect(error.message).toBe(`refusing to fetch ${other.origin}/responses.yaml: network access needs --allow-remote`);
    expect(other.requests).toEqual([]);
  });

  it('a remote spec cannot $ref local files', async () => {
    await writeFile(path.join(work, 'secret.yaml'), RESPONSES);
    const local = await startServer((_request, response) => response.writeHead(200).end(specWithRef(`file://${path.join(work, 'secret.yaml')}#/Ok`)));
    try {
      const error = await failure(generate({ input: `${local.origin}/spec.yaml` }));
      expect(error.message).toMatch(/a remote spec cannot \$ref local files/);
    } finally {
      await local.close();
    }
  });
});

/**
 * The built-in clients against Prism (@stoplight/prism-cli), a mock server that validates every
 * request against the spec (path, query, headers, security, body). Prism runs locally on
 * 127.0.0.1 from specs/*.yaml with `--errors`, so a request violating the spec gets an error
 * status instead of a mock. Every generated method (and its Raw variant) is called with valid
 * arguments and must be accepted; two invalid calls prove that Prism really validates.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { createServer } from 'node:net';
import { fileURLToPath } from 'node:url';
import * as cohesity from '../../generated/cohesity/index.js';
import * as identity from '../../generated/identity/index.js';
import { generate } from '../../src/pipeline.js';

const root = fileURLToPath(new URL('../..', import.meta.url));
const PRISM = fileURLToPath(new URL('../../node_modules/@stoplight/prism-cli/dist/index.js', import.meta.url));

interface Prism {
  readonly origin: string;
  readonly process: ChildProcess;
  output: string;
}

async function freePort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as { port: number };
  await new Promise((resolve) => server.close(resolve));
  return port;
}

/** Starts `prism mock <spec> --errors` and resolves once it listens. */
async function startPrism(spec: string): Promise<Prism> {
  const port = await freePort();
  const child = spawn(process.execPath, [PRISM, 'mock', spec, '--host', '127.0.0.1', '--port', String(port), '--errors'], { cwd: root, stdio: ['ignore', 'pipe', 'pipe'] });
  const prism: Prism = { origin: `http://127.0.0.1:${port}`, process: child, output: '' };
  await new Promise<void>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`Prism did not start within 45 s:\n${prism.output}`)), 45_000);
    const collect = (chunk: Buffer) => {
      prism.output += chunk.toString();
      if (prism.output.includes('Prism is listening')) clearTimeout(timer), resolve();
    };
    child.stdout!.on('data', collect);
    child.stderr!.on('data', collect);
    child.once('exit', (code) => (clearTimeout(timer), reject(new Error(`Prism exited with ${code}:\n${prism.output}`))));
  });
  return prism;
}

async function stopPrism(prism: Prism | undefined): Promise<void> {
  if (!prism || prism.process.exitCode !== null) return;
  const exited = new Promise((resolve) => prism.process.once('exit', resolve));
  prism.process.kill();
  await exited;
}

let identityPrism: Prism | undefined;
let cohesityPrism: Prism | undefined;
beforeAll(async () => {
  [identityPrism, cohesityPrism] = await Promise.all([startPrism('specs/identity.yaml'), startPrism('specs/cohesity.yaml')]);
}, 60_000);
afterAll(async () => {
  await Promise.all([stopPrism(identityPrism), stopPrism(cohesityPrism)]);
});

/** Records each response, so the test can assert Prism found no violation (it sets `sl-violations` when it does). */
const seen: { url: string; status: number; violations: string | null }[] = [];
const recorder = { post: ({ url, response }: { url: string; response: Response }) => void seen.push({ url, status: response.status, violations: response.headers.get('sl-violations') }) };

// Prism serves the paths without the servers' base path (cohesity's `/v2`).
const sessions = () => new identity.SessionsApi(new identity.Configuration({ basePath: identityPrism!.origin, middleware: [recorder], retries: 0 }));
const users = () => new cohesity.UsersApi(new cohesity.Configuration({ basePath: cohesityPrism!.origin, apiKey: 'k-123', middleware: [recorder], retries: 0 }));

const calls: Record<string, () => Promise<unknown>> = {
  'SessionsApi.deleteSession': () => sessions().deleteSession('s-1', { xUserId: 'u-1', xWorkspaceId: 7 }),
  'SessionsApi.deleteSessionRaw': () => sessions().deleteSessionRaw('s 2/3'),
  'SessionsApi.getSession': () => sessions().getSession('s-1'),
  'SessionsApi.getSessionRaw': () => sessions().getSessionRaw('s-1'),
  'SessionsApi.getUserSessions': () => sessions().getUserSessions('u-1'),
  'SessionsApi.getUserSessionsRaw': () => sessions().getUserSessionsRaw('u-1'),
  'UsersApi.createSession': () =>
    users().createSession({ username: 'admin', password: 'pw', domain: 'LOCAL', otp_code: '123456', otp_type: 'totp' }),
  'UsersApi.createSessionRaw': () => users().createSessionRaw({}),
  'UsersApi.deleteSession': () => users().deleteSession({ sid: 'S-1' }),
  'UsersApi.deleteSessionRaw': () => users().deleteSessionRaw(),
};

describe('Prism validates every request of the built-in clients', () => {
  it('the calls below cover every generated method and Raw variant of both clients', async () => {
    const generated: string[] = [];
    for (const spec of ['specs/identity.yaml', 'specs/cohesity.yaml']) {
      const { model } = await generate({ input: `${root}/${spec}` });
      for (const api of model.apis) for (const op of api.operations) generated.push(`${api.className}.${op.methodName}`, `${api.className}.${op.rawMethodName}`);
    }
    expect(Object.keys(calls).sort()).toEqual(generated.sort());
  });

  it.each(Object.keys(calls))('%s is accepted (2xx, no violations)', async (name) => {
    seen.length = 0;
    await calls[name]!();
    expect(seen).toHaveLength(1);
    expect(seen[0]!.violations).toBeNull();
    expect(seen[0]!.status).toBeGreaterThanOrEqual(200);
    expect(seen[0]!.status).toBeLessThan(300);
  });

  it('control: Prism rejects a body that breaks the schema and a call without the API key', async () => {
    const badBody = { otp_type: 'sms' } as unknown as cohesity.CreateUserSessionRequestParams;
    await expect(users().createSession(badBody)).rejects.toMatchObject({ status: 422 });
    const anonymous = new cohesity.UsersApi(new cohesity.Configuration({ basePath: cohesityPrism!.origin, retries: 0 }));
    await expect(anonymous.deleteSession({ sid: 'S-1' })).rejects.toMatchObject({ status: 401 });
  });
});

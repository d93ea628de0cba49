/**
 * Local HTTP servers for behaviour tests: node:http on 127.0.0.1, port 0 (the OS picks), every
 * request recorded exactly as it arrived (raw URL, headers, body). Two ways to answer:
 * - `startServer(handler)`: a function answers each request (redirects, broken or slow servers);
 * - `startTestServer()`: responses are scripted in order with `reply()`.
 * Close every server in afterAll/finally.
 */
import { createServer, type IncomingHttpHeaders, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

/** One request as it arrived on the wire. */
export interface WireRequest {
  readonly method: string;
  /** Path and query exactly as sent (not decoded or normalised). */
  readonly url: string;
  /** Lower-cased names, as Node gives them. */
  readonly headers: IncomingHttpHeaders;
  /** Name/value list as received (node drops a header named `__proto__` from `headers`). */
  readonly rawHeaders: string[];
  readonly body: Buffer;
}

/**
 * Answers one request (after its body was read); `index` counts from 0. It may return a promise,
 * or leave the response hanging to simulate a slow server. Its result is otherwise ignored.
 */
export type Handler = (request: WireRequest, response: ServerResponse, index: number) => unknown;

/** A running server that records every request. */
export interface RecordingServer {
  /** `http://127.0.0.1:<port>`. */
  readonly origin: string;
  readonly requests: WireRequest[];
  close(): Promise<void>;
}

/** Starts a recording server; without a handler every request gets 404. A handler that throws answers 500. */
export async function startServer(handler: Handler = (_request, response) => response.writeHead(404).end()): Promise<RecordingServer> {
  const requests: WireRequest[] = [];
  const server = createServer((incoming, response) => {
    const chunks: Buffer[] = [];
    incoming.on('data', (chunk: Buffer) => chunks.push(chunk));
    incoming.on('end', () => {
      const request: WireRequest = { method: incoming.method ?? '', url: incoming.url ?? '', headers: incoming.headers, rawHeaders: incoming.rawHeaders, body: Buffer.concat(chunks) };
      requests.push(request);
      new Promise((resolve) => resolve(handler(request, response, requests.length - 1))).catch((error: unknown) => {
        response.statusCode = 500;
        response.end(String(error));
      });
    });
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, '127.0.0.1', resolve);
  });
  const { port } = server.address() as AddressInfo;
  return {
    origin: `http://127.0.0.1:${port}`,
    requests,
    // Closing twice is fine (a test may close early to get a refused connection; afterEach closes again).
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

/** Sends a JSON body with a status. */
export function sendJson(response: ServerResponse, status: number, body: unknown, headers: Record<string, string> = {}): void {
  response.writeHead(status, { 'Content-Type': 'application/json', ...headers });
  response.end(JSON.stringify(body));
}

/** One request of a scripted server, with its URL split up and its body as text. */
export interface RecordedRequest {
  readonly method: string;
  /** The request target as sent, not decoded or normalised (`/sessions/a%2Fb?x=1`). */
  readonly rawUrl: string;
  /** `rawUrl` up to `?`. */
  readonly rawPath: string;
  readonly query: URLSearchParams;
  /** Lower-cased names, as Node gives them. */
  readonly headers: IncomingHttpHeaders;
  readonly body: string;
}

/** A response to send: `json` is serialised with Content-Type application/json. */
export interface ScriptedResponse {
  readonly status: number;
  readonly headers?: Record<string, string>;
  readonly json?: unknown;
  readonly text?: string;
}

/** A running scripted server; `close()` it in afterAll. */
export interface TestServer {
  /** `http://127.0.0.1:<port>`. */
  readonly origin: string;
  readonly requests: RecordedRequest[];
  /** Queues the responses for the next requests, in order. */
  reply(...responses: ScriptedResponse[]): void;
  /** The only request received since the last `reset()`; fails if there were none or several. */
  single(): RecordedRequest;
  /** Forgets recorded requests and unused scripted responses. */
  reset(): void;
  close(): Promise<void>;
}

/** Starts a scripted server. Unscripted requests get 599 so a test cannot pass by accident. */
export async function startTestServer(): Promise<TestServer> {
  const requests: RecordedRequest[] = [];
  const queue: ScriptedResponse[] = [];
  const server = await startServer((request, response) => {
    const queryStart = request.url.indexOf('?');
    requests.push({
      method: request.method,
      rawUrl: request.url,
      rawPath: queryStart < 0 ? request.url : request.url.slice(0, queryStart),
      query: new URLSearchParams(queryStart < 0 ? '' : request.url.slice(queryStart + 1)),
      headers: request.headers,
      body: request.body.toString('utf8'),
    });
    const scripted = queue.shift() ?? { status: 599, text: 'no response scripted for this request' };
    const headers: Record<string, string> = { ...scripted.headers };
    let body = scripted.text ?? '';
    if (scripted.json !== undefined) {
      body = JSON.stringify(scripted.json);
      headers['Content-Type'] ??= 'application/json';
    }
    response.writeHead(scripted.status, headers);
    response.end(body);
  });
  return {
    origin: server.origin,
    requests,
    reply: (...responses) => void queue.push(...responses),
    single: () => {
      if (requests.length !== 1) throw new Error(`expected exactly one request, got ${requests.length}`);
      return requests[0]!;
    },
    reset: () => {
      requests.length = 0;
      server.requests.length = 0;
      queue.length = 0;
    },
    close: () => server.close(),
  };
}

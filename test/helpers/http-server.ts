/**
 * A node:http server for behaviour tests: listens on 127.0.0.1 port 0, records every request
 * exactly as it arrived (raw URL, headers, body) and answers with responses the test scripts.
 */
import { createServer, type IncomingHttpHeaders, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';

/** One request as the server saw it. */
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

/** The running server; `close()` it in afterAll. */
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

/** Starts a server on 127.0.0.1, port 0. Unscripted requests get 599 so a test cannot pass by accident. */
export async function startTestServer(): Promise<TestServer> {
  const requests: RecordedRequest[] = [];
  const queue: ScriptedResponse[] = [];
  const server: Server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (chunk: Buffer) => chunks.push(chunk));
    req.on('end', () => {
      const rawUrl = req.url ?? '';
      const queryStart = rawUrl.indexOf('?');
      requests.push({
        method: req.method ?? '',
        rawUrl,
        rawPath: queryStart < 0 ? rawUrl : rawUrl.slice(0, queryStart),
        query: new URLSearchParams(queryStart < 0 ? '' : rawUrl.slice(queryStart + 1)),
        headers: req.headers,
        body: Buffer.concat(chunks).toString('utf8'),
      });
      const response = queue.shift() ?? { status: 599, text: 'no response scripted for this request' };
      const headers: Record<string, string> = { ...response.headers };
      let body = response.text ?? '';
      if (response.json !== undefined) {
        body = JSON.stringify(response.json);
        headers['Content-Type'] ??= 'application/json';
      }
      res.writeHead(response.status, headers);
      res.end(body);
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
    reply: (...responses) => void queue.push(...responses),
    single: () => {
      if (requests.length !== 1) throw new Error(`expected exactly one request, got ${requests.length}`);
      return requests[0]!;
    },
    reset: () => {
      requests.length = 0;
      queue.length = 0;
    },
    close: () =>
      new Promise<void>((resolve, reject) => {
        server.closeAllConnections();
        server.close((error) => (error ? reject(error) : resolve()));
      }),
  };
}

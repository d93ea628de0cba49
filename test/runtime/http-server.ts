import { createServer, type IncomingHttpHeaders, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

/** One request as it arrived on the wire. */
export interface WireRequest {
  readonly method: string;
  /** Path and query exactly as sent (not normalised). */
  readonly url: string;
  readonly headers: IncomingHttpHeaders;
  /** Name/value list as received (node drops a header named `__proto__` from `headers`). */
  readonly rawHeaders: string[];
  readonly body: Buffer;
}

/** Answers one request; it may also leave the response hanging to simulate a slow server. */
export type Handler = (request: WireRequest, response: ServerResponse, index: number) => void | Promise<void>;

/** A node:http server on 127.0.0.1 with an OS-chosen port that records every request. */
export interface TestServer {
  /** `http://127.0.0.1:<port>`. */
  readonly origin: string;
  readonly requests: WireRequest[];
  close(): Promise<void>;
}

/** Starts a recording server; `handler` sees each request after its body was read. */
export async function startServer(handler: Handler): Promise<TestServer> {
  const requests: WireRequest[] = [];
  const server = createServer((incoming, response) => {
    const chunks: Buffer[] = [];
    incoming.on('data', (chunk: Buffer) => chunks.push(chunk));
    incoming.on('end', () => {
      const request: WireRequest = { method: incoming.method ?? '', url: incoming.url ?? '', headers: incoming.headers, rawHeaders: incoming.rawHeaders, body: Buffer.concat(chunks) };
      requests.push(request);
      Promise.resolve(handler(request, response, requests.length - 1)).catch((error: unknown) => {
        response.statusCode = 500;
        response.end(String(error));
      });
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    origin: `http://127.0.0.1:${port}`,
    requests,
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

/**
 * Request overhead of a generated client over bare fetch, against a local node:http server.
 * Both sides make the same request (GET /sessions/{id}, Accept: application/json) on the same
 * keep-alive connection pool and decode the JSON body; the client adds URL building, header
 * validation, the retry loop, the timeout/abort plumbing and middleware dispatch (none configured).
 * Rounds alternate which side goes first so drift on a shared machine hits both equally.
 *
 *   npm run bench:client [-- --rounds 40 --per-round 250]
 */
import { createServer } from 'node:http';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { loadClient } from './load-client.mjs';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const { values } = parseArgs({ options: { rounds: { type: 'string', default: '40' }, 'per-round': { type: 'string', default: '250' } } });
const rounds = Number(values.rounds);
const perRound = Number(values['per-round']);

const body = JSON.stringify({ id: 's-1', user_id: 'u-1', workspace_id: 7, created_at: '2026-01-01T00:00:00Z', expires_at: null, ip_address: '127.0.0.1', user_agent: null });
const server = createServer((request, response) => {
  request.resume();
  request.on('end', () => {
    response.writeHead(200, { 'Content-Type': 'application/json', 'Content-Length': Buffer.byteLength(body) });
    response.end(body);
  });
});
await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve));
const origin = `http://127.0.0.1:${server.address().port}`;

const identity = await loadClient(root, 'identity');
const api = new identity.SessionsApi(new identity.Configuration({ basePath: origin }));

async function bare() {
  const response = await fetch(`${origin}/sessions/s-1`, { method: 'GET', headers: { Accept: 'application/json' } });
  if (!response.ok) throw new Error(String(response.status));
  return response.json();
}
const client = () => api.getSession('s-1');

async function sample(run, into) {
  for (let i = 0; i < perRound; i++) {
    const start = performance.now();
    await run();
    into.push(performance.now() - start);
  }
}

const median = (values) => {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = sorted.length >> 1;
  return sorted.length % 2 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
};

// Warm up both paths (JIT, connection pool).
await sample(bare, []);
await sample(client, []);

const bareTimes = [];
const clientTimes = [];
const roundOverheads = [];
for (let round = 0; round < rounds; round++) {
  const b = [];
  const c = [];
  if (round % 2 === 0) {
    await sample(bare, b);
    await sample(client, c);
  } else {
    await sample(client, c);
    await sample(bare, b);
  }
  bareTimes.push(...b);
  clientTimes.push(...c);
  roundOverheads.push(median(c) / median(b) - 1);
}
server.close();

// The runtime's own CPU cost, without the network: both sides call the same in-process stub fetch.
const stub = async () => new Response(body, { headers: { 'Content-Type': 'application/json' } });
const stubApi = new identity.SessionsApi(new identity.Configuration({ basePath: origin, fetchApi: stub }));
const stubBare = async () => (await stub(`${origin}/sessions/s-1`, { method: 'GET', headers: { Accept: 'application/json' } })).json();
const stubClient = () => stubApi.getSession('s-1');
await sample(stubBare, []);
await sample(stubClient, []);
const stubBareTimes = [];
const stubClientTimes = [];
for (let round = 0; round < rounds; round++) {
  await sample(stubBare, stubBareTimes);
  await sample(stubClient, stubClientTimes);
}

const bareMedian = median(bareTimes);
const clientMedian = median(clientTimes);
const us = (ms) => `${(ms * 1000).toFixed(1)} µs`;
console.log(`requests per side: ${bareTimes.length} (${rounds} rounds × ${perRound})`);
console.log(`bare fetch median:        ${us(bareMedian)}`);
console.log(`generated client median:  ${us(clientMedian)}`);
console.log(`overhead at the median:   ${((clientMedian / bareMedian - 1) * 100).toFixed(1)} % (${us(clientMedian - bareMedian)})`);
console.log(`median of per-round overheads: ${(median(roundOverheads) * 100).toFixed(1)} %`);
console.log(`goal: < 5 %`);
const stubBareMedian = median(stubBareTimes);
const stubClientMedian = median(stubClientTimes);
console.log(`without network (stub fetch): bare ${us(stubBareMedian)}, client ${us(stubClientMedian)}, runtime CPU per call ${us(stubClientMedian - stubBareMedian)}`);

/**
 * Helpers for the hostile-input suite: fixture paths, running the real CLI, temp dirs, a
 * recording HTTP server on 127.0.0.1 (port 0), and batch type-checking with TypeScript 7.
 */
import { execFile } from 'node:child_process';
import { mkdtemp, readdir, rm, writeFile } from 'node:fs/promises';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

/** The repository root. */
export const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
/** test/fixtures/hostile. */
export const FIXTURES = path.join(ROOT, 'test/fixtures/hostile');

/** A fresh temp dir; remove it with `rm(dir, { recursive: true, force: true })`. */
export function tempDir(prefix = 'oasgen-hostile-'): Promise<string> {
  return mkdtemp(path.join(os.tmpdir(), prefix));
}

/** Every file under a folder, relative, sorted (for "nothing written elsewhere" checks). */
export async function listFiles(dir: string): Promise<string[]> {
  const entries = await readdir(dir, { recursive: true, withFileTypes: true });
  return entries
    .filter((entry) => !entry.isDirectory())
    .map((entry) => path.relative(dir, path.join(entry.parentPath, entry.name)))
    .sort();
}

/** The outcome of one CLI run. */
export interface CliResult {
  readonly code: number;
  readonly stdout: string;
  readonly stderr: string;
}

/** Runs the built CLI (dist/, made by `npm test`'s build step) with arguments, in `cwd`. */
export function runCli(args: readonly string[], cwd = ROOT): Promise<CliResult> {
  return new Promise((resolve) => {
    execFile(process.execPath, [path.join(ROOT, 'dist/cli/main.js'), ...args], { cwd, timeout: 60_000 }, (error, stdout, stderr) => {
      const code = error ? (typeof error.code === 'number' ? error.code : -1) : 0;
      resolve({ code, stdout, stderr });
    });
  });
}

/** An HTTP server on 127.0.0.1 that records every request it gets. */
export interface RecordingServer {
  readonly origin: string;
  readonly requests: { method: string; url: string; headers: IncomingMessage['headers'] }[];
  close(): Promise<void>;
}

/** Starts a recording server; `handle` answers (default: 404). */
export async function startServer(handle?: (request: IncomingMessage, response: ServerResponse) => void): Promise<RecordingServer> {
  const requests: RecordingServer['requests'] = [];
  const server: Server = createServer((request, response) => {
    requests.push({ method: request.method ?? '', url: request.url ?? '', headers: request.headers });
    if (handle) handle(request, response);
    else response.writeHead(404).end();
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

/** Removes a temp dir. */
export function removeDir(dir: string): Promise<void> {
  return rm(dir, { recursive: true, force: true });
}

/**
 * Type-checks every `.ts` file under `dir` in ONE TypeScript 7 run (`--strict`, NodeNext; with
 * `strictest`, test/compile's extra flags too), the way a user's project would. Resolves to tsc's output; empty means everything compiled.
 */
export async function typeCheck(dir: string, { strictest = true } = {}): Promise<string> {
  const config = {
    compilerOptions: {
      strict: true, noEmit: true, target: 'es2022', module: 'nodenext', moduleResolution: 'nodenext',
      lib: ['ES2022', 'DOM'], types: [], skipLibCheck: true, pretty: false,
      // `strictest`: also the flags of test/compile, what a strict user project turns on.
      ...(strictest
        ? { noUncheckedIndexedAccess: true, exactOptionalPropertyTypes: true, verbatimModuleSyntax: true, noUnusedLocals: true, noImplicitOverride: true, noImplicitReturns: true, noFallthroughCasesInSwitch: true }
        : {}),
    },
    include: ['**/*.ts'],
  };
  await writeFile(path.join(dir, 'tsconfig.json'), JSON.stringify(config));
  // nodenext reads the nearest package.json: the clients are ES modules.
  await writeFile(path.join(dir, 'package.json'), JSON.stringify({ type: 'module', private: true }));
  const tsc = path.join(ROOT, 'node_modules/typescript7/bin/tsc');
  return new Promise((resolve) => {
    execFile(process.execPath, [tsc, '-p', dir], { cwd: dir, timeout: 300_000, maxBuffer: 64 * 1024 * 1024 }, (_error, stdout, stderr) => resolve((stdout + stderr).trim()));
  });
}

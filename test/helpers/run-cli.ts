/**
 * Runs the real bin (`node dist/cli/main.js`, built by `npm test` before jest starts) and
 * collects its exit code and output; plus small helpers for temp dirs and file-tree snapshots.
 */
import { execFile } from 'node:child_process';
import { mkdir, mkdtemp, readdir, readFile, stat, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

/** The repository root. */
export const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
/** The bin as package.json declares it. */
export const BIN = path.join(repoRoot, 'dist/cli/main.js');

/** What one CLI run did. */
export interface CliRun {
  readonly code: number;
  readonly stdout: string;
  readonly stderr: string;
}

/** `oasgen <args>` in `cwd`; never throws on a non-zero exit. */
export function runCli(args: readonly string[], cwd: string): Promise<CliRun> {
  return new Promise((resolve) => {
    execFile(process.execPath, [BIN, ...args], { cwd, maxBuffer: 16 * 1024 * 1024, env: { ...process.env, NO_COLOR: '1' } }, (error, stdout, stderr) => {
      const code = error === null ? 0 : typeof error.code === 'number' ? error.code : -1;
      resolve({ code, stdout, stderr });
    });
  });
}

/** A fresh temp dir. */
export function tempDir(prefix = 'oasgen-cli-'): Promise<string> {
  return mkdtemp(path.join(os.tmpdir(), prefix));
}

/** Writes files (relative path → text) under a folder, creating folders. */
export async function writeFiles(dir: string, files: Record<string, string>): Promise<void> {
  for (const [relativePath, text] of Object.entries(files)) {
    await mkdir(path.dirname(path.join(dir, relativePath)), { recursive: true });
    await writeFile(path.join(dir, relativePath), text);
  }
}

/** Every file under a folder (relative `/` paths, sorted) with its text and mtime. */
export async function snapshotTree(dir: string): Promise<Map<string, { text: string; mtimeMs: number }>> {
  const out = new Map<string, { text: string; mtimeMs: number }>();
  const walk = async (relative: string): Promise<void> => {
    for (const entry of await readdir(path.join(dir, relative), { withFileTypes: true })) {
      const child = relative ? `${relative}/${entry.name}` : entry.name;
      if (entry.isDirectory()) await walk(child);
      else out.set(child, { text: await readFile(path.join(dir, child), 'utf8'), mtimeMs: (await stat(path.join(dir, child))).mtimeMs });
    }
  };
  await walk('');
  return new Map([...out].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)));
}

/**
 * A small OpenAPI 3.0 spec: tags `pets` and `stores` (the latter optional, so a test can drop
 * it), models `Pet` and `Store`.
 */
export function petSpec({ withStores = true, title = 'Pets' }: { withStores?: boolean; title?: string } = {}): string {
  const stores = withStores
    ? `
  /stores/{storeId}:
    get:
      operationId: get_store
      tags: [stores]
      parameters:
        - { name: storeId, in: path, required: true, schema: { type: string } }
      responses:
        '200':
          description: The store
          content:
            application/json:
              schema: { $ref: '#/components/schemas/Store' }`
    : '';
  const storeSchema = withStores
    ? `
    Store:
      type: object
      required: [id]
      properties:
        id: { type: string }`
    : '';
  return `openapi: 3.0.3
info:
  title: ${title}
  version: 1.0.0
servers:
  - url: http://localhost:8080
paths:
  /pets/{petId}:
    get:
      operationId: get_pet
      summary: Get a pet
      tags: [pets]
      parameters:
        - { name: petId, in: path, required: true, schema: { type: string } }
      responses:
        '200':
          description: The pet
          content:
            application/json:
              schema: { $ref: '#/components/schemas/Pet' }${stores}
components:
  schemas:
    Pet:
      type: object
      required: [id, name]
      properties:
        id: { type: string }
        name: { type: string }${storeSchema}
`;
}

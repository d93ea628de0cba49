/**
 * Helpers for the hostile-input suite: fixture paths, running the real CLI from the repository
 * root, temp dirs and batch type-checking with TypeScript 7 (local HTTP servers: ../helpers/http-server.ts).
 */
import { execFile } from 'node:child_process';
import { readdir, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { runCli as runBin, tempDir as makeTempDir, type CliRun } from '../helpers/run-cli.js';

/** The repository root. */
export const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
/** test/fixtures/hostile. */
export const FIXTURES = path.join(ROOT, 'test/fixtures/hostile');

/** A fresh temp dir; remove it with `removeDir`. */
export function tempDir(prefix = 'oasgen-hostile-'): Promise<string> {
  return makeTempDir(prefix);
}

/** Every file under a folder, relative, sorted (for "nothing written elsewhere" checks). */
export async function listFiles(dir: string): Promise<string[]> {
  const entries = await readdir(dir, { recursive: true, withFileTypes: true });
  return entries
    .filter((entry) => !entry.isDirectory())
    .map((entry) => path.relative(dir, path.join(entry.parentPath, entry.name)))
    .sort();
}

/** Runs the built CLI (dist/, made by `npm test`'s build step) with arguments, in `cwd` (default: the repository root). */
export function runCli(args: readonly string[], cwd = ROOT): Promise<CliRun> {
  return runBin(args, cwd);
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

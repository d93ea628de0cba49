import fs from 'node:fs';
import { readdir, rename, rm, rmdir, stat } from 'node:fs/promises';
import path from 'node:path';
import { Worker } from 'node:worker_threads';
import { byCodePoint } from '../shared/sort.js';
import { assertSafeRelativePath, type FileSet } from './file-set.js';

/**
 * How many files are written in this thread before the rest go to a writer thread. Creating a
 * file is kernel work (on the benchmark machine 0.1–0.8 ms each, all system time); on a second
 * core it overlaps rendering, which is what big specs spend the rest of their time on. Small
 * outputs never pay for the thread.
 */
const THREAD_AFTER_FILES = 64;

/** Files posted to the writer thread per message. */
const BATCH_FILES = 32;

/**
 * Most bytes handed to the writer thread and not yet written. Rendering outruns file creation, so
 * an unbounded queue held a second copy of most of a big output (about 140 MB at 20,000
 * operations); the texts wait instead (they are kept for `commit` anyway) and are encoded when
 * the thread has room. Enough for seconds of writing, so the thread stays busy while the main
 * thread prints one big file without handing over any.
 */
const IN_FLIGHT_BYTES = 64 * 1024 * 1024;

/**
 * A new output folder, built whole in a hidden sibling (`.client.oasgen-tmp-<pid>`) while the
 * files are still being rendered, then renamed into place in one step: nothing is visible at the
 * output path until `commit`, and nothing is left behind by `discard`.
 */
export class StagedOutput {
  readonly #outputDir: string;
  readonly #staging: string;
  /** The outermost folder `open` created for the staging folder (the output's missing parents, or the staging folder). */
  readonly #createdRoot: string;
  /** Text of every file added so far, by relative path. */
  readonly #added = new Map<string, string>();
  /** Writes into the staging folder from this thread (the first files, and rewrites at commit). */
  readonly #write: (relativePath: string, text: string) => void;
  readonly #inFlightBytes: number;
  #writer: WriterThread | undefined;
  /** Files for the writer thread not handed over yet, oldest first, from `#next` on. */
  #pending: [string, string][] = [];
  #next = 0;

  private constructor(outputDir: string, staging: string, createdRoot: string, inFlightBytes: number) {
    this.#outputDir = outputDir;
    this.#staging = staging;
    this.#createdRoot = createdRoot;
    this.#inFlightBytes = inFlightBytes;
    this.#write = stagedFileWriter(fs, path, staging);
  }

  /**
   * Starts staging a new output folder; undefined when `outputDir` exists already (replace it file
   * by file instead). `inFlightBytes` bounds the bytes waiting in the writer thread (tests lower it).
   */
  static async open(outputDir: string, options: { readonly inFlightBytes?: number } = {}): Promise<StagedOutput | undefined> {
    if ((await stat(outputDir).catch(() => undefined)) !== undefined) return undefined;
    const parent = path.dirname(outputDir);
    const prefix = `.${path.basename(outputDir)}.oasgen-tmp-`;
    const staging = path.join(parent, `${prefix}${process.pid}`);
    await rm(staging, { recursive: true, force: true });
    await removeAbandoned(parent, prefix);
    return new StagedOutput(outputDir, staging, fs.mkdirSync(staging, { recursive: true }) ?? staging, options.inFlightBytes ?? IN_FLIGHT_BYTES);
  }

  /** Writes one file into the staging folder (now, or soon on the writer thread). */
  add(relativePath: string, text: string): void {
    assertSafeRelativePath(relativePath);
    if (this.#added.has(relativePath)) throw new Error(`${relativePath} added twice to the staged output`);
    this.#added.set(relativePath, text);
    if (this.#writer === undefined && this.#added.size <= THREAD_AFTER_FILES) {
      this.#write(relativePath, text);
      return;
    }
    this.#writer ??= new WriterThread(this.#staging);
    this.#pending.push([relativePath, text]);
    if (this.#pending.length - this.#next >= BATCH_FILES) this.#handOver();
  }

  /**
   * Writes what of `files` was not added yet (a file added with other text is rewritten), waits
   * for every write, then renames the staging folder into place. Resolves to the files written,
   * sorted, or to undefined (staging removed) when the output folder appeared meanwhile.
   */
  async commit(files: FileSet): Promise<string[] | undefined> {
    try {
      const late: [string, string][] = [];
      for (const [relativePath, text] of files) {
        const added = this.#added.get(relativePath);
        if (added === text) continue;
        assertSafeRelativePath(relativePath);
        late.push([relativePath, text]);
      }
      if (this.#writer) {
        // The rest goes as the thread makes room: handed over at once, it would all wait encoded.
        for (this.#handOver(); this.#next < this.#pending.length; this.#handOver()) await new Promise((resolve) => setTimeout(resolve, 2));
        await this.#writer.finish();
      }
      // After the thread is done: a rewrite must land after the first write of the same file.
      for (const [relativePath, text] of late) this.#write(relativePath, text);
      const stale = [...this.#added.keys()].filter((relativePath) => !files.has(relativePath));
      for (const relativePath of stale) await rm(path.join(this.#staging, relativePath), { force: true });
      await rename(this.#staging, this.#outputDir);
    } catch (error) {
      await this.discard();
      const code = (error as NodeJS.ErrnoException).code ?? '';
      if ((await stat(this.#outputDir).catch(() => undefined)) !== undefined && ['ENOTEMPTY', 'EEXIST', 'ENOTDIR', 'EISDIR'].includes(code)) return undefined;
      throw error;
    }
    return [...files.keys()].sort(byCodePoint);
  }

  /** Stops the writer thread and removes the staging folder, and the output's parent folders `open` made when they are still empty. */
  async discard(): Promise<void> {
    await this.#writer?.terminate();
    await rm(this.#staging, { recursive: true, force: true });
    for (let dir = path.dirname(this.#staging); this.#createdRoot !== this.#staging && dir.length >= this.#createdRoot.length; dir = path.dirname(dir)) {
      if (!(await rmdir(dir).then(() => true, () => false))) break;
    }
  }

  /** Hands waiting files to the writer thread, a batch at a time, while it has room. */
  #handOver(): void {
    const writer = this.#writer!;
    while (this.#next < this.#pending.length && writer.inFlightBytes() < this.#inFlightBytes) {
      writer.post(this.#pending.slice(this.#next, this.#next + BATCH_FILES));
      this.#next = Math.min(this.#next + BATCH_FILES, this.#pending.length);
    }
    if (this.#next === this.#pending.length) {
      this.#pending = [];
      this.#next = 0;
    }
  }
}

/**
 * Staging folders of runs that were killed (Ctrl-C stops a run mid-render, and nothing can clean up
 * then): those whose process is gone are removed. A live run's folder is left alone.
 */
async function removeAbandoned(parent: string, prefix: string): Promise<void> {
  const entries = await readdir(parent).catch(() => [] as string[]);
  for (const entry of entries) {
    const pid = entry.startsWith(prefix) ? Number(entry.slice(prefix.length)) : NaN;
    if (!Number.isInteger(pid) || pid <= 0 || pid === process.pid || isAlive(pid)) continue;
    await rm(path.join(parent, entry), { recursive: true, force: true });
  }
}

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM'; // alive, another user's
  }
}

/**
 * A function writing files under `root`, each parent folder created once. Self-contained (it only
 * uses its arguments), because the writer thread runs it from its source text too: both threads
 * write files the same way.
 */
function stagedFileWriter(fs: typeof import('node:fs'), nodePath: typeof import('node:path'), root: string): (relativePath: string, data: string | Uint8Array) => void {
  const madeDirs = new Set<string>();
  return (relativePath, data) => {
    const file = nodePath.join(root, relativePath);
    const dir = nodePath.dirname(file);
    if (!madeDirs.has(dir)) {
      fs.mkdirSync(dir, { recursive: true });
      madeDirs.add(dir);
    }
    fs.writeFileSync(file, data);
  };
}

/**
 * The writer thread's whole program, run from its source text (`eval`, after `stagedFileWriter`'s),
 * so it needs no file of its own next to the compiled modules: it writes each batch it receives,
 * one file after another (concurrent creates in the same folders only contend in the kernel), and
 * answers `done` with the first error, if any.
 */
function writerThreadMain(fileWriter: typeof stagedFileWriter): void {
  const { parentPort, workerData } = require('node:worker_threads') as typeof import('node:worker_threads');
  const { root, done } = workerData as { root: string; done: SharedArrayBuffer };
  const write = fileWriter(require('node:fs') as typeof import('node:fs'), require('node:path') as typeof import('node:path'), root);
  const bytesDone = new BigInt64Array(done);
  let failure: { message: string; code?: string } | undefined;
  parentPort!.on('message', (message: { files?: [string, Uint8Array][]; done?: true }) => {
    for (const [relativePath, bytes] of message.files ?? []) {
      if (!failure) {
        try {
          write(relativePath, bytes);
        } catch (error) {
          const { message: text, code } = error as NodeJS.ErrnoException;
          failure = code === undefined ? { message: text } : { message: text, code };
        }
      }
      // Counted whether written or skipped after a failure: the main thread waits for the count.
      Atomics.add(bytesDone, 0, BigInt(bytes.byteLength));
    }
    if (message.done) parentPort!.postMessage({ failure });
  });
}

const ENCODER = new TextEncoder();

/** The main thread's side of the writer thread. */
class WriterThread {
  readonly #worker: Worker;
  readonly #exited: Promise<unknown>;
  /** Bytes of the files the thread has taken off its queue so far (shared: read here while it writes). */
  readonly #done = new BigInt64Array(new SharedArrayBuffer(8));
  #posted = 0;
  #running = true;
  #crash: unknown;

  constructor(root: string) {
    // A small young generation: the thread only holds one batch at a time, and its garbage is collected early.
    this.#worker = new Worker(`(${writerThreadMain.toString()})(${stagedFileWriter.toString()})`, {
      eval: true,
      workerData: { root, done: this.#done.buffer },
      resourceLimits: { maxYoungGenerationSizeMb: 4 },
    });
    this.#exited = new Promise((resolve) => this.#worker.once('exit', resolve));
    void this.#exited.then(() => (this.#running = false));
    this.#worker.on('error', (error) => (this.#crash ??= error));
  }

  /**
   * Hands files to the thread as UTF-8 bytes, transferred rather than copied: files wait in the
   * thread's queue (creating them is slower than rendering them) at one byte per character, once.
   */
  post(files: [string, string][]): void {
    const encoded = files.map(([relativePath, text]) => [relativePath, ENCODER.encode(text)] as [string, Uint8Array]);
    for (const [, bytes] of encoded) this.#posted += bytes.byteLength;
    this.#worker.postMessage({ files: encoded }, encoded.map(([, bytes]) => bytes.buffer as ArrayBuffer));
  }

  /** Bytes posted and not yet taken off the thread's queue; none once the thread has stopped (`finish` reports why). */
  inFlightBytes(): number {
    return this.#running ? this.#posted - Number(Atomics.load(this.#done, 0)) : 0;
  }

  /** Resolves when every posted file is written; rejects with the first write error. */
  async finish(): Promise<void> {
    const answer = new Promise<{ failure?: { message: string; code?: string } } | undefined>((resolve) => {
      this.#worker.once('message', resolve);
      void this.#exited.then(() => resolve(undefined));
    });
    this.#worker.postMessage({ done: true });
    const reply = await answer;
    await this.terminate();
    if (reply === undefined) throw this.#crash ?? new Error('the writer thread stopped before writing every file');
    if (reply.failure) throw Object.assign(new Error(reply.failure.message), reply.failure.code !== undefined ? { code: reply.failure.code } : {});
  }

  async terminate(): Promise<void> {
    await this.#worker.terminate();
  }
}

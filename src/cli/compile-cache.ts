import { createHash } from 'node:crypto';
import { closeSync, fstatSync, openSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import Module, { createRequire } from 'node:module';
import path from 'node:path';
import vm from 'node:vm';
import { privateCacheDir } from '../shared/cache-dir.js';

/**
 * V8 code cache for oasgen's start-up. Compiling ts-morph (it bundles TypeScript: 12 MB of
 * JavaScript), handlebars and ajv is most of the time a small spec takes. Node ≥ 22.1 caches
 * compiled code itself (`module.enableCompileCache()`); on older Node the big CommonJS files of
 * dependencies are compiled through `vm.Script` with cached data kept in a private folder of the
 * temp dir. Off with OASGEN_NO_COMPILE_CACHE=1 (or NODE_DISABLE_COMPILE_CACHE=1, as in Node).
 */
export function enableCompileCache(): void {
  if (process.env['OASGEN_NO_COMPILE_CACHE'] || process.env['NODE_DISABLE_COMPILE_CACHE']) return;
  const moduleApi = Module as unknown as { enableCompileCache?: () => unknown };
  if (typeof moduleApi.enableCompileCache === 'function') {
    moduleApi.enableCompileCache();
    return;
  }
  try {
    const dir = privateCacheDir('compile');
    if (dir) installCommonJsCache(dir);
  } catch {
    // A cache is an optimisation: any problem setting it up just means compiling as usual.
  }
}

/** Files smaller than this compile faster than their cache is read. */
const MIN_CACHED_BYTES = 64 * 1024;

interface CompilableModule {
  exports: unknown;
  filename: string;
  require(id: string): unknown;
}

type Compile = (this: CompilableModule, content: string, filename: string) => unknown;

function installCommonJsCache(dir: string): void {
  const prototype = (Module as unknown as { prototype: { _compile: Compile } }).prototype;
  const original = prototype._compile;
  const pending: { file: string; script: vm.Script }[] = [];
  prototype._compile = function compileWithCache(this: CompilableModule, content: string, filename: string): unknown {
    if (content.length < MIN_CACHED_BYTES || !filename.includes(`${path.sep}node_modules${path.sep}`) || content.startsWith('#!')) {
      return original.call(this, content, filename);
    }
    // The key covers the content: npm gives every file the same mtime, so size+mtime could serve stale code.
    // (sha1 is a cache key here, not a security boundary: the folder is private.)
    const file = path.join(dir, createHash('sha1').update(filename).update('\0').update(content).digest('hex').slice(0, 32));
    const cachedData = readCache(file);
    let script: vm.Script;
    try {
      script = new vm.Script(Module.wrap(content), { filename, ...(cachedData ? { cachedData } : {}) });
    } catch {
      return original.call(this, content, filename); // e.g. ESM syntax in a .js file: Node's own path handles it
    }
    if (!cachedData || script.cachedDataRejected) pending.push({ file, script });
    const wrapper = script.runInThisContext({ displayErrors: true }) as (...args: unknown[]) => unknown;
    return wrapper.call(this.exports, this.exports, requireFor(this), this, filename, path.dirname(filename));
  };
  // Cached after the run, so the code of every function that ran is in the cache too.
  process.once('exit', () => {
    for (const { file, script } of pending) writeCache(file, script.createCachedData());
  });
}

/** The `require` a CommonJS module sees, as Node builds it. */
function requireFor(module: CompilableModule): NodeJS.Require {
  const base = createRequire(module.filename);
  const require = ((id: string) => module.require(id)) as NodeJS.Require;
  require.resolve = base.resolve;
  require.cache = base.cache;
  require.extensions = base.extensions;
  require.main = base.main;
  return require;
}

function readCache(file: string): Buffer | undefined {
  let fd: number | undefined;
  try {
    fd = openSync(file, 'r');
    if (fstatSync(fd).uid !== process.getuid?.()) return undefined;
    return readFileSync(fd);
  } catch {
    return undefined;
  } finally {
    if (fd !== undefined) closeSync(fd);
  }
}

function writeCache(file: string, data: Buffer): void {
  const temporary = `${file}.${process.pid}.tmp`;
  try {
    writeFileSync(temporary, data, { mode: 0o600 });
    renameSync(temporary, file); // atomic: concurrent runs never read half a cache file
  } catch {
    // read-only or full temp dir: next run compiles again
  }
}

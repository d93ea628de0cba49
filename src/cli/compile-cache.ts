import { createHash } from 'node:crypto';
import { statSync } from 'node:fs';
import Module, { createRequire } from 'node:module';
import path from 'node:path';
import vm from 'node:vm';
import { codeCachesDisabled, privateCacheDir, readPrivateCache, writePrivateCache } from '../shared/cache-dir.js';

/**
 * V8 code cache for oasgen's start-up. Compiling handlebars and ajv (and, with hooks, ts-morph:
 * it bundles TypeScript, 12 MB of JavaScript) is much of the time a small spec takes. Node ≥ 22.1 caches
 * compiled code itself (`module.enableCompileCache()`); on older Node the big CommonJS files of
 * dependencies are compiled through `vm.Script` with cached data kept in a private folder of the
 * temp dir. Off with OASGEN_NO_COMPILE_CACHE=1 (or NODE_DISABLE_COMPILE_CACHE=1, as in Node).
 */
export function enableCompileCache(): void {
  if (codeCachesDisabled()) return;
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
    const key = cacheKey(filename, content);
    if (key === undefined) return original.call(this, content, filename);
    const file = path.join(dir, key);
    const cachedData = readPrivateCache(file);
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
    for (const { file, script } of pending) writePrivateCache(file, script.createCachedData());
  });
}

/**
 * The cache file's name for a module: its path, its file's identity and change time, and the
 * length and both ends of the text being compiled. Hashing the whole text (12 MB for ts-morph)
 * cost ~30 ms a run; npm gives every file the same mtime, but any write to a file (a reinstall,
 * an edit) gives it a new ctime, and a new inode when it is replaced. The ends catch a loader
 * hook that changed the text on its way here. (sha1 is a cache key here, not a security
 * boundary: the folder is private.) Undefined when the file cannot be examined.
 */
function cacheKey(filename: string, content: string): string | undefined {
  let info: ReturnType<typeof statSync>;
  try {
    info = statSync(filename, { bigint: true });
  } catch {
    return undefined;
  }
  const identity = [info.dev, info.ino, info.size, info.mtimeNs, info.ctimeNs, content.length].join(':');
  return createHash('sha1')
    .update(`${filename}\0${identity}\0${content.slice(0, ENDS_CHECKED)}\0${content.slice(-ENDS_CHECKED)}`)
    .digest('hex')
    .slice(0, 32);
}

/** Characters of each end of a module's text that go into its cache key. */
const ENDS_CHECKED = 4096;

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

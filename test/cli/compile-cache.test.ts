import { execFileSync } from 'node:child_process';
import { readdirSync, rmSync, utimesSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { repoRoot, tempDir, writeFiles } from '../helpers/run-cli.js';

/**
 * The V8 code cache of src/cli/compile-cache.ts (Node < 22.1 path; on newer Node it is Node's own
 * cache and the file checks are skipped): a module's cached code is used only for the very text
 * on disk, even when an edit keeps its length and npm's fixed mtime.
 */
const nodeHasOwnCache = Number(process.versions.node.split('.')[0]) > 22 || /^22\.([1-9]|\d\d)\./.test(process.versions.node);
const compileCache = pathToFileURL(path.join(repoRoot, 'dist/cli/compile-cache.js')).href;

/** A CommonJS package big enough to be cached (≥ 64 KiB), exporting `value` from the middle of its text. */
function bigModule(value: string): string {
  const padding = `// ${'x'.repeat(40 * 1024)}\n`;
  return `${padding}module.exports = ${JSON.stringify(value)};\n${padding}`;
}

(nodeHasOwnCache ? test.skip : test)('cached code is reused for the same file and never served for changed text', async () => {
  const dir = await tempDir('oasgen-compile-cache-');
  try {
    const modulePath = path.join(dir, 'node_modules/big/index.js');
    await writeFiles(dir, {
      'node_modules/big/index.js': bigModule('first'),
      'run.mjs': `import { createRequire } from 'node:module';\nconst { enableCompileCache } = await import(${JSON.stringify(compileCache)});\nenableCompileCache();\nprocess.stdout.write(createRequire(import.meta.url)('big'));\n`,
    });
    const npmMtime = new Date('1985-10-26T08:15:00Z'); // npm gives every installed file this mtime
    utimesSync(modulePath, npmMtime, npmMtime);
    const tmp = path.join(dir, 'tmp');
    await writeFiles(tmp, { '.keep': '' });
    const run = () => execFileSync(process.execPath, [path.join(dir, 'run.mjs')], { cwd: dir, env: { ...process.env, TMPDIR: tmp, OASGEN_NO_COMPILE_CACHE: '' } }).toString();
    const cacheFiles = () => readdirSync(path.join(tmp, `oasgen-cache-${process.getuid!()}`, 'compile', `${process.version}-${process.arch}`));

    expect(run()).toBe('first');
    expect(cacheFiles()).toHaveLength(1);
    expect(run()).toBe('first');
    expect(cacheFiles()).toHaveLength(1); // served from the cache: nothing new written

    // Same length, same ends, same (npm-style) mtime: only the middle of the text and the ctime differ.
    writeFileSync(modulePath, bigModule('other'));
    utimesSync(modulePath, npmMtime, npmMtime);
    expect(run()).toBe('other');
    expect(cacheFiles()).toHaveLength(2);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});

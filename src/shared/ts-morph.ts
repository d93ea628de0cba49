import { createRequire } from 'node:module';

let loaded: typeof import('ts-morph') | undefined;

/**
 * ts-morph, loaded on first use: only hooks need it (SourceFiles for `transformSourceFile`,
 * TypeScript's transpiler for error locations), and loading it (it bundles TypeScript) cost every
 * run ~80 ms and ~60 MiB even from the code cache. The client's text is printed with ts-morph's
 * writer alone (render/ts/declaration-printer.ts). Loaded with `require`: an ESM `import` of this
 * CommonJS package makes Node scan its megabyte of source for export names first (cjs-module-lexer,
 * ~0.15 s), and unlike the import it is served by the V8 code cache (src/cli/compile-cache.ts).
 * Types come from `import type … from 'ts-morph'`; values from here.
 */
export function loadTsMorph(): typeof import('ts-morph') {
  loaded ??= createRequire(import.meta.url)('ts-morph') as typeof import('ts-morph');
  return loaded;
}

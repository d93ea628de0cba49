import { createRequire } from 'node:module';

/**
 * ts-morph, loaded with `require`. An ESM `import` of this CommonJS package makes Node scan its
 * megabyte of source for export names first (cjs-module-lexer, ~0.15 s of every run); `require`
 * skips that and, unlike the import, is served by the V8 code cache (src/cli/compile-cache.ts).
 * Types come from `import type … from 'ts-morph'`; values from here.
 */
export const tsMorph: typeof import('ts-morph') = createRequire(import.meta.url)('ts-morph');

/** ts-morph's structure kinds (the `kind` of every structure the renderers build). */
export const StructureKind = tsMorph.StructureKind;

/** The TypeScript compiler API ts-morph is built on (hooks use its transpiler for error locations). */
export const ts = tsMorph.ts;

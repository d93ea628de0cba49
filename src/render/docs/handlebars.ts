import { createRequire } from 'node:module';
import type HandlebarsApi from 'handlebars';

const require = createRequire(import.meta.url);

/**
 * Handlebars' runtime: environments, helpers, partials and precompiled templates, without the
 * compiler (its parser and code generator are ~0.5 MB of JavaScript a run need not load when the
 * compiled templates come from the cache). Loaded with `require`, as an ESM import would first
 * scan the CommonJS source for export names.
 */
export const Handlebars: typeof HandlebarsApi = require('handlebars/runtime');

/** The full Handlebars, compiler included: loaded only when templates must be compiled. */
export function handlebarsCompiler(): typeof HandlebarsApi {
  return require('handlebars') as typeof HandlebarsApi;
}

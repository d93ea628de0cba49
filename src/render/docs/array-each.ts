import type HandlebarsApi from 'handlebars';
import { Handlebars } from './handlebars.js';

/**
 * Handlebars' `{{#each}}` with a cheaper loop for what the docs iterate: a plain array, into a
 * block that declares no block params (`as |item index|`), without `trackIds`. For each item the
 * built-in also builds two block-param arrays and a context-path string that only such blocks
 * read (on GitHub's spec: 12 MB of the 243 MB render-docs allocated). The loop is the
 * built-in's: the same `@key`, `@index`, `@first`, `@last`, holes skipped, `{{else}}` for an
 * empty array. Everything else goes to the built-in.
 */
export function arrayEach(builtin: HandlebarsApi.HelperDelegate): HandlebarsApi.HelperDelegate {
  return function each(this: unknown, context: unknown, options: HandlebarsApi.HelperOptions) {
    // The built-in gets exactly the arguments it was called with (its errors included).
    if (arguments.length !== 2 || !Array.isArray(context) || !isPlainBlock(options)) return builtin.apply(this, arguments as unknown as Parameters<HandlebarsApi.HelperDelegate>);
    const data = options.data ? Handlebars.createFrame(options.data) : undefined;
    let out = '';
    let i = 0;
    for (const length = context.length; i < length; i++) {
      if (!(i in context)) continue;
      if (data) {
        data.key = i;
        data.index = i;
        data.first = i === 0;
        data.last = i === context.length - 1;
      }
      out += options.fn(context[i], { data });
    }
    return i === 0 ? options.inverse(this) : out;
  };
}

/** A block (`{{#each}}`, not `{{each}}`) whose body declares no block params, compiled without `trackIds`. */
function isPlainBlock(options: HandlebarsApi.HelperOptions): boolean {
  const block = options as HandlebarsApi.HelperOptions & { readonly ids?: unknown; readonly fn?: { readonly blockParams?: number } };
  return typeof block.fn === 'function' && !block.fn.blockParams && block.ids === undefined;
}

import { createHash } from 'node:crypto';
import path from 'node:path';
import vm from 'node:vm';
import type HandlebarsApi from 'handlebars';
import { codeCachesDisabled, privateCacheDir, readPrivateCache, writePrivateCache } from '../../shared/cache-dir.js';
import { Handlebars, handlebarsCompiler } from './handlebars.js';

/** One template to compile: its name (relative path), its text and Handlebars' compile options. */
export interface TemplateInput {
  readonly name: string;
  readonly text: string;
  readonly options: Readonly<CompileOptions>;
}

/** The options oasgen compiles with (all compile-time in Handlebars: they shape the generated code). */
export interface CompileOptions {
  readonly strict: boolean;
  readonly noEscape: boolean;
  readonly preventIndent: boolean;
  /** Names the compiler may treat as helpers without looking them up (with knownHelpersOnly: every other name is a field). */
  readonly knownHelpers?: Readonly<Record<string, boolean>>;
  readonly knownHelpersOnly?: boolean;
}

/** Handlebars' compiled form of one template (what `Handlebars.template` takes). */
export type TemplateSpec = Parameters<typeof HandlebarsApi.template>[0];

/** A template that failed to compile, with Handlebars' error. */
export class TemplateCompileError extends Error {
  constructor(
    readonly template: string,
    override readonly cause: unknown,
  ) {
    super(`template ${template} does not compile`);
  }
}

/**
 * Handlebars' compiled form (template specs) of a set of templates, by name. Compiling the
 * templates is most of what docs cost on a small spec (~40–90 ms), so the compiled JavaScript of
 * a set is kept in the private cache folder, keyed by Handlebars' version and every template's
 * name, options and text: any edit (an override included) compiles the set afresh. The cached
 * text is code this process runs, hence the private folder (see privateCacheDir).
 * Throws TemplateCompileError for the first template that does not compile. `cacheDir`: tests only.
 */
export function precompiledTemplates(templates: readonly TemplateInput[], cacheDir: string | undefined = templatesCacheDir()): Map<string, TemplateSpec> {
  const file = cacheDir !== undefined ? cacheFile(cacheDir, templates) : undefined;
  const cached = file !== undefined ? readPrivateCache(file)?.toString('utf8') : undefined;
  if (cached !== undefined) {
    try {
      return evaluate(cached, file!, templates);
    } catch {
      // damaged or foreign cache file: compile below and replace it
    }
  }
  const source = specsModule(templates);
  const specs = evaluate(source, file ?? 'templates.js', templates);
  if (file !== undefined) writePrivateCache(file, source);
  return specs;
}

/** `{"name": <template spec>, …}`: Handlebars' precompiled JavaScript for every template, as one expression. */
function specsModule(templates: readonly TemplateInput[]): string {
  const compiler = handlebarsCompiler();
  const entries = templates.map(({ name, text, options }) => {
    let spec: string;
    try {
      // precompile adds defaults to the options object it gets: give it a copy.
      spec = compiler.precompile(text, { ...options }) as unknown as string; // typed as the spec object; it is the spec's source text
    } catch (error) {
      throw new TemplateCompileError(name, error);
    }
    return `${JSON.stringify(name)}: ${spec}`;
  });
  return `({\n${entries.join(',\n')}\n})\n`;
}

function evaluate(source: string, filename: string, templates: readonly TemplateInput[]): Map<string, TemplateSpec> {
  const specs = vm.runInThisContext(source, { filename }) as Record<string, TemplateSpec>;
  const byName = new Map<string, TemplateSpec>();
  for (const { name } of templates) {
    const spec = Object.hasOwn(specs, name) ? specs[name] : undefined;
    if (typeof spec !== 'object' || spec === null) throw new Error(`no compiled template ${name}`);
    byName.set(name, spec);
  }
  return byName;
}

/** The private folder compiled templates are cached in; undefined when caches are off or no such folder can be had. */
function templatesCacheDir(): string | undefined {
  return codeCachesDisabled() ? undefined : privateCacheDir('templates');
}

function cacheFile(dir: string, templates: readonly TemplateInput[]): string {
  const hash = createHash('sha256').update(Handlebars.VERSION);
  for (const { name, text, options } of templates) hash.update(JSON.stringify([name, options, text]));
  return path.join(dir, `${hash.digest('hex').slice(0, 32)}.js`);
}

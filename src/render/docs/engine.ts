import { readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type HandlebarsApi from 'handlebars';
import { UserError } from '../../shared/errors.js';
import { byCodePoint } from '../../shared/sort.js';
import { arrayEach } from './array-each.js';
import { Handlebars } from './handlebars.js';
import { precompiledTemplates, TemplateCompileError, type CompileOptions, type TemplateSpec } from './precompiled.js';

/** The default templates, shipped with the package (resolved from this module, never from cwd). */
export const DEFAULT_TEMPLATES_DIR = fileURLToPath(new URL('../../../templates/', import.meta.url));

/** Templates whose output is not markdown: compiled without HTML escaping (their sink escapes). */
const PLAIN_TEXT_TEMPLATES = new Set(['banner.hbs']);

/** A template resolved to its source: the user's override, or the default. */
interface TemplateSource {
  readonly relativePath: string;
  readonly file: string;
  readonly overridden: boolean;
}

export interface DocsEngine {
  /** Renders a top-level template (`api.md.hbs`, …) with its context. */
  render(relativePath: string, context: object): string;
  /** User files that match no default template (probably typos). */
  readonly unknownOverrides: readonly string[];
  /** Whether the user's folder overrides this template (`api.md.hbs`, …). */
  isOverridden(relativePath: string): boolean;
}

/** Relative paths of every `.hbs` file under a folder, sorted. */
export function listTemplates(dir: string, prefix = ''): string[] {
  const out: string[] = [];
  for (const entry of readdirSync(path.join(dir, prefix), { withFileTypes: true })) {
    const relative = prefix ? `${prefix}/${entry.name}` : entry.name;
    if (entry.isDirectory()) out.push(...listTemplates(dir, relative));
    else if (entry.name.endsWith('.hbs')) out.push(relative);
  }
  return out.sort(byCodePoint);
}

/**
 * An isolated Handlebars environment: defaults overridden file by file from `templatesDir`,
 * partials registered as `partials/<name>`, strict mode so a misspelt field is an error.
 */
export function createDocsEngine(helpers: Record<string, HandlebarsApi.HelperDelegate>, templatesDir?: string): DocsEngine {
  const hb = Handlebars.create();
  const defaults = listTemplates(DEFAULT_TEMPLATES_DIR);
  let userFiles: string[] = [];
  if (templatesDir !== undefined) {
    let isDir = false;
    try {
      isDir = statSync(templatesDir).isDirectory();
    } catch {
      throw new UserError('templates folder not found', { file: templatesDir });
    }
    if (!isDir) throw new UserError('--templates must be a folder', { file: templatesDir });
    userFiles = listTemplates(templatesDir);
  }
  const userSet = new Set(userFiles);
  const sources: TemplateSource[] = defaults.map((relativePath) =>
    userSet.has(relativePath)
      ? { relativePath, file: path.join(templatesDir!, relativePath), overridden: true }
      : { relativePath, file: path.join(DEFAULT_TEMPLATES_DIR, relativePath), overridden: false },
  );
  const known = new Set(defaults);
  const unknownOverrides = userFiles.filter((file) => !known.has(file));

  hb.registerHelper('each', arrayEach(hb.helpers['each']!));
  for (const [name, helper] of Object.entries(helpers)) hb.registerHelper(name, helper);
  const knownHelpers = Object.fromEntries(Object.keys(helpers).map((name) => [name, true]));
  const inputs = sources.map((source) => ({
    name: source.relativePath,
    text: readFileSync(source.file, 'utf8'),
    options: compileOptions(source, knownHelpers),
  }));
  let specs: Map<string, TemplateSpec>;
  try {
    specs = precompiledTemplates(inputs);
  } catch (error) {
    if (!(error instanceof TemplateCompileError)) throw error;
    throw templateError(sources.find((source) => source.relativePath === error.template)!, error.cause);
  }
  const compiled = new Map<string, HandlebarsApi.TemplateDelegate>();
  for (const source of sources) {
    const template = wrapPartial(source, hb.template(specs.get(source.relativePath)!));
    if (source.relativePath.startsWith('partials/')) {
      hb.registerPartial(source.relativePath.replace(/\.[^/.]+\.hbs$|\.hbs$/, ''), template);
    } else {
      compiled.set(source.relativePath, template);
    }
  }
  return {
    unknownOverrides,
    isOverridden: (relativePath) => userSet.has(relativePath),
    render(relativePath, context) {
      const template = compiled.get(relativePath);
      if (!template) throw new Error(`no template ${relativePath}`);
      return template(context);
    },
  };
}

/**
 * Strict mode; HTML escaping except for plain-text templates. The default templates use only
 * oasgen's helpers, so they compile knowing them (knownHelpersOnly): a field such as `{{name}}`
 * is read from the context directly instead of first being looked up among the helpers (each
 * property row prints four: 38k rows on GitHub's spec). The output is the same. A user's
 * template compiles as before: a name it uses in a branch never taken need not be a helper.
 */
function compileOptions(source: TemplateSource, knownHelpers: Record<string, boolean>): CompileOptions {
  const options = { strict: true, noEscape: PLAIN_TEXT_TEMPLATES.has(source.relativePath), preventIndent: true };
  return source.overridden ? options : { ...options, knownHelpers, knownHelpersOnly: true };
}

/** Errors inside a template (or its helpers) name the template, its origin and the line. */
function wrapPartial(source: TemplateSource, template: HandlebarsApi.TemplateDelegate): HandlebarsApi.TemplateDelegate {
  return (context, options) => {
    try {
      return template(context, options);
    } catch (error) {
      if (error instanceof UserError) throw error;
      throw templateError(source, error);
    }
  };
}

function templateError(source: TemplateSource, error: unknown): UserError {
  const message = error instanceof Error ? error.message : String(error);
  const line = /line (\d+)/.exec(message)?.[1] ?? (error as { lineNumber?: number }).lineNumber;
  const origin = source.overridden ? 'template' : 'default template';
  return new UserError(`${origin} ${source.relativePath} failed: ${message.split('\n')[0]}`, {
    file: source.file,
    ...(line !== undefined ? { line: Number(line) } : {}),
  });
}

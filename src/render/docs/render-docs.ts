import path from 'node:path';
import { groupByFile, type NamedModel, type NamedSchema } from '../../names/index.js';
import type { Diagnostic } from '../../shared/errors.js';
import { TypeWriter } from '../type-text.js';
import { createDocsEngine, type DocsEngine } from './engine.js';
import { ExampleWriter } from './example.js';
import { docsHelpers } from './helpers.js';
import { sectionAnchor } from './links.js';

export interface RenderDocsOptions {
  /** Folder whose templates override the defaults, file by file. */
  readonly templatesDir?: string;
  /** oasgen's version, shown in the README and the banner. */
  readonly generatorVersion: string;
  /** Receives each page's final text as soon as it is rendered (to start writing it early). */
  readonly onFile?: (path: string, text: string) => void;
}

export interface RenderedDocs {
  /** Output path → markdown. */
  readonly files: Map<string, string>;
  /** The banner text for generated code files (the `banner.hbs` template). */
  readonly banner: string;
  /**
   * Warnings about the user's templates, each naming its file: an override that matches no default
   * template (a typo), and an overridden page template that leaves out sections other pages link
   * to (one ejected before `inlineSchemas` existed).
   */
  readonly diagnostics: readonly Diagnostic[];
}

/**
 * Renders the API pages (each with the schemas written inline in its operations), the model pages
 * (each with the schemas living with its model), README and banner from the named IR.
 */
export function renderDocs(model: NamedModel, options: RenderDocsOptions): RenderedDocs {
  const types = new TypeWriter(model);
  const engine = createDocsEngine(docsHelpers(model, types, new ExampleWriter(model, types)), options.templatesDir);
  const generator = { name: 'oasgen', version: options.generatorVersion };
  const files = new Map<string, string>();
  const emit = (file: string, text: string) => {
    files.set(file, text);
    options.onFile?.(file, text);
  };
  const sections = new SectionCheck(engine);
  const pages = groupByFile(model.schemas, 'docFileName');
  for (const api of model.apis) {
    // The schemas written inline in its operations (request bodies, responses, parameters) are sections of the API page.
    const inlineSchemas = pages.get(api.docFileName) ?? [];
    pages.delete(api.docFileName);
    const text = finish(engine.render('api.md.hbs', { model, api, inlineSchemas, generator }));
    sections.check('api.md.hbs', text, inlineSchemas);
    emit(api.docFileName, text);
  }
  for (const [page, [schema, ...inlineSchemas]] of pages) {
    const text = finish(engine.render('model.md.hbs', { model, schema, inlineSchemas, generator }));
    sections.check('model.md.hbs', text, inlineSchemas);
    emit(page, text);
  }
  emit('README.md', finish(engine.render('readme.md.hbs', { model, generator })));
  const banner = engine.render('banner.hbs', { model, generator });
  const templateFile = (file: string) => (options.templatesDir !== undefined ? { file: path.join(options.templatesDir, file) } : {});
  const diagnostics: Diagnostic[] = [
    ...engine.unknownOverrides.map((file) => ({
      severity: 'warning' as const,
      message: `template override ${file} matches no default template and is ignored`,
      ...templateFile(file),
    })),
    ...sections.missing().map(({ template, typeNames }) => ({
      severity: 'warning' as const,
      message:
        `template override ${template} renders no section for ${typeNames.length} ${typeNames.length === 1 ? 'schema' : 'schemas'} that links lead to ` +
        `(${typeNames.slice(0, 3).join(', ')}${typeNames.length > 3 ? ', …' : ''}): render its \`inlineSchemas\` as the default template does (templates/README.md)`,
      ...templateFile(template),
    })),
  ];
  return { files, banner, diagnostics };
}

/**
 * Finds sections that links expect but an overridden page template did not render (each section
 * starts with `<a id="<anchor>"></a>`). Default templates always render them, so only overridden
 * ones are searched.
 */
class SectionCheck {
  readonly #missing = new Map<string, string[]>();

  constructor(private readonly engine: DocsEngine) {}

  check(template: string, page: string, sections: readonly NamedSchema[]): void {
    if (sections.length === 0 || !this.engine.isOverridden(template)) return;
    for (const schema of sections) {
      if (page.includes(`<a id="${sectionAnchor(schema)}"></a>`)) continue;
      const list = this.#missing.get(template);
      if (list === undefined) this.#missing.set(template, [schema.typeName]);
      else list.push(schema.typeName);
    }
  }

  /** Each overridden template that left sections out, with the type names it did not document. */
  missing(): { template: string; typeNames: string[] }[] {
    return [...this.#missing].map(([template, typeNames]) => ({ template, typeNames }));
  }
}

/** LF only, no spaces or tabs ending a line, no runs of blank lines, exactly one trailing newline. */
function finish(text: string): string {
  if (text.includes('\r')) text = text.replace(/\r\n?/g, '\n');
  // Multiline `$` also ends a line before U+2028/U+2029, so pages with those take its pass; it
  // costs twice what `[ \t]+\n` does (GitHub's 10 MB of pages), so the others take tidyLineEnds.
  if (text.includes('\u2028') || text.includes('\u2029')) return withFinalNewline(text.replace(/[ \t]+$/gm, '').replace(/\n{3,}/g, '\n\n'));
  return withFinalNewline(tidyLineEnds(text));
}

/**
 * `text.replace(/[ \t]+\n/g, '\n').replace(/\n{3,}/g, '\n\n')` in one pass: spaces and tabs
 * before a line feed go, and a line feed followed by blank lines (spaces allowed) becomes one
 * blank line. Each pass copies the page (10 MB of pages on GitHub's spec); the line's last
 * spaces go with trimEnd.
 */
export function tidyLineEnds(text: string): string {
  // `$1` is the line feed of a run (two of them stay), and empty for spaces before a line feed.
  return text.replace(/(\n)(?:[ \t]*\n)+|[ \t]+(?=\n)/g, '$1$1');
}

/**
 * `text.trimEnd() + '\n'`, as a slice of `text` when the whitespace it ends with starts with a
 * line feed (pages nearly always do): appending would make a rope of the whole page that writing
 * it copies once more (10 MB of pages on GitHub's spec).
 */
export function withFinalNewline(text: string): string {
  const trimmed = text.trimEnd();
  return text.charCodeAt(trimmed.length) === 10 ? text.slice(0, trimmed.length + 1) : trimmed + '\n';
}

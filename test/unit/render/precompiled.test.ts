import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import Handlebars from 'handlebars';
import { listTemplates, DEFAULT_TEMPLATES_DIR } from '../../../src/render/docs/engine.js';
import { precompiledTemplates, TemplateCompileError, type TemplateInput } from '../../../src/render/docs/precompiled.js';

const options = { strict: true, noEscape: false, preventIndent: true };
const templates: TemplateInput[] = [
  { name: 'page.md.hbs', text: '# {{title}}\n{{#each items}}- {{> partials/item}}\n{{/each}}{{{raw}}} {{raw}}\n', options },
  { name: 'partials/item.md.hbs', text: '{{name}} <{{kind}}>', options },
  { name: 'plain.hbs', text: 'plain {{raw}}', options: { ...options, noEscape: true } },
];
const context = { title: 'T & <b>', items: [{ name: 'a', kind: 'x&y' }, { name: 'b', kind: 'z' }], raw: '<i>' };

/** Renders `page` and `plain` with templates made by `make`, partials registered in an isolated environment. */
function renderWith(make: (hb: typeof Handlebars, input: TemplateInput) => Handlebars.TemplateDelegate): string[] {
  const hb = Handlebars.create();
  const made = new Map(templates.map((input) => [input.name, make(hb, input)]));
  hb.registerPartial('partials/item', made.get('partials/item.md.hbs')!);
  return [made.get('page.md.hbs')!(context), made.get('plain.hbs')!(context)];
}

function compiledFrom(specs: ReturnType<typeof precompiledTemplates>): string[] {
  return renderWith((hb, input) => hb.template(specs.get(input.name)!));
}

const expected = renderWith((hb, input) => hb.compile(input.text, input.options));

let dir: string;
beforeEach(() => {
  dir = mkdtempSync(path.join(os.tmpdir(), 'oasgen-precompiled-'));
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

test('precompiled templates render exactly what Handlebars.compile renders (escaping, noEscape, partials)', () => {
  expect(expected[0]).toBe('# T &amp; &lt;b&gt;\n- a <x&amp;y>\n- b <z>\n<i> &lt;i&gt;\n');
  expect(expected[1]).toBe('plain <i>');
  expect(compiledFrom(precompiledTemplates(templates, undefined))).toEqual(expected);
});

test('the second call is served from the cache file; a damaged or wrong cache file is replaced', () => {
  expect(compiledFrom(precompiledTemplates(templates, dir))).toEqual(expected);
  const [file] = readdirSync(dir);
  expect(file).toMatch(/^[0-9a-f]{32}\.js$/);
  const cachePath = path.join(dir, file!);
  // A marker in the cached code proves the next call ran the cached text, not a fresh compile.
  const cached = readFileSync(cachePath, 'utf8');
  writeFileSync(cachePath, cached.replace('"plain "', '"cached "'));
  expect(compiledFrom(precompiledTemplates(templates, dir))[1]).toBe('cached <i>');
  for (const damaged of ['({ "page.md.hbs": ', '({})', 'null']) {
    writeFileSync(cachePath, damaged);
    expect(compiledFrom(precompiledTemplates(templates, dir))).toEqual(expected);
    expect(readFileSync(cachePath, 'utf8')).toBe(cached);
  }
});

test('any change of a text or of the options compiles afresh under another key', () => {
  precompiledTemplates(templates, dir);
  const edited = templates.map((input) => (input.name === 'plain.hbs' ? { ...input, text: 'edited {{raw}}' } : input));
  expect(compiledFrom(precompiledTemplates(edited, dir))[1]).toBe('edited <i>');
  const escaped = templates.map((input) => (input.name === 'plain.hbs' ? { ...input, options } : input));
  expect(compiledFrom(precompiledTemplates(escaped, dir))[1]).toBe('plain &lt;i&gt;');
  expect(readdirSync(dir)).toHaveLength(3);
});

test('a template that does not compile is named, with the Handlebars error (and nothing is cached)', () => {
  const broken = [...templates, { name: 'partials/broken.md.hbs', text: 'ok\n{{#each items}}\n', options }];
  let error: unknown;
  try {
    precompiledTemplates(broken, dir);
  } catch (caught) {
    error = caught;
  }
  expect(error).toBeInstanceOf(TemplateCompileError);
  expect((error as TemplateCompileError).template).toBe('partials/broken.md.hbs');
  expect(String((error as TemplateCompileError).cause)).toMatch(/Parse error on line 3/);
  expect(readdirSync(dir)).toEqual([]);
});

test('strict-mode errors keep their template line in precompiled code', () => {
  const [spec] = precompiledTemplates([{ name: 't.hbs', text: 'one\n{{missing}}', options }], undefined).values();
  let error: unknown;
  try {
    Handlebars.create().template(spec!)({});
  } catch (caught) {
    error = caught;
  }
  expect(String(error)).toMatch(/"missing" not defined/);
  expect((error as { lineNumber?: number }).lineNumber).toBe(2);
});

test('every default template precompiles', () => {
  const defaults = listTemplates(DEFAULT_TEMPLATES_DIR).map((name) => ({ name, text: readFileSync(path.join(DEFAULT_TEMPLATES_DIR, name), 'utf8'), options }));
  expect([...precompiledTemplates(defaults, undefined).keys()]).toEqual(defaults.map((input) => input.name));
});

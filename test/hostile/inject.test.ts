/**
 * Code, comment and markdown injection: for every place a spec string reaches the output
 * (test/fixtures/hostile/injection-sites.ts), a spec carrying a payload there is generated and
 * written, then checked from the outside:
 * - the whole output compiles under tsc --strict (TypeScript 7, one run for every site);
 * - the payload is never code: no `__oasgenPwned` identifier in any parsed file, no JSDoc tag it
 *   tried to create, no raw line separators, bidi or zero-width characters anywhere;
 * - the markdown, rendered by markdown-it with HTML enabled, has no HTML but oasgen's own anchors;
 * - importing every client and calling every method against a local server never runs it;
 * - nothing is written outside each site's output folder.
 */
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import MarkdownIt from 'markdown-it';
import ts from 'typescript';
import { generate, type GenerateResult } from '../../src/pipeline.js';
import { writeOutput } from '../../src/write/index.js';
import { injectionSpecs, PWN_FLAG, PWN_TAG } from '../fixtures/hostile/injection-sites.js';
import { fencedBlocks } from '../helpers/markdown.js';
import { startServer, type RecordingServer } from '../helpers/http-server.js';
import { listFiles, removeDir, tempDir, typeCheck } from './support.js';

const SITES = injectionSpecs();
const results = new Map<string, GenerateResult>();
let work = '';
let tscOutput = '';

beforeAll(async () => {
  work = await tempDir();
  for (const [site, spec] of SITES) {
    const input = path.join(work, 'specs', `${site}.json`);
    await mkdir(path.dirname(input), { recursive: true });
    await writeFile(input, JSON.stringify(spec, null, 2));
    const result = await generate({ input });
    results.set(site, result);
    const output = path.join(work, 'out', site);
    await writeOutput(output, result.files);
    await stageExamples(output);
  }
  tscOutput = await typeCheck(path.join(work, 'out'));
}, 300_000);

afterAll(() => removeDir(work));

/** The docs' ```typescript examples, written beside their page so their imports resolve. */
async function stageExamples(output: string): Promise<void> {
  const pages = (await listFiles(output)).filter((file) => file.endsWith('.md'));
  for (const page of pages) {
    const blocks = fencedBlocks(await readFile(path.join(output, page), 'utf8'), 'typescript');
    for (const [index, block] of blocks.entries()) await writeFile(path.join(output, `${page.replace(/\.md$/, '')}.example-${index + 1}.ts`), block);
  }
}

const siteNames = SITES.map(([site]) => site);

describe('a payload in any spec string stays data', () => {
  it('every site generated', () => {
    expect([...results.keys()]).toEqual(siteNames);
  });

  it('every output, docs examples included, compiles under tsc --strict (TypeScript 7, one run)', () => {
    expect(tscOutput).toBe('');
  });

  it.each(siteNames)('%s: no payload code, no injected JSDoc tag, no invisible characters', (site) => {
    const files = results.get(site)!.files;
    for (const [file, text] of files) {
      if (file.endsWith('.json')) continue; // the manifest: JSON data, spec strings kept exact (JSON.stringify escapes controls)
      expect({ file, found: /[\r\u2028\u2029\u200b-\u200f\u202a-\u202e\u2066-\u2069\ufeff]/.exec(text)?.[0] }).toEqual({ file, found: undefined });
      if (!file.endsWith('.ts')) continue;
      const source = ts.createSourceFile(file, text, ts.ScriptTarget.Latest, true, ts.ScriptKind.TS);
      const problems: string[] = [];
      const visit = (node: ts.Node): void => {
        if (ts.isIdentifier(node) && node.text === PWN_FLAG) problems.push(`identifier ${PWN_FLAG} at ${node.getStart()}`);
        for (const tag of ts.getJSDocTags(node)) if (tag.tagName.text === PWN_TAG) problems.push(`JSDoc tag @${PWN_TAG} at ${tag.getStart()}`);
        ts.forEachChild(node, visit);
      };
      visit(source);
      expect({ file, problems }).toEqual({ file, problems: [] });
    }
  });

  it.each(siteNames)('%s: the markdown has no live HTML and no javascript: links', (site) => {
    const markdown = new MarkdownIt({ html: true, linkify: false });
    for (const [file, text] of results.get(site)!.files) {
      if (!file.endsWith('.md')) continue;
      const html: string[] = [];
      const walk = (tokens: ReturnType<typeof markdown.parse>): void => {
        for (const token of tokens) {
          if (token.type === 'html_inline' || token.type === 'html_block') html.push(token.content.trim());
          if (token.type === 'link_open') html.push(`href=${token.attrGet('href')}`);
          if (token.children) walk(token.children);
        }
      };
      walk(markdown.parse(text, {}));
      // oasgen's own markup: anchors, line breaks in table cells, and links to its own pages.
      const foreign = html.filter((item) => !/^(<a id="[a-z0-9_-]*"><\/a>|<a id="[a-z0-9_-]*">|<\/a>|<br>|href=#.*|href=[.A-Za-z0-9_/-][^:]*|href=https:\/\/www\.npmjs\.com\/package\/oasgen)$/.test(item));
      expect({ file, foreign }).toEqual({ file, foreign: [] });
      expect(markdown.render(text)).not.toMatch(/<script|<img|href="\s*javascript:/i);
    }
  });

  it('nothing is written outside the output folders', async () => {
    const files = await listFiles(work);
    const outside = files.filter((file) => !file.startsWith('specs/') && !file.startsWith('out/') && file !== 'tsconfig.json' && file !== 'package.json');
    expect(outside).toEqual([]);
    for (const [site, result] of results) {
      for (const file of result.files.keys()) {
        const resolved = path.resolve(work, 'out', site, file);
        expect(resolved.startsWith(path.join(work, 'out', site) + path.sep)).toBe(true);
      }
    }
  });
});

describe('importing and calling every generated client never runs the payload', () => {
  let server: RecordingServer;
  beforeAll(async () => {
    server = await startServer((_request, response) => {
      response.writeHead(200, { 'content-type': 'application/json' }).end('{"name":"ok"}');
    });
  });
  afterAll(() => server.close());

  it.each(siteNames)('%s', async (site) => {
    const result = results.get(site)!;
    const client = (await import(path.join(work, 'out', site, 'index.ts'))) as Record<string, new (...args: unknown[]) => Record<string, (...args: unknown[]) => Promise<unknown>>>;
    const Configuration = client['Configuration']!;
    let calls = 0;
    for (const api of result.model.apis) {
      const instance = new client[api.className]!(new Configuration({ basePath: server.origin, apiKey: 'key' }));
      for (const operation of api.operations) {
        const args: unknown[] = operation.parameters.filter((p) => p.in === 'path').map(() => 'v');
        if (operation.bodyName) args.push({ name: 'n' });
        if (operation.paramsName) args.push(Object.fromEntries(operation.parameters.filter((p) => p.in !== 'path').map((p) => [p.identifier, 'v'])));
        // Errors are fine (a hostile header name is refused by Headers); running the payload is not.
        await instance[operation.methodName]!(...args).catch(() => undefined);
        calls++;
      }
    }
    expect(calls).toBeGreaterThan(0);
    expect((globalThis as Record<string, unknown>)[PWN_FLAG]).toBeUndefined();
  });
});

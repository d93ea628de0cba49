/**
 * For every client oasgen generates here (the two built-in specs and each fixture spec), the docs
 * describe the class that was generated: each API page's method table, signature line, Parameters
 * table (names, order, types, optionality, location), Return type and status codes agree with the
 * class read by ts-morph and with the IR, and the README's endpoint table lists every operation.
 */
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { Project } from 'ts-morph';
import { generate, type GenerateResult } from '../../src/pipeline.js';
import { CLIENT_SPECS } from '../helpers/client-specs.js';
import { parseApiPage, tableCells, unescapeMarkdown } from '../helpers/api-page.js';
import { classView } from '../helpers/class-view.js';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const specs = CLIENT_SPECS;

const results = new Map<string, GenerateResult>();
const project = new Project({ useInMemoryFileSystem: true, skipAddingFilesFromTsConfig: true });

beforeAll(async () => {
  for (const spec of specs) results.set(spec, await generate({ input: spec }));
});

describe.each(specs.map((spec) => [path.relative(root, spec), spec] as const))('%s', (_name, spec) => {
  it('every API page and README row agrees with the class and the IR', () => {
    const result = results.get(spec)!;
    const readmeRows = result.files
      .get('README.md')!
      .split('\n')
      .filter((line) => /^\*[^*]+\* \|/.test(line))
      .map((line) => tableCells(line).map(unescapeMarkdown));
    let checked = 0;
    for (const api of result.model.apis) {
      const source = project.createSourceFile(`/${path.basename(spec)}/${api.fileName}`, result.files.get(api.fileName)!, { overwrite: true });
      const cls = source.getClassOrThrow(api.className);
      const page = parseApiPage(result.files.get(api.docFileName)!);
      expect(page.methodTable.map((r) => r.name)).toEqual(api.operations.map((o) => o.methodName));
      expect(page.methods.map((m) => m.name)).toEqual(api.operations.map((o) => o.methodName));
      for (const operation of api.operations) {
        const where = `${api.className}.${operation.methodName}`;
        const view = classView(cls, operation.methodName);
        const row = page.methodTable.find((r) => r.name === operation.methodName)!;
        const section = page.methods.find((m) => m.name === operation.methodName)!;
        expect({ where, httpMethod: view.httpMethod, path: view.path }).toEqual({ where, httpMethod: operation.method.toUpperCase(), path: operation.path });
        expect({ where, httpMethod: row.httpMethod, path: row.path }).toEqual({ where, httpMethod: operation.method.toUpperCase(), path: operation.path });
        expect({ where, signatures: section.signatures }).toEqual({ where, signatures: view.signatures });
        expect({ where, order: section.parameters.map((p) => p.name) }).toEqual({ where, order: view.argumentOrder });
        // Row by row: a path parameter and a params member may share an identifier (`id` and `params.id`).
        for (const [index, p] of view.orderedParameters.entries()) {
          const docRow = section.parameters[index]!;
          // The location tag comes last in Notes; a wire name may itself hold brackets (`page[limit]`).
          const located = /\[(query|header|cookie): (.+)\]$/.exec(docRow.notes.trim());
          expect({ where, p: p.identifier, type: docRow.type, optional: docRow.notes.includes('[optional]'), in: located?.[1], wire: located?.[2] }).toEqual({
            where,
            p: p.identifier,
            type: p.type,
            optional: p.optional,
            in: p.in === 'path' || p.in === 'body' ? undefined : p.in,
            wire: p.in === 'path' || p.in === 'body' ? undefined : p.wireName,
          });
        }
        expect({ where, returns: `Promise<${section.returnType}>` }).toEqual({ where, returns: view.returnType });
        expect({ where, statuses: section.responses.map((r) => r.status) }).toEqual({ where, statuses: operation.responses.map((r) => r.status) });
        expect({ where, contentType: section.contentType, accept: section.accept }).toEqual({ where, contentType: view.contentType, accept: view.accept });
        expect(section.exampleLanguages).toEqual(['typescript']);
        const readme = readmeRows.find((cells) => cells[0] === `*${api.className}*` && cells[1]?.startsWith(`[**${operation.methodName}**]`));
        expect({ where, readme: readme?.[2] }).toEqual({ where, readme: `**${operation.method.toUpperCase()}** ${operation.path}` });
        checked++;
      }
    }
    expect(checked).toBeGreaterThan(0);
  });
});

/**
 * For every client generated here (built-in specs and fixtures), each model's docs describe the
 * generated model type: an object's Properties table lists the interface's properties (wire name,
 * type text, optionality) in order; any other schema's Type is the type alias's text. A schema
 * living with another (`home`) is a section of that one's page and is declared in its file; one
 * written inline in an operation is a section of the operation's API page.
 */
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { Node, Project } from 'ts-morph';
import { generate, type GenerateResult } from '../../src/pipeline.js';
import { hasOwnPage } from '../../src/render/docs/links.js';
import { CLIENT_SPECS } from '../helpers/client-specs.js';
import { boldText, tableCells } from '../helpers/api-page.js';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const specs = CLIENT_SPECS;
const results = new Map<string, GenerateResult>();
const project = new Project({ useInMemoryFileSystem: true, skipAddingFilesFromTsConfig: true });

beforeAll(async () => {
  for (const spec of specs) results.set(spec, await generate({ input: spec }));
});

/** `[**X**](X.md)` or `**X**` → X (markdown escapes and HTML entities decoded); members of a union linked one by one → `A | B`. */
function bold(cell: string): string {
  return boldText(cell).text;
}

/**
 * The lines of a model's part of its page: the page's own model from `# X` to the first section,
 * or a section from `<a id="x"></a>` + `## X` to the next section.
 */
function modelSection(page: string, typeName: string, isSection: boolean): string[] | undefined {
  const lines = page.split('\n');
  const isSectionStart = (index: number) => /^<a id="[^"]*"><\/a>$/.test(lines[index] ?? '') && (lines[index + 1] ?? '').startsWith('## ');
  let start: number;
  if (isSection) {
    start = lines.findIndex((line, index) => line === `<a id="${typeName.toLowerCase()}"></a>` && lines[index + 1] === `## ${typeName}`);
    if (start < 0) return undefined;
  } else {
    if (lines[0] !== `# ${typeName}`) return undefined;
    start = 0;
  }
  let end = start + 2;
  while (end < lines.length && !isSectionStart(end)) end++;
  return lines.slice(start, end);
}

interface Row {
  readonly name: string;
  readonly type: string;
  readonly optional: boolean;
}

it('the specs have models to check', () => {
  expect([...results.values()].filter((r) => r.model.schemas.length > 0).length).toBeGreaterThanOrEqual(2);
});

describe.each(specs.map((spec) => [path.relative(root, spec), spec] as const))('%s', (_name, spec) => {
  it('every model page matches its generated type', () => {
    const result = results.get(spec)!;
    for (const schema of result.model.schemas) {
      const where = schema.typeName;
      const source = project.createSourceFile(`/${path.basename(spec)}/${schema.fileName}`, result.files.get(schema.fileName)!, { overwrite: true });
      const section = modelSection(result.files.get(schema.docFileName)!, schema.typeName, !hasOwnPage(schema));
      expect({ where, found: section !== undefined }).toEqual({ where, found: true });
      const page = section!;
      const sub = hasOwnPage(schema) ? '##' : '###';
      const iface = source.getInterface(schema.typeName);
      if (iface !== undefined) {
        const start = page.indexOf(`${sub} Properties`);
        expect({ where, hasProperties: start >= 0 }).toEqual({ where, hasProperties: true });
        const rows: Row[] = page
          .slice(start + 3)
          .filter((line) => line.startsWith('**'))
          .map((line) => {
            const [name = '', type = '', , notes = ''] = tableCells(line);
            return { name: bold(name), type: bold(type), optional: notes.includes('[optional]') };
          });
        const members: Row[] = iface.getProperties().map((p) => {
          const nameNode = p.getNameNode();
          return {
            name: Node.isStringLiteral(nameNode) ? nameNode.getLiteralValue() : p.getName(),
            type: p.getTypeNodeOrThrow().getText(),
            optional: p.hasQuestionToken(),
          };
        });
        expect({ where, rows }).toEqual({ where, rows: members });
      } else {
        const alias = source.getTypeAliasOrThrow(schema.typeName);
        const start = page.indexOf(`${sub} Type`);
        expect({ where, hasType: start >= 0 }).toEqual({ where, hasType: true });
        const typeLine = page.slice(start + 1).find((line) => line.trim() !== '') ?? '';
        expect({ where, type: bold(typeLine.trim()) }).toEqual({ where, type: alias.getTypeNodeOrThrow().getText() });
      }
    }
  });
});

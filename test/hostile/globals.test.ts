/**
 * Model names against the globals generated code uses. A schema may be called `Error`, `Promise`,
 * `Record`, `Blob`…; its type is imported into every API and model file that uses it, where it
 * shadows the global of that name. So: every global that generated API files, model files,
 * index.ts and the docs examples refer to must be a name no model can take
 * (RESERVED_TYPE_NAMES, or a lower-case local the names stage reserves). `Error` is deliberately
 * not reserved (specs name models `Error`, cohesity's included, and the seeds document that name):
 * generated code must therefore never use the global `Error`; this test fails if it starts to.
 * runtime.ts imports nothing from the models, so nothing can shadow its globals.
 */
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import ts from 'typescript';
import { RESERVED_TYPE_NAMES } from '../../src/names/identifiers.js';
import { generate, type GenerateResult } from '../../src/pipeline.js';
import { CLIENT_SPECS } from '../helpers/client-specs.js';
import { fencedBlocks } from '../helpers/markdown.js';
import { FIXTURES, removeDir, tempDir, typeCheck } from './support.js';

/**
 * Lower-case globals of the docs examples. Spec names become lower-case identifiers only as the
 * locals of operation examples, and the names stage keeps `console` free there (EXAMPLE_LOCALS);
 * `crypto` appears only in the README's middleware example, which has no spec names in scope.
 */
const RESERVED_LOCALS = new Set(['console', 'crypto']);

let work = '';
let globalNames: GenerateResult;
/** Global name → the first generated file that refers to it. */
const globalsUsed = new Map<string, string>();
let tscOutput = '';

/** Writes a client and its docs examples under `dir`; returns the files to inspect. */
async function stage(dir: string, files: ReadonlyMap<string, string>): Promise<string[]> {
  const inspected: string[] = [];
  for (const [file, content] of files) {
    const target = path.join(dir, file);
    await mkdir(path.dirname(target), { recursive: true });
    await writeFile(target, content);
    if (/^(apis|models)\/[^/]+\.ts$|^index\.ts$/.test(file)) inspected.push(target);
    if (file.endsWith('.md')) {
      for (const [index, block] of fencedBlocks(content, 'typescript').entries()) {
        const example = target.replace(/\.md$/, `.example-${index + 1}.ts`);
        await writeFile(example, block);
        inspected.push(example);
      }
    }
  }
  return inspected;
}

/** Every identifier in `files` that TypeScript resolves to a declaration of its default libraries. */
function libraryReferences(files: readonly string[]): Map<string, string> {
  const program = ts.createProgram(files, {
    strict: true, noEmit: true, target: ts.ScriptTarget.ES2022, module: ts.ModuleKind.NodeNext, moduleResolution: ts.ModuleResolutionKind.NodeNext,
    lib: ['lib.es2022.d.ts', 'lib.dom.d.ts'], types: [], skipLibCheck: true,
  });
  const checker = program.getTypeChecker();
  const found = new Map<string, string>();
  for (const file of files) {
    const source = program.getSourceFile(file)!;
    const visit = (node: ts.Node): void => {
      if (ts.isIdentifier(node) && !isMemberName(node)) {
        const declarations = checker.getSymbolAtLocation(node)?.declarations ?? [];
        if (declarations.length > 0 && declarations.every((d) => program.isSourceFileDefaultLibrary(d.getSourceFile()))) {
          if (!found.has(node.text)) found.set(node.text, path.relative(work, file));
        }
      }
      ts.forEachChild(node, visit);
    };
    visit(source);
  }
  return found;
}

/** `a.b`'s `b`, `A.B`'s `B`, and property names: member names, not references to globals. */
function isMemberName(node: ts.Identifier): boolean {
  const parent = node.parent;
  return (
    (ts.isPropertyAccessExpression(parent) && parent.name === node) ||
    (ts.isQualifiedName(parent) && parent.right === node) ||
    ((ts.isPropertyAssignment(parent) || ts.isPropertySignature(parent) || ts.isMethodDeclaration(parent) || ts.isPropertyDeclaration(parent)) && parent.name === node)
  );
}

beforeAll(async () => {
  work = await tempDir('oasgen-globals-');
  const inspected: string[] = [];
  globalNames = await generate({ input: path.join(FIXTURES, 'global-names.yaml') });
  inspected.push(...(await stage(path.join(work, 'global-names'), globalNames.files)));
  for (const spec of CLIENT_SPECS) {
    const { files } = await generate({ input: spec });
    inspected.push(...(await stage(path.join(work, path.basename(spec).replace(/\.\w+$/, '')), files)));
  }
  for (const [name, file] of libraryReferences(inspected)) globalsUsed.set(name, file);
  tscOutput = await typeCheck(path.join(work, 'global-names'));
}, 240_000);

afterAll(() => removeDir(work));

describe('models named after globals', () => {
  it('generated code refers only to globals no model can shadow', () => {
    // A sanity check that the scan sees globals at all.
    expect([...globalsUsed.keys()]).toEqual(expect.arrayContaining(['Promise', 'Blob', 'console']));
    const shadowable = [...globalsUsed].filter(([name]) => !RESERVED_TYPE_NAMES.has(name) && !RESERVED_LOCALS.has(name));
    expect(shadowable).toEqual([]);
  });

  it('a model named Error keeps its name; the reserved ones are renamed; the client and examples compile strictly', () => {
    const typeNames = new Map(globalNames.model.schemas.map((schema) => [schema.name, schema.typeName]));
    expect(typeNames.get('Error')).toBe('Error');
    for (const reserved of ['Promise', 'Record', 'Response', 'Headers', 'URL', 'Blob', 'Date', 'FormData']) expect(typeNames.get(reserved)).not.toBe(reserved);
    expect(tscOutput).toBe('');
  });

  it('the API file imports the model Error and uses no global Error', async () => {
    const api = await readFile(path.join(work, 'global-names', 'apis', 'DefaultApi.ts'), 'utf8');
    expect(api).toMatch(/^import type \{ (.*, )?Error(, .*)? \} from '\.\.\/models\/index\.js';$/m);
    expect(globalsUsed.has('Error')).toBe(false);
  });
});

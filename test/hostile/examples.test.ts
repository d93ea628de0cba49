/**
 * Docs examples for schemas TypeScript is picky about (test/fixtures/hostile/examples.yaml, cases
 * the property test found): a discriminator tag its variant contradicts, optional properties
 * named like Object.prototype members, union variants declaring them, index signatures and
 * conflicting property types in allOf. Every example compiles strictly and shows a real value.
 */
import { writeFile } from 'node:fs/promises';
import path from 'node:path';
import { generate, type GenerateResult } from '../../src/pipeline.js';
import { writeOutput } from '../../src/write/index.js';
import { fencedBlocks } from '../helpers/markdown.js';
import { FIXTURES, removeDir, tempDir, typeCheck } from './support.js';

let work = '';
let result: GenerateResult;
let tscOutput = '';
/** Operation id → the body declaration of its docs example (`const body: T = …;`). */
const bodies = new Map<string, string>();

beforeAll(async () => {
  work = await tempDir();
  result = await generate({ input: path.join(FIXTURES, 'examples.yaml') });
  const out = path.join(work, 'out');
  await writeOutput(out, result.files);
  const page = result.files.get('docs/ExamplesApi.md')!;
  for (const [index, block] of fencedBlocks(page, 'typescript').entries()) {
    await writeFile(path.join(out, 'docs', `example-${index + 1}.ts`), block);
    const call = /await api\.(\w+)\(/.exec(block)?.[1];
    const body = /^ {2}const body: [\s\S]*?;$/m.exec(block)?.[0];
    if (call && body) bodies.set(call, body);
  }
  tscOutput = await typeCheck(out);
}, 120_000);

afterAll(() => removeDir(work));

describe('docs examples of tricky schemas', () => {
  it('all compile under tsc --strict (TypeScript 7)', () => {
    expect(bodies.size).toBe(7);
    expect(tscOutput).toBe('');
  });

  it('a discriminated union skips a variant whose own property contradicts its mapped tag', () => {
    expect(bodies.get('addShape')).toContain("type: 'square',");
  });

  it('a variant gets its mapped tag, first', () => {
    expect(bodies.get('addPet')).toMatch(/^ {2}const body: Pet = \{\n {4}kind: 'kitty',/);
  });

  it('optional properties named like Object.prototype members are always set, at any depth', () => {
    const value = bodies.get('addInherited')!.split(' = ')[1];
    for (const name of ['toString: [null]', 'constructor: ', 'valueOf: true', 'hasOwnProperty: 56']) expect(value).toContain(name);
    // The depth limit still leaves out ordinary optional properties.
    expect(value).not.toContain('label');
  });

  it('a union whose other variant declares `constructor` checks the literal against its own variant', () => {
    // The variant's type: its hoisted name (EitherVariant1) or its inline object type.
    expect(bodies.get('addEither')).toMatch(/mode: 'fast',\n {4}ratio: 0\.5,\n {2}\} satisfies (\w+|\{ mode\?: 'fast' \| 'slow'.*);$/);
  });

  it('allOf with an index signature leaves out the optional properties it forbids', () => {
    expect(bodies.get('addFlags')).toMatch(/= \{\n {4}on: true,\n {2}\};$/);
    expect(bodies.get('addClosed')).toMatch(/= \{\};$/);
  });

  it('allOf declaring one property with two types: optional left out, required a typed placeholder', () => {
    const value = bodies.get('addConflict')!.split(' = ')[1];
    expect(value).toContain('count: {} as unknown as number & string,');
    expect(value).not.toContain('label');
  });
});

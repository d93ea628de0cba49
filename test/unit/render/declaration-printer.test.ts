import fc from 'fast-check';
import type { InterfaceDeclarationStructure, OptionalKind, PropertySignatureStructure, SourceFileStructure, StatementStructures, TypeAliasDeclarationStructure, WriterFunction } from 'ts-morph';
import { interfaceStatement, typeAliasStatement, type LeanInterface, type LeanPropertySignature, type LeanTypeAlias } from '../../../src/render/ts/declaration-printer.js';
import { StructureKind, tsMorph } from '../../../src/shared/ts-morph.js';

// The models module's declarations are printed by declaration-printer.ts instead of ts-morph's
// structure printer; both must give the same text for every declaration the models module builds.

const PRINT_OPTIONS = { indentNumberOfSpaces: 2, newLine: '\n', useSingleQuote: true } as const;

const print = (statements: (StatementStructures | WriterFunction | string)[]) =>
  tsMorph.printStructure({ kind: StructureKind.SourceFile, statements } as SourceFileStructure, PRINT_OPTIONS);

function interfaceStructure(declaration: LeanInterface): InterfaceDeclarationStructure {
  return {
    kind: StructureKind.Interface,
    name: declaration.name,
    isExported: true,
    docs: [...declaration.docs],
    ...(declaration.extends && declaration.extends.length > 0 ? { extends: [...declaration.extends] } : {}),
    properties: declaration.properties.map(propertyStructure),
    indexSignatures: declaration.indexSignatureType === undefined ? [] : [{ keyName: 'key', keyType: 'string', returnType: declaration.indexSignatureType }],
  };
}

function propertyStructure(property: LeanPropertySignature): OptionalKind<PropertySignatureStructure> {
  return { name: property.name, type: property.type, hasQuestionToken: property.hasQuestionToken, isReadonly: property.isReadonly, docs: [...property.docs] };
}

function typeAliasStructure(declaration: LeanTypeAlias): TypeAliasDeclarationStructure {
  return { kind: StructureKind.TypeAlias, name: declaration.name, isExported: true, docs: [...declaration.docs], type: declaration.type };
}

/** Both printers over the same statements: each declaration either as a structure or as our writer function. */
function printBoth(declarations: ({ interface: LeanInterface } | { alias: LeanTypeAlias } | { text: string })[]) {
  const viaStructures = declarations.map((item) => ('interface' in item ? interfaceStructure(item.interface) : 'alias' in item ? typeAliasStructure(item.alias) : item.text));
  const viaLean = declarations.map((item) => ('interface' in item ? interfaceStatement(item.interface) : 'alias' in item ? typeAliasStatement(item.alias) : item.text));
  return { want: print(viaStructures), got: print(viaLean) };
}

const pet: LeanInterface = {
  name: 'Pet',
  docs: ['A pet.\nFormat: `object`.'],
  properties: [
    { name: 'id', type: 'number', hasQuestionToken: false, isReadonly: true, docs: ['Format: `int64`.'] },
    { name: "'x-name'", type: "'a' | 'b'", hasQuestionToken: true, isReadonly: false, docs: [] },
    { name: 'owner', type: '{\n  name?: string;\n}', hasQuestionToken: true, isReadonly: false, docs: ['\nstarts with a newline', 'two blocks'] },
  ],
};

describe('declaration printer', () => {
  it.each([
    ['an interface with docs, readonly and optional properties', [{ interface: pet }]],
    ['an interface extending parents, with an index signature', [{ interface: { ...pet, extends: ['Animal', 'Named'], indexSignatureType: 'unknown' } }]],
    ['an empty interface', [{ interface: { name: 'Empty', docs: [], properties: [] } }]],
    ['only an index signature', [{ interface: { name: 'Map', docs: ['Free-form.'], properties: [], indexSignatureType: 'string' } }]],
    ['a type alias after an interface and a const', [{ interface: pet }, { text: "\nexport const A = {\n  B: 'b',\n} as const;" }, { alias: { name: 'Id', docs: ['An id.'], type: 'string | number' } }]],
    ['type aliases back to back', [{ alias: { name: 'A', docs: [], type: "'/*' | '*/'" } }, { alias: { name: 'B', docs: ['B\n\nsecond paragraph'], type: 'Array<{\n  a: string;\n}>' } }]],
  ] as const)('%s: same text as ts-morph', (_name, declarations) => {
    const { want, got } = printBoth([...declarations]);
    expect(got).toBe(want);
  });

  it('same text as ts-morph for any declarations the models module can build', () => {
    // Spec text reaches docs escaped (no `*/`) and names as identifiers or quoted keys; types are
    // any text. Odd characters (quotes, braces, slashes, line breaks) drive the writer's state.
    const text = fc.string({ unit: fc.constantFrom('a', 'Z', ' ', '\n', "'", '"', '`', '{', '}', '/', '*', '$', '\\', '|', ';'), maxLength: 24 });
    const docs = fc.array(text.map((doc) => doc.replaceAll('*/', '*\\/')).filter((doc) => doc !== ''), { maxLength: 2 });
    const name = fc.constantFrom('a', 'Pet', "'x-y'", '"q"', '_1');
    const property = fc.record({ name, type: text.filter((type) => type.trim() !== ''), hasQuestionToken: fc.boolean(), isReadonly: fc.boolean(), docs });
    const declaration = fc.oneof(
      fc.record({
        interface: fc.record({
          name,
          docs,
          extends: fc.array(name, { maxLength: 2 }),
          properties: fc.array(property, { maxLength: 3 }),
          indexSignatureType: fc.option(text.filter((type) => type.trim() !== ''), { nil: undefined }),
        }),
      }),
      fc.record({ alias: fc.record({ name, docs, type: text.filter((type) => type.trim() !== '') }) }),
    );
    fc.assert(
      fc.property(fc.array(declaration, { minLength: 1, maxLength: 3 }), (declarations) => {
        const cleaned = declarations.map((item) =>
          'interface' in item && item.interface.indexSignatureType === undefined
            ? { interface: { name: item.interface.name, docs: item.interface.docs, extends: item.interface.extends, properties: item.interface.properties } }
            : item,
        );
        const { want, got } = printBoth(cleaned);
        expect(got).toBe(want);
      }),
      { numRuns: 300 },
    );
  });
});

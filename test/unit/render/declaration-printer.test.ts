import fc from 'fast-check';
import type {
  ClassDeclarationStructure,
  ImportDeclarationStructure,
  InterfaceDeclarationStructure,
  MethodDeclarationStructure,
  OptionalKind,
  PropertySignatureStructure,
  SourceFileStructure,
  StatementStructures,
  TypeAliasDeclarationStructure,
  WriterFunction,
} from 'ts-morph';
import type { MethodParameter } from '../../../src/render/call-shape.js';
import {
  classStatement,
  exportAllStatement,
  importStatement,
  interfaceStatement,
  printStatements,
  typeAliasStatement,
  type LeanClass,
  type LeanImport,
  type LeanInterface,
  type LeanMethod,
  type LeanPropertySignature,
  type LeanTypeAlias,
} from '../../../src/render/ts/declaration-printer.js';
import { stringLiteral } from '../../../src/shared/escape.js';
import { loadTsMorph } from '../../../src/shared/ts-morph.js';

const tsMorph = loadTsMorph();
const { StructureKind } = tsMorph;

// The client's files are printed by declaration-printer.ts instead of ts-morph's structure printer;
// both must give the same text for every file the renderers build.

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

/** The class as api-class.ts built it for ts-morph before (overloads carry no `isAsync`; an overloaded implementation no docs). */
function classStructure(declaration: LeanClass): ClassDeclarationStructure {
  return {
    kind: StructureKind.Class,
    name: declaration.name,
    isExported: true,
    extends: declaration.extends,
    docs: [...declaration.docs],
    ctors: [{ parameters: declaration.constructorParameters.map(parameterStructure), statements: [...declaration.constructorStatements] }],
    methods: declaration.methods.map(methodStructure),
  };
}

function methodStructure(method: LeanMethod): MethodDeclarationStructure {
  return {
    kind: StructureKind.Method,
    name: method.name,
    ...(method.isAsync ? { isAsync: true } : {}),
    parameters: method.signature.parameters.map(parameterStructure),
    returnType: method.signature.returnType,
    docs: [...method.signature.docs],
    ...(method.overloads.length > 0
      ? { overloads: method.overloads.map((overload) => ({ parameters: overload.parameters.map(parameterStructure), returnType: overload.returnType, docs: [...overload.docs] })) }
      : {}),
    statements: [...method.statements],
  };
}

function parameterStructure(parameter: MethodParameter) {
  return { ...parameter };
}

function importStructure(declaration: LeanImport): ImportDeclarationStructure {
  return { kind: StructureKind.ImportDeclaration, isTypeOnly: declaration.isTypeOnly, namedImports: [...declaration.namedImports], moduleSpecifier: declaration.moduleSpecifier };
}

type Declaration = { interface: LeanInterface } | { alias: LeanTypeAlias } | { class: LeanClass } | { import: LeanImport } | { exportAll: string } | { text: string };

/** ts-morph's structure printer over structures, and ours over the same declarations as its statements. */
function printBoth(declarations: Declaration[]) {
  const viaStructures = declarations.map((item) =>
    'interface' in item
      ? interfaceStructure(item.interface)
      : 'alias' in item
        ? typeAliasStructure(item.alias)
        : 'class' in item
          ? classStructure(item.class)
          : 'import' in item
            ? importStructure(item.import)
            : 'exportAll' in item
              ? ({ kind: StructureKind.ExportDeclaration, moduleSpecifier: item.exportAll } as const)
              : item.text,
  );
  const viaLean = declarations.map((item) =>
    'interface' in item
      ? interfaceStatement(item.interface)
      : 'alias' in item
        ? typeAliasStatement(item.alias)
        : 'class' in item
          ? classStatement(item.class)
          : 'import' in item
            ? importStatement(item.import)
            : 'exportAll' in item
              ? exportAllStatement(item.exportAll)
              : item.text,
  );
  return { want: print(viaStructures), got: printStatements(viaLean) };
}

const request = "return this.request<Pet>({\n  method: 'GET',\n  path: '/pets/{id}',\n  pathParams: [['id', id]],\n  responseKind: 'json',\n}, options);";

const petsApi: LeanClass = {
  name: 'PetsApi',
  docs: ['Operations tagged pets.'],
  extends: 'BaseApi',
  constructorParameters: [{ name: 'configuration', type: 'Configuration', hasQuestionToken: true }],
  constructorStatements: ["super(configuration, 'http://localhost');"],
  methods: [
    {
      name: 'getPet',
      isAsync: true,
      signature: { docs: ['Get a pet\n`GET /pets/{id}`\n@param id The id.'], parameters: [{ name: 'id', type: 'string' }, { name: 'params', type: 'GetPetParams', initializer: '{}' }, { name: 'options', type: 'RequestOptions', hasQuestionToken: true }], returnType: 'Promise<Pet>' },
      overloads: [],
      statements: ['return (await this.getPetRaw(id, params, options)).data;'],
    },
    {
      name: 'getPetRaw',
      isAsync: false,
      signature: { docs: [], parameters: [{ name: 'id', type: 'string' }, { name: 'filter', type: '{\n  name?: string;\n}', initializer: '{}' }], returnType: 'Promise<ApiResponse<{\n  pet: Pet;\n}>>' },
      overloads: [],
      statements: [request],
    },
    {
      name: 'addPet',
      isAsync: true,
      signature: { docs: [], parameters: [{ name: 'body', type: 'Pet | PetForm' }, { name: 'options', type: "RequestOptions & { contentType?: 'application/json' | 'multipart/form-data' }", hasQuestionToken: true }], returnType: 'Promise<void>' },
      overloads: [
        { docs: ['Sends JSON.'], parameters: [{ name: 'body', type: 'Pet' }, { name: 'options', type: "RequestOptions & { contentType?: 'application/json' }", hasQuestionToken: true }], returnType: 'Promise<void>' },
        { docs: ['Sends a form.'], parameters: [{ name: 'body', type: 'PetForm' }, { name: 'options', type: "RequestOptions & { contentType: 'multipart/form-data' }" }], returnType: 'Promise<void>' },
      ],
      statements: ['const a = 1;', 'if (a) {\n  return;\n}', 'return;'],
    },
  ],
};

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
    [
      'an API class with overloads, initializers and multi-line statements, after its imports',
      [
        { import: { isTypeOnly: false, namedImports: ['BaseApi', 'type ApiError', 'type ApiResponse'], moduleSpecifier: '../runtime.js' } },
        { import: { isTypeOnly: true, namedImports: ['Pet', 'PetForm'], moduleSpecifier: '../models/index.js' } },
        { interface: pet },
        { class: petsApi },
      ],
    ],
    ['imports before a type alias; a specifier with quotes to escape', [{ import: { isTypeOnly: true, namedImports: ['A'], moduleSpecifier: "./it's\\\".js" } }, { alias: { name: 'B', docs: [], type: 'A' } }]],
    ['a class with no methods', [{ class: { ...petsApi, docs: [], methods: [] } }]],
    ['an index module: export declarations, one with quotes to escape', [{ exportAll: './runtime.js' }, { exportAll: './apis/PetsApi.js' }, { exportAll: "./it's\\\".js" }]],
    ['no statements', []],
    ['text statements only, one ending in a brace', [{ text: 'const a = 1;' }, { text: 'if (a) {\n  b();\n}' }, { text: '// done' }]],
    ['type aliases back to back', [{ alias: { name: 'A', docs: [], type: "'/*' | '*/'" } }, { alias: { name: 'B', docs: ['B\n\nsecond paragraph'], type: 'Array<{\n  a: string;\n}>' } }]],
  ] as const)('%s: same text as ts-morph', (_name, declarations) => {
    const { want, got } = printBoth([...declarations]);
    expect(got).toBe(want);
  });

  it('same text as ts-morph for any API class method', () => {
    // Types as TypeWriter writes them: names, string literals (escaped), unions, arrays, object types; never comments.
    const literal = fc.string({ unit: fc.constantFrom('a', ' ', '/', '*', "'", '"', '`', '{', '}', '\\', '\n', '$'), maxLength: 8 }).map(stringLiteral);
    const type = fc.letrec<{ type: string }>((tie) => ({
      type: fc.oneof(
        { depthSize: 'small', withCrossShrink: true },
        fc.constantFrom('string', 'number', 'Pet', 'unknown'),
        literal,
        fc.tuple(tie('type'), tie('type')).map(([a, b]) => `${a} | ${b}`),
        tie('type').map((item) => `Array<${item}>`),
        fc.tuple(literal, tie('type')).map(([key, value]) => `{ ${key}?: ${value} }`),
      ),
    })).type;
    const docs = fc.array(fc.constantFrom('One line.', 'Two\nlines.', '\nLeading newline.', '`GET /a/{b}`\n@param b The b.'), { maxLength: 2 });
    const parameter = fc.record({ name: fc.constantFrom('a', 'body', 'options'), type, hasQuestionToken: fc.option(fc.boolean(), { nil: undefined }), initializer: fc.option(fc.constantFrom('{}', "''"), { nil: undefined }) }).map(
      (item): MethodParameter => Object.fromEntries(Object.entries(item).filter(([, value]) => value !== undefined)) as unknown as MethodParameter,
    );
    const signature = fc.record({ docs, parameters: fc.array(parameter, { maxLength: 3 }), returnType: type });
    const method = fc.record({
      name: fc.constantFrom('get', 'getRaw'),
      isAsync: fc.boolean(),
      signature,
      overloads: fc.array(signature, { maxLength: 2 }),
      statements: fc.array(fc.constantFrom('return 1;', request, 'if (x) {\n  y();\n}'), { minLength: 1, maxLength: 3 }),
    });
    fc.assert(
      fc.property(fc.array(method, { maxLength: 3 }), docs, (methods, classDocs) => {
        const { want, got } = printBoth([{ class: { ...petsApi, docs: classDocs, methods } }]);
        expect(got).toBe(want);
      }),
      { numRuns: 200 },
    );
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
        const { want, got } = printBoth(declarations);
        expect(got).toBe(want);
      }),
      { numRuns: 300 },
    );
  });
});

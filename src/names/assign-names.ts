import type * as ir from '../model/ir.js';
import { UserError, type Diagnostic } from '../shared/errors.js';
import { camelCase, capitalize, isDeviceName, NameScope, OBJECT_PROTOTYPE_MEMBERS, pascalCase, RESERVED_TYPE_NAMES, RESERVED_WORDS, ReservedNames, toIdentifier } from './identifiers.js';
import { EnumMemberNamer } from './enum-members.js';
import { inlineNameCandidates, type InlineNameContext } from './inline-names.js';
import { firstApiByPointer, type OperationInApi } from './lookups.js';
import { modelHomes } from './model-homes.js';
import { byCodePoint } from '../shared/sort.js';
import { withFields } from '../shared/with-fields.js';
import type { NamedApi, NamedModel, NamedOperation, NamedParameter, NamedSchema } from './named-model.js';
import { RUNTIME_EXPORTS } from './runtime-exports.js';

/**
 * Every model type is declared in one module: creating files is most of the cost of writing a big
 * client (GitHub's spec: 1,500 model files), and one module is also what the type checker and
 * editors load fastest. Each model still has its docs page.
 */
const MODELS_FILE = 'models/index.ts';

/** Claims an exported name: the first free, allowed candidate, else the last one plus `suffix`. */
type TypeNamer = (candidates: string[], fallback: string, suffix: string) => string;

/**
 * Members of BaseApi (and Object) that a generated method must not shadow; `then` would make
 * every API instance a thenable that `await` tries to call.
 */
const RESERVED_MEMBERS = ['configuration', 'defaultBasePath', 'request', 'then', ...OBJECT_PROTOTYPE_MEMBERS];

/** Locals of the docs' example programs (`api`, `result`, …): a path parameter must not shadow them. */
const EXAMPLE_LOCALS = ['api', 'result', 'error', 'example', 'console'];

/** What a method's arguments may not be called, and what a params object's properties may not be. */
const RESERVED_LOCALS = new ReservedNames(false, [...RESERVED_WORDS, ...EXAMPLE_LOCALS]);
const RESERVED_PROPERTIES = new ReservedNames(false, OBJECT_PROTOTYPE_MEMBERS);

export interface AssignNamesOptions {
  /** Receives a warning for each operation whose method had to be renamed (duplicate operationId, clash). */
  readonly diagnostics?: Diagnostic[];
  /** `--strict`: a duplicate operationId is an error instead of a renamed method and a warning. */
  readonly strict?: boolean;
}

/**
 * The names stage: decides every identifier and file name once, collision-free and
 * deterministic. Renderers and templates only look names up.
 */
export function assignNames(model: ir.Model, options: AssignNamesOptions = {}): NamedModel {
  // One case-insensitive scope for everything index.ts exports: type, class and file names alike.
  const exported = new NameScope(true, [...RUNTIME_EXPORTS, ...RESERVED_TYPE_NAMES, 'index', 'runtime', 'README']);
  const typeName: TypeNamer = (candidates, fallback, suffix) => {
    const bases = candidates.map((candidate) => toIdentifier(candidate, fallback));
    const allowed = bases.filter((base) => !RESERVED_WORDS.has(base) && !isDeviceName(base));
    return exported.claim(...allowed, bases[bases.length - 1]! + suffix);
  };

  const classNames = model.apis.map((api) => typeName([pascalCase(api.tag) + 'Api'], 'DefaultApi', 'Client'));
  // Components first, then the operations' types, then hoisted inline schemas and request shapes: those take what is left.
  const typeNames = new Map<string, string>();
  for (const schema of model.schemas) if (!schema.origin) typeNames.set(schema.name, typeName([pascalCase(schema.name)], 'Model', 'Model'));
  const apis: NamedApi[] = model.apis.map((api, index) => {
    const className = classNames[index]!;
    const members = new NameScope(false, RESERVED_MEMBERS);
    const operations = api.operations.map((operation) => nameOperation(operation, className, members, typeName));
    return withFields(api, { className, fileName: `apis/${className}.ts`, docFileName: `docs/${className}.md`, operations });
  });
  // A schema written inline in an operation is a section of the API page beside the methods, and
  // both are linked by their lowercased name: no hoisted type may take a method's (`ListPetsStatus`
  // when `listPetsStatus` is a method). Types named so far keep their names.
  for (const api of apis) for (const operation of api.operations) exported.reserve(operation.methodName);
  // An operation in several tags is named after, and documented on, the first API that has it.
  const firstApi = firstApiByPointer(apis);
  const context = inlineNameContext(firstApi, typeNames);
  for (const schema of model.schemas) {
    if (hasInlineOrigin(schema)) typeNames.set(schema.name, typeName(inlineNameCandidates(schema, context), 'Model', ''));
  }
  // Request shapes last: `PetWritable` beside `Pet`.
  for (const schema of model.schemas) {
    if (schema.origin?.kind === 'writable') typeNames.set(schema.name, typeName([(typeNames.get(schema.origin.of) ?? 'Model') + 'Writable'], 'Model', ''));
  }
  const { homes, docOperations } = modelHomes(model.schemas);
  const enumNamer = new EnumMemberNamer();
  const schemas: NamedSchema[] = model.schemas
    .map((schema) => {
      const home = homes.get(schema.name);
      const docOperation = docOperations.get(schema.name);
      const apiPage = docOperation !== undefined ? firstApi.get(docOperation)?.api.docFileName : undefined;
      const named: Writable<NamedSchema> = withFields(schema, {
        typeName: typeNames.get(schema.name)!,
        fileName: MODELS_FILE,
        docFileName: apiPage ?? `docs/${typeNames.get(home ?? schema.name)!}.md`,
      });
      // Optional fields set one by one: a spread of `cond ? { x } : {}` each costs an object and a slow copy.
      if (home !== undefined) named.home = home;
      if (apiPage !== undefined) named.docOperation = docOperation;
      const members = schema.schema.kind === 'enum' ? enumNamer.members(schema.schema) : [];
      if (members.length > 0) named.enumMembers = members;
      return named;
    })
    .sort((a, b) => byCodePoint(a.typeName, b.typeName));
  reportRenamedOperations(apis, options);
  return { ...model, apis, schemas };
}

/** A schema hoisted from inline (its type name comes from where it was written). */
function hasInlineOrigin(schema: ir.NamedSchema): schema is ir.NamedSchema & { readonly origin: ir.SchemaOrigin } {
  return schema.origin?.kind === 'inline';
}

/** Lookups for naming hoisted schemas: type names so far, and each operation (by pointer) with its first API's method name. */
function inlineNameContext(firstApi: ReadonlyMap<string, OperationInApi>, typeNames: ReadonlyMap<string, string>): InlineNameContext {
  return {
    typeName: (key) => typeNames.get(key),
    methodName: (pointer) => {
      const method = firstApi.get(pointer)?.operation.methodName;
      return method === undefined ? undefined : capitalize(method);
    },
    operation: (pointer) => firstApi.get(pointer)?.operation,
  };
}

/**
 * Duplicate operationIds (OAS requires them unique) and ids that camel-case alike get distinct
 * method names from the scopes above, in spec order: the first keeps the name, later ones get
 * a numeric suffix. Each rename is reported at the operation's pointer; `strict` refuses duplicates.
 */
function reportRenamedOperations(apis: readonly NamedApi[], options: AssignNamesOptions): void {
  const firstById = new Map<string, string>();
  const reported = new Set<string>();
  for (const api of apis) {
    for (const operation of api.operations) {
      const first = firstById.get(operation.operationId);
      if (first === undefined) firstById.set(operation.operationId, operation.pointer);
      const duplicate = first !== undefined && first !== operation.pointer && !operation.operationIdDerived;
      if (duplicate && options.strict) {
        throw new UserError(`duplicate operationId "${operation.operationId}" (first at ${first})`, { pointer: operation.pointer });
      }
      const wanted = toIdentifier(camelCase(operation.operationId), 'operation');
      const renamed = operation.methodName !== wanted && !RESERVED_MEMBERS.includes(wanted);
      const key = `${api.className}\u0000${operation.pointer}`;
      if ((duplicate || renamed) && !reported.has(key)) {
        reported.add(key);
        const why = duplicate ? `duplicate operationId "${operation.operationId}" (first at ${first})` : `operationId "${operation.operationId}" clashes with another method of ${api.className}`;
        options.diagnostics?.push({ severity: 'warning', message: `${why}; generated as ${api.className}.${operation.methodName}`, pointer: operation.pointer });
      }
    }
  }
}

function nameOperation(
  operation: ir.Operation,
  className: string,
  members: NameScope,
  typeName: TypeNamer,
): NamedOperation {
  const base = toIdentifier(camelCase(operation.operationId), 'operation');
  const methodName = members.claim(base);
  const rawMethodName = members.claim(methodName + 'Raw');

  // Positional arguments first (path params in path order, then body), then the params object and options.
  const locals = RESERVED_LOCALS.scope();
  const pathParameters = operation.parameters.filter((p) => p.in === 'path');
  const otherParameters = operation.parameters.filter((p) => p.in !== 'path');
  const named = new Map<ir.Parameter, string>();
  for (const parameter of pathParameters) {
    const candidate = toIdentifier(camelCase(parameter.name), 'param');
    named.set(parameter, locals.claim(candidate, candidate + 'Param'));
  }
  const bodyName = operation.requestBody ? locals.claim('body', 'requestBody') : undefined;
  const paramsName = otherParameters.length > 0 ? locals.claim('params', 'queryParams') : undefined;
  const optionsName = locals.claim('options', 'requestOptions');

  const properties = RESERVED_PROPERTIES.scope();
  for (const parameter of otherParameters) {
    const candidate = toIdentifier(camelCase(parameter.name), 'param');
    named.set(parameter, properties.claim(candidate, candidate + 'Param'));
  }
  const parameters: NamedParameter[] = operation.parameters.map((parameter) => withFields(parameter, { identifier: named.get(parameter)! }));
  const methodPascal = capitalize(methodName);
  const result: Writable<Omit<NamedOperation, 'optionsName'>> = withFields(operation, { methodName, rawMethodName, parameters });
  if (bodyName) result.bodyName = bodyName;
  if (paramsName) {
    result.paramsName = paramsName;
    // Short name when free; else qualified by the class (both SessionsApi and UsersApi have deleteSession).
    result.paramsTypeName = typeName([methodPascal + 'Params', className + methodPascal + 'Params'], 'OperationParams', 'Type');
  }
  if (operation.responses.some((response) => !response.status.startsWith('2'))) {
    result.errorTypeName = typeName([methodPascal + 'Error', className + methodPascal + 'Error'], 'OperationError', 'Type');
  }
  return Object.assign(result, { optionsName }); // last, where it always was: inspect prints the model's fields in order
}

/** A type's fields made assignable, to set the optional ones one by one while building it. */
type Writable<T> = { -readonly [K in keyof T]: T[K] };


import type * as ir from '../model/ir.js';
import { camelCase, isDeviceName, NameScope, pascalCase, RESERVED_TYPE_NAMES, RESERVED_WORDS, toIdentifier } from './identifiers.js';
import type { NamedApi, NamedModel, NamedOperation, NamedParameter, NamedSchema } from './named-model.js';
import { RUNTIME_EXPORTS } from './runtime-exports.js';

/** Claims an exported name: the first free, allowed candidate, else the last one plus `suffix`. */
type TypeNamer = (candidates: string[], fallback: string, suffix: string) => string;

/** Members of BaseApi (and Object) that a generated method must not shadow. */
const RESERVED_MEMBERS = ['constructor', 'configuration', 'defaultBasePath', 'request', 'then', '__proto__', 'toString', 'valueOf', 'hasOwnProperty'];

/**
 * The names stage: decides every identifier and file name once, collision-free and
 * deterministic. Renderers and templates only look names up.
 */
export function assignNames(model: ir.Model): NamedModel {
  // One case-insensitive scope for everything index.ts exports: type, class and file names alike.
  const exported = new NameScope(true, [...RUNTIME_EXPORTS, ...RESERVED_TYPE_NAMES, 'index', 'runtime', 'README']);
  const typeName: TypeNamer = (candidates, fallback, suffix) => {
    const bases = candidates.map((candidate) => toIdentifier(candidate, fallback));
    const allowed = bases.filter((base) => !RESERVED_WORDS.has(base) && !isDeviceName(base));
    return exported.claim(...allowed, bases[bases.length - 1]! + suffix);
  };

  const classNames = model.apis.map((api) => typeName([pascalCase(api.tag) + 'Api'], 'DefaultApi', 'Client'));
  const schemas: NamedSchema[] = model.schemas.map((schema) => {
    const name = typeName([pascalCase(schema.name)], 'Model', 'Model');
    return { ...schema, typeName: name, fileName: `models/${name}.ts`, docFileName: `docs/${name}.md` };
  });
  const apis: NamedApi[] = model.apis.map((api, index) => {
    const className = classNames[index]!;
    const members = new NameScope(false, RESERVED_MEMBERS);
    const operations = api.operations.map((operation) => nameOperation(operation, className, members, typeName));
    return { ...api, className, fileName: `apis/${className}.ts`, docFileName: `docs/${className}.md`, operations };
  });
  return { ...model, apis, schemas };
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
  const locals = new NameScope(false, RESERVED_WORDS);
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

  const properties = new NameScope(false, ['__proto__']);
  for (const parameter of otherParameters) {
    named.set(parameter, properties.claim(toIdentifier(camelCase(parameter.name), 'param')));
  }
  const parameters: NamedParameter[] = operation.parameters.map((parameter) => ({ ...parameter, identifier: named.get(parameter)! }));
  const methodPascal = methodName.charAt(0).toUpperCase() + methodName.slice(1);
  // Short name when free; else qualified by the class (both SessionsApi and UsersApi have deleteSession).
  const paramsTypeName = paramsName ? typeName([methodPascal + 'Params', className + methodPascal + 'Params'], 'OperationParams', 'Type') : undefined;
  const hasErrors = operation.responses.some((response) => !/^2/.test(response.status));
  const errorTypeName = hasErrors ? typeName([methodPascal + 'Error', className + methodPascal + 'Error'], 'OperationError', 'Type') : undefined;
  return {
    ...operation,
    methodName,
    rawMethodName,
    parameters,
    ...(bodyName ? { bodyName } : {}),
    ...(paramsName && paramsTypeName ? { paramsName, paramsTypeName } : {}),
    ...(errorTypeName ? { errorTypeName } : {}),
    optionsName,
  };
}


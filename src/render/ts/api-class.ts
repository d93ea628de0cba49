import type * as ir from '../../model/ir.js';
import type { QueryParameter, StyledParameter } from '../../runtime/runtime.js';
import type { NamedApi, NamedModel, NamedOperation } from '../../names/index.js';
import { jsdoc, stringLiteral } from '../../shared/escape.js';
import { mediaKind, resultType, successShape, type TypeWriter } from '../type-text.js';
import { acceptHeader, bodyOverloads, methodParameters, objectParameters, pathParameters, selectableContents } from '../call-shape.js';
import { defaultServerUrl } from '../servers.js';
import { classStatement, importStatement, interfaceStatement, typeAliasStatement, type LeanImport, type LeanInterface, type LeanMethod, type LeanTypeAlias, type Statement } from './declaration-printer.js';
import { docsFromLines } from './jsdoc.js';
import { modelImports } from './imports.js';

/** One API class file: the params interfaces, then the class with a method pair per operation. */
export function apiClassFile(api: NamedApi, model: NamedModel, allTypes: TypeWriter): Statement[] {
  // Imports are exactly the named types the file's text mentions.
  const types = allTypes.recording();
  const interfaces: LeanInterface[] = [];
  const methods: LeanMethod[] = [];
  const errorTypes: LeanTypeAlias[] = [];
  for (const operation of api.operations) {
    const params = paramsInterface(operation, types);
    if (params) interfaces.push(params);
    const errorType = errorTypeAlias(operation, types);
    if (errorType) errorTypes.push(errorType);
    methods.push(...operationMethods(operation, model, types));
  }
  const imports: LeanImport[] = [
    {
      isTypeOnly: false,
      moduleSpecifier: '../runtime.js',
      namedImports: ['BaseApi', ...(errorTypes.length > 0 ? ['type ApiError'] : []), 'type ApiResponse', 'type Configuration', 'type RequestOptions'],
    },
    ...modelImports(types.used, api.fileName, model),
  ];
  const classDeclaration = classStatement({
    name: api.className,
    docs: docsFromLines([api.description ? jsdoc(api.description) : `Operations tagged ${jsdoc(api.tag)}.`]),
    extends: 'BaseApi',
    constructorParameters: [{ name: 'configuration', type: 'Configuration', hasQuestionToken: true }],
    constructorStatements: [`super(configuration, ${stringLiteral(defaultServerUrl(model))});`],
    methods,
  });
  return [...imports.map(importStatement), ...interfaces.map(interfaceStatement), ...errorTypes.map(typeAliasStatement), classDeclaration];
}

/** The interface of the object that carries query, header and cookie parameters. */
function paramsInterface(operation: NamedOperation, types: TypeWriter): LeanInterface | undefined {
  if (!operation.paramsTypeName) return undefined;
  return {
    name: operation.paramsTypeName,
    docs: docsFromLines([`Query, header and cookie parameters of \`${operation.methodName}\`.`]),
    properties: objectParameters(operation).map((parameter) => ({
      name: parameter.identifier,
      type: types.type(parameter.schema),
      hasQuestionToken: !parameter.required,
      isReadonly: false,
      docs: docsFromLines([
        `${locationLabel(parameter.in)} \`${jsdoc(parameter.name)}\`${parameter.description ? `: ${jsdoc(parameter.description)}` : '.'}`,
        parameter.deprecated ? '@deprecated' : undefined,
      ]),
    })),
  };
}

function errorResponses(operation: NamedOperation): readonly ir.Response[] {
  return operation.responses.filter((response) => !/^2/.test(response.status));
}

/**
 * `type GetSessionError = ApiError<HTTPValidationError, 422> | …`: one member per documented
 * error status, so a caller can narrow `body` by `status`. Ranges and `default` keep `number`.
 * The runtime decodes error bodies as JSON or text, so other media types are `string`.
 */
function errorTypeAlias(operation: NamedOperation, types: TypeWriter): LeanTypeAlias | undefined {
  if (!operation.errorTypeName) return undefined;
  const members = errorResponses(operation).map((response) => {
    const content = response.contents[0];
    const body = !content ? 'unknown' : mediaKind(content.mediaType, content.schema) === 'json' ? types.type(content.schema) : 'string';
    return /^\d{3}$/.test(response.status) ? `ApiError<${body}, ${response.status}>` : `ApiError<${body}>`;
  });
  return {
    name: operation.errorTypeName,
    docs: docsFromLines([`What \`${operation.methodName}\` throws for its documented error statuses (narrow \`body\` by \`status\`).`]),
    type: [...new Set(members)].join(' | '),
  };
}

function locationLabel(location: ir.ParameterLocation): string {
  return { path: 'Path parameter', query: 'Query parameter', header: 'Header', cookie: 'Cookie' }[location];
}

function operationMethods(operation: NamedOperation, model: NamedModel, types: TypeWriter): LeanMethod[] {
  const result = resultType(types, operation);
  const parameters = methodParameters(operation, types);
  const argumentList = parameters.map((parameter) => parameter.name).join(', ');
  const overloads = bodyOverloads(operation, types);
  const spec = requestSpec(operation, model);
  const rawDocLines = (note?: string) => [`Like \`${operation.methodName}\`, but resolves to the status, headers and decoded body.`, note, operation.deprecated ? '@deprecated' : undefined];
  // With overloads the callers see only them, so the docs go there (one block each, with its content type).
  const signatures = (returnType: string, docsOf: (note: string) => string[]) =>
    overloads.map((overload) => ({ parameters: overload.parameters, returnType, docs: docsOf(overload.note) }));
  const overloaded = overloads.length > 0;
  const returnType = `Promise<${result}>`;
  const rawReturnType = `Promise<ApiResponse<${result}>>`;
  return [
    {
      name: operation.methodName,
      isAsync: true,
      signature: { docs: overloaded ? [] : operationDocs(operation), parameters, returnType },
      overloads: signatures(returnType, (note) => operationDocs(operation, note)),
      // An overloaded Raw method cannot be called with the implementation's union arguments: send directly.
      statements: [
        overloaded
          ? `return (await this.request<${result}>(${spec}, ${operation.optionsName})).data;`
          : `return (await this.${operation.rawMethodName}(${argumentList})).data;`,
      ],
    },
    {
      // Not async: it returns request()'s promise as is (an async wrapper would add promise hops to every call).
      name: operation.rawMethodName,
      isAsync: false,
      signature: { docs: overloaded ? [] : docsFromLines(rawDocLines()), parameters, returnType: rawReturnType },
      overloads: signatures(rawReturnType, (note) => docsFromLines(rawDocLines(note))),
      statements: [`return this.request<${result}>(${spec}, ${operation.optionsName});`],
    },
  ];
}

/** The method's JSDoc; `note` (an overload's content type) goes before the tags. */
function operationDocs(operation: NamedOperation, note?: string) {
  const lines: (string | undefined)[] = [];
  if (operation.summary) lines.push(jsdoc(operation.summary));
  if (operation.description && operation.description !== operation.summary) lines.push(jsdoc(operation.description));
  lines.push(`\`${operation.method.toUpperCase()} ${jsdoc(operation.path)}\``, note);
  const typed = operation.errorTypeName ? `\`${operation.errorTypeName}\` (an \`ApiError\` typed per documented status)` : '`ApiError`';
  lines.push(`Rejects with ${typed} on a non-2xx status, \`NetworkError\` when no response arrives, \`TimeoutError\` after \`timeoutMs\`.`);
  for (const parameter of pathParameters(operation)) {
    lines.push(`@param ${parameter.identifier} ${parameter.description ? jsdoc(parameter.description) : `Path parameter \`${jsdoc(parameter.name)}\`.`}`);
  }
  if (operation.requestBody && operation.bodyName) {
    lines.push(`@param ${operation.bodyName} ${operation.requestBody.description ? jsdoc(operation.requestBody.description) : 'The request body.'}`);
  }
  if (operation.paramsName) lines.push(`@param ${operation.paramsName} Query, header and cookie parameters.`);
  lines.push(`@param ${operation.optionsName} Per-call options (signal, headers, timeoutMs, retries).`);
  for (const response of errorResponses(operation)) lines.push(`@throws {ApiError} ${response.status === 'default' ? 'Any other status' : response.status}: ${jsdoc(response.description || 'error')}`);
  if (operation.security.length === 0 && operation.undefinedSecuritySchemes) {
    // Said where the call is made: the spec demands credentials this client does not know how to send.
    lines.push(`Sends no credentials: the spec requires security schemes it does not define as ones a request can carry (${operation.undefinedSecuritySchemes.map(jsdoc).join(', ')}).`);
  }
  if (operation.deprecated) lines.push('@deprecated');
  return docsFromLines(lines);
}

/**
 * Query styles the runtime's `QueryParameter.style` accepts (`tabDelimited`: Swagger 2 `tsv`); any
 * other style is sent as `form` with the parameter's `explode` (comma-separated).
 */
const RUNTIME_QUERY_STYLES: readonly string[] = ['form', 'spaceDelimited', 'pipeDelimited', 'tabDelimited', 'deepObject'] satisfies NonNullable<QueryParameter['style']>[];

/** The RequestSpec object literal handed to the runtime. Spec text enters only as string literals. */
function requestSpec(operation: NamedOperation, model: NamedModel): string {
  const fields: string[] = [`method: ${stringLiteral(operation.method.toUpperCase())}`, `path: ${stringLiteral(operation.path)}`];
  const pairs = (location: ir.ParameterLocation) =>
    operation.parameters
      .filter((parameter) => parameter.in === location)
      .map((parameter) => {
        const value = location === 'path' ? parameter.identifier : `${operation.paramsName}.${parameter.identifier}`;
        // Cookies are always sent comma-joined; path and header values carry their style unless it is the default (simple, unexploded).
        const styled = location !== 'cookie' && (parameter.style !== 'simple' || parameter.explode);
        const style = stringLiteral((parameter.style === 'label' || parameter.style === 'matrix' ? parameter.style : 'simple') satisfies StyledParameter[2]);
        return `[${stringLiteral(parameter.name)}, ${value}${styled ? `, ${style}, ${parameter.explode}` : ''}]`;
      });
  const pathPairs = pairs('path');
  if (pathPairs.length > 0) fields.push(`pathParams: [${pathPairs.join(', ')}]`);
  const query = operation.parameters
    .filter((parameter) => parameter.in === 'query')
    .map((parameter) => {
      const style = RUNTIME_QUERY_STYLES.includes(parameter.style) ? parameter.style : 'form';
      const extra = style === 'form' && parameter.explode ? '' : `, style: ${stringLiteral(style)}, explode: ${parameter.explode}`;
      return `{ name: ${stringLiteral(parameter.name)}, value: ${operation.paramsName}.${parameter.identifier}${extra} }`;
    });
  if (query.length > 0) fields.push(`query: [${query.join(', ')}]`);
  const headerPairs = pairs('header');
  if (headerPairs.length > 0) fields.push(`headers: [${headerPairs.join(', ')}]`);
  const cookiePairs = pairs('cookie');
  if (cookiePairs.length > 0) fields.push(`cookies: [${cookiePairs.join(', ')}]`);
  const body = operation.requestBody?.contents[0];
  if (body && operation.bodyName) {
    const contentType = stringLiteral(body.mediaType);
    const selectable = operation.requestBody !== undefined && selectableContents(operation.requestBody).length > 1;
    fields.push(`body: ${operation.bodyName}`, `contentType: ${selectable ? `${operation.optionsName}?.contentType ?? ${contentType}` : contentType}`);
  }
  const accept = acceptHeader(operation);
  if (accept) fields.push(`accept: ${stringLiteral(accept)}`);
  const security = securityAlternatives(operation, model);
  if (security) fields.push(`security: ${security}`);
  fields.push(`responseKind: ${stringLiteral(successShape(operation).kind)}`);
  return `{\n  ${fields.join(',\n  ')},\n}`;
}

function securityAlternatives(operation: NamedOperation, model: NamedModel): string | undefined {
  if (operation.security.length === 0) return undefined;
  const schemes = new Map(model.securitySchemes.map((scheme) => [scheme.name, scheme]));
  const alternatives = operation.security.map((requirement) => {
    const parts = requirement.schemes.flatMap(({ name }) => {
      const scheme = schemes.get(name);
      if (!scheme) return [];
      const id = `id: ${stringLiteral(scheme.name)}`;
      if (scheme.type === 'apiKey') return [`{ ${id}, type: 'apiKey', in: ${stringLiteral(scheme.in)}, name: ${stringLiteral(scheme.parameterName)} }`];
      // HTTP basic sends username:password; bearer, OAuth2, OpenID Connect (and other HTTP schemes) send the access token.
      return [`{ ${id}, type: ${scheme.type === 'http' && scheme.scheme.toLowerCase() === 'basic' ? "'basic'" : "'bearer'"} }`];
    });
    return `[${parts.join(', ')}]`;
  });
  return `[${alternatives.join(', ')}]`;
}

/**
 * Seed conformance: for every method documented in the seed pages, the IR (`generate().model`),
 * the generated class (read with ts-morph) and the generated docs page agree with the seed, and so
 * with each other, on name, HTTP method, path, parameters (name, location, type, optional), return
 * type and status codes. The expectations are derived from the seed files (seed-expectations.ts).
 */
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { Node, Project, type SourceFile } from 'ts-morph';
import { generate, type GenerateResult } from '../../src/pipeline.js';
import type { ir } from '../../src/model/index.js';
import type { NamedOperation } from '../../src/names/index.js';
import { parseApiPage, type ApiPage } from '../helpers/api-page.js';
import { byIdentifier, classView, type SeenParameter } from '../helpers/class-view.js';
import { expectationsFromSeed, type ExpectedApi, type ExpectedMethod, type ExpectedParameter } from './seed-expectations.js';

const here = path.dirname(fileURLToPath(import.meta.url));
const root = path.resolve(here, '../..');

/** Each seed page and the built-in client written from it. */
const SEEDS = [
  { seed: '000_1c26d6c301ef17d6.txt', client: 'identity' },
  { seed: '003_1fce5c5f34cc24bf.txt', client: 'cohesity' },
] as const;

interface Subject {
  readonly expected: ExpectedApi;
  readonly result: GenerateResult;
  readonly classFile: SourceFile;
  readonly docs: ApiPage;
}

const subjects = new Map<string, Subject>();
/** The table test's rows, read from the seeds at module load (it.each needs them before beforeAll). */
const rows = await Promise.all(
  SEEDS.map(async ({ seed, client }) => ({ seed, client, expected: expectationsFromSeed(await readFile(path.join(here, 'seeds', seed), 'utf8')) })),
);

beforeAll(async () => {
  const project = new Project({ skipAddingFilesFromTsConfig: true, compilerOptions: { strict: true } });
  for (const { client, expected } of rows) {
    const result = await generate({ input: path.join(root, 'specs', `${client}.yaml`) });
    const classFile = project.addSourceFileAtPath(path.join(root, 'generated', client, 'apis', `${expected.className}.ts`));
    const docs = parseApiPage(await readFile(path.join(root, 'generated', client, 'docs', `${expected.className}.md`), 'utf8'));
    subjects.set(client, { expected, result, classFile, docs });
  }
});

/** The seeds' types never show `null`: openapi-generator prints Optional[str] as `str`. */
function withoutNull(type: string, optional: boolean): string {
  return optional ? type.split(' | ').filter((t) => t !== 'null').join(' | ') : type;
}

/** IR schema → TypeScript type text, written independently of src/render for the shapes the seeds use. */
function irType(schema: ir.Schema): string {
  switch (schema.kind) {
    case 'string':
      return 'string';
    case 'integer':
    case 'number':
      return 'number';
    case 'boolean':
      return 'boolean';
    case 'null':
      return 'null';
    case 'ref':
      return schema.name;
    case 'array': {
      const item = irType(schema.items);
      return item.includes(' ') ? `(${item})[]` : `${item}[]`;
    }
    case 'union':
      return schema.variants.map(irType).join(' | ');
    case 'enum':
      return schema.values.map((v) => JSON.stringify(v)).join(' | ');
    default:
      throw new Error(`irType: no TypeScript text for schema kind ${schema.kind} in the seed conformance test`);
  }
}

function expectedSeen(parameters: readonly ExpectedParameter[]): SeenParameter[] {
  return parameters.map((p) => ({ identifier: p.identifier, wireName: p.wireName, in: p.in, type: p.type, optional: p.optional })).sort(byIdentifier);
}

function operationOf(subject: Subject, method: ExpectedMethod): NamedOperation {
  const api = subject.result.model.apis.find((a) => a.className === subject.expected.className);
  const operation = api?.operations.find((o) => o.methodName === method.methodName);
  if (operation === undefined) throw new Error(`IR has no ${subject.expected.className}.${method.methodName}`);
  return operation;
}

// ---- (c) the docs page ----

function docsParameters(docs: ApiPage, methodName: string): SeenParameter[] {
  const section = docs.methods.find((m) => m.name === methodName)!;
  return section.parameters
    .filter((p) => p.type !== 'RequestOptions')
    .map((p) => {
      const where = /\[(query|header|cookie): (.+)\]$/.exec(p.notes.trim());
      return { identifier: p.name, wireName: where?.[2] ?? '', in: where?.[1] ?? 'positional', type: p.type, optional: p.notes.includes('[optional]') };
    })
    .sort(byIdentifier);
}

const table = rows.flatMap(({ client, expected }) => expected.methods.map((method) => [client, expected.className, method.methodName, method] as const));

describe('the seed pages describe the methods under test', () => {
  it.each(rows.map((r) => [r.seed, r.expected] as const))('%s documents methods with parameters and status codes', (_seed, expected) => {
    expect(expected.methods.length).toBeGreaterThan(0);
    for (const method of expected.methods) expect(method.responses.length).toBeGreaterThan(0);
  });
});

describe.each(table)('%s %s.%s', (client, className, _methodName, expected) => {
  const subject = () => subjects.get(client)!;

  it('(a) IR: method, path, summary, parameters, body, return type, media types, security, status codes', () => {
    const operation = operationOf(subject(), expected);
    expect(operation.method.toUpperCase()).toBe(expected.httpMethod);
    expect(operation.path).toBe(expected.path);
    expect(operation.summary).toBe(expected.summary);

    const seen: SeenParameter[] = operation.parameters.map((p) => ({
      identifier: p.identifier,
      wireName: p.name,
      in: p.in,
      type: irType(p.schema),
      optional: !p.required,
    }));
    const body = operation.requestBody;
    if (body !== undefined) {
      seen.push({ identifier: operation.bodyName!, wireName: operation.bodyName!, in: 'body', type: irType(body.contents[0]!.schema), optional: !body.required });
    }
    expect(seen.map((p) => ({ ...p, type: withoutNull(p.type, p.optional) })).sort(byIdentifier)).toEqual(expectedSeen(expected.parameters));
    for (const p of expected.parameters) {
      const description = p.in === 'body' ? body?.description : operation.parameters.find((q) => q.name === p.wireName)?.description;
      expect(description ?? '').toBe(p.description);
    }

    const success = operation.responses.find((r) => /^2/.test(r.status) && r.contents.length > 0);
    expect(success ? irType(success.contents[0]!.schema) : 'void').toBe(expected.returnType);
    expect(body?.contents.map((c) => c.mediaType).join(', ')).toBe(expected.contentType);
    const accepted = [...new Set(operation.responses.flatMap((r) => r.contents.map((c) => c.mediaType)))];
    expect(accepted.length > 0 ? accepted.join(', ') : undefined).toBe(expected.accept);
    expect(operation.security.flatMap((s) => s.schemes.map((scheme) => scheme.name))).toEqual(expected.security);
    expect(operation.responses.map((r) => ({ status: r.status, description: r.description }))).toEqual(expected.responses);
  });

  it('(b) class: method, request spec, arguments, params object, Promise return types, @throws', () => {
    const cls = subject().classFile.getClassOrThrow(className);
    const view = classView(cls, expected.methodName);
    const operation = operationOf(subject(), expected);
    // The params object is optional exactly when all its members are.
    if (view.paramsObject) expect(view.paramsObject.optional).toBe(view.paramsObject.membersAllOptional);
    expect(view.httpMethod).toBe(expected.httpMethod);
    expect(view.path).toBe(expected.path);

    // Types agree exactly with the IR; with the seed once Optional's `null` is set aside.
    expect(view.parameters.map((p) => ({ ...p, type: withoutNull(p.type, p.optional) }))).toEqual(expectedSeen(expected.parameters));
    const irTypes = Object.fromEntries(operation.parameters.map((p) => [p.identifier, irType(p.schema)]));
    for (const p of view.parameters) if (p.in !== 'body') expect(p.type).toBe(irTypes[p.identifier]);

    // DESIGN.md's calling convention: path params positional in path order, body, one params object, options.
    const placeholders = [...expected.path.matchAll(/\{([^}]+)\}/g)].map((m) => m[1]!);
    const pathArgs = placeholders.map((wire) => expected.parameters.find((p) => p.in === 'path' && p.wireName === wire)!.identifier);
    const bodyArgs = expected.parameters.filter((p) => p.in === 'body').map((p) => p.identifier);
    const paramsArg = expected.parameters.some((p) => p.in === 'query' || p.in === 'header') ? ['<params>'] : [];
    expect(view.positional).toEqual([...pathArgs, ...bodyArgs, ...paramsArg]);
    expect(view.signature).toMatch(/, options\?: RequestOptions\): /);

    expect(view.returnType).toBe(`Promise<${expected.returnType}>`);
    expect(view.rawReturnType).toBe(`Promise<ApiResponse<${expected.returnType}>>`);
    expect(view.responseKind).toBe(expected.returnType === 'void' ? 'void' : 'json');
    expect(view.contentType).toBe(expected.contentType);
    expect(view.accept).toBe(expected.accept);
    const schemes = subject().result.model.securitySchemes;
    const apiKeyHeaders = expected.security.map((name) => schemes.find((s) => s.name === name)).flatMap((s) => (s?.type === 'apiKey' && s.in === 'header' ? [s.parameterName] : []));
    expect(view.apiKeyHeaders).toEqual(apiKeyHeaders);
    // Every non-2xx status the seed documents is an ApiError the method declares.
    const errors = expected.responses.filter((r) => !/^2/.test(r.status));
    expect(view.throws).toEqual(errors.map((r) => `{ApiError} ${r.status === 'default' ? 'Any other status' : r.status}: ${r.description}`));
    // …and its typed error alias has one ApiError<Body, Status> member per error status (`default`: no Status).
    const alias = subject().classFile.getTypeAliasOrThrow(operation.errorTypeName ?? `${expected.methodName}Error`);
    const aliasType = alias.getTypeNodeOrThrow();
    const members = Node.isUnionTypeNode(aliasType) ? aliasType.getTypeNodes() : [aliasType];
    const aliasStatuses = members.map((member) => {
      if (!Node.isTypeReference(member) || member.getTypeName().getText() !== 'ApiError') throw new Error(`${alias.getName()}: ${member.getText()} is not an ApiError`);
      return member.getTypeArguments()[1]?.getText() ?? 'default';
    });
    expect(aliasStatuses).toEqual(errors.map((r) => r.status));
  });

  it('(c) docs page: method table row, signature, Parameters, Return type, Authorization, headers, status codes', () => {
    const { docs, classFile } = subject();
    const row = docs.methodTable.find((r) => r.name === expected.methodName);
    expect(row).toEqual({ name: expected.methodName, httpMethod: expected.httpMethod, path: expected.path, description: expected.summary });
    const section = docs.methods.find((m) => m.name === expected.methodName);
    expect(section).toBeDefined();

    // The signature printed is the class's own, and the Parameters table follows its argument order.
    const view = classView(classFile.getClassOrThrow(className), expected.methodName);
    expect(section!.signature).toBe(view.signature);
    expect(section!.parameters.map((p) => p.name)).toEqual(view.argumentOrder);

    const expectedRows = expected.parameters
      .map((p) => ({
        identifier: p.identifier,
        wireName: p.in === 'query' || p.in === 'header' ? p.wireName : '',
        in: p.in === 'query' || p.in === 'header' ? p.in : 'positional',
        type: p.type,
        optional: p.optional,
      }))
      .sort(byIdentifier);
    const seenRows = docsParameters(docs, expected.methodName);
    expect(seenRows.map((p) => ({ ...p, type: withoutNull(p.type, p.optional) }))).toEqual(expectedRows);
    for (const p of expected.parameters.filter((q) => q.in === 'path')) expect(row!.path).toContain(`{${p.wireName}}`);
    for (const p of expected.parameters) {
      expect(section!.parameters.find((q) => q.name === p.identifier)?.description.trim()).toBe(p.description);
      // A model-typed parameter links to its model page, as in the seed.
      expect(section!.parameters.find((q) => q.name === p.identifier)?.linked).toBe(p.in === 'body');
    }
    expect(section!.parameters.at(-1)).toMatchObject({ name: 'options', type: 'RequestOptions' });

    expect(section!.returnType).toBe(expected.returnType);
    expect([...section!.authorization.matchAll(/\[([^\]]+)\]\(/g)].map((m) => m[1])).toEqual(expected.security);
    if (expected.security.length === 0) expect(section!.authorization).toBe('No authorization required');
    expect(section!.contentType).toBe(expected.contentType);
    expect(section!.accept).toBe(expected.accept);
    expect(section!.responses).toEqual(expected.responses);
    expect(section!.exampleLanguages).toEqual(['typescript']);
  });
});

describe.each(rows.map((r) => [r.client, r.expected] as const))('%s: nothing undocumented', (client, expected) => {
  it('the class, the IR and the docs page hold exactly the seed methods', () => {
    const subject = subjects.get(client)!;
    const names = expected.methods.map((m) => m.methodName).sort();
    const api = subject.result.model.apis.find((a) => a.className === expected.className)!;
    expect(api.operations.map((o) => o.methodName).sort()).toEqual(names);
    const publicMethods = subject.classFile.getClassOrThrow(expected.className).getMethods().map((m) => m.getName()).filter((n) => !n.endsWith('Raw'));
    expect(publicMethods.sort()).toEqual(names);
    expect(subject.docs.methodTable.map((r) => r.name).sort()).toEqual(names);
    expect(subject.docs.methods.map((m) => m.name).sort()).toEqual(names);
  });
});

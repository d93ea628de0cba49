import type * as ir from '../../model/ir.js';
import type { NamedApi, NamedModel, NamedOperation, NamedSchema } from '../../names/index.js';
import { markdownInline } from '../../shared/escape.js';
import { anchorOf, modelHref } from './links.js';

/**
 * Where a hoisted inline schema was written, as markdown for its model page: "property `owner`
 * of [**Pet**](Pet.md)", "the items of the response `200` of [**listPets**](PetsApi.md#listpets)".
 */
export function describeInlineOrigin(origin: ir.SchemaOrigin, model: NamedModel): string {
  return [...[...origin.steps].reverse().map(stepText), rootText(origin.root, lookups(model))].join(' of ');
}

interface Lookups {
  readonly schemas: ReadonlyMap<string, NamedSchema>;
  readonly operations: ReadonlyMap<string, { readonly api: NamedApi; readonly operation: NamedOperation }>;
}

/** Built once per model: one model page per hoisted schema would otherwise scan every operation. */
const cache = new WeakMap<NamedModel, Lookups>();

function lookups(model: NamedModel): Lookups {
  let found = cache.get(model);
  if (!found) {
    const operations = new Map<string, { api: NamedApi; operation: NamedOperation }>();
    for (const api of model.apis) for (const operation of api.operations) if (!operations.has(operation.pointer)) operations.set(operation.pointer, { api, operation });
    found = { schemas: new Map(model.schemas.map((schema) => [schema.name, schema])), operations };
    cache.set(model, found);
  }
  return found;
}

function stepText(step: ir.InlineStep): string {
  switch (step.kind) {
    case 'property':
      return `property *${markdownInline(step.name)}*`;
    case 'items':
      return step.index === undefined ? 'the items' : `item ${step.index + 1}`;
    case 'values':
      return 'the values (additionalProperties)';
    case 'variant':
      return `member ${step.index + 1}`;
  }
}

const COMPONENT_WORD = { responses: 'response', requestBodies: 'request body', parameters: 'parameter' } as const;

function rootText(root: ir.InlineRoot, model: Lookups): string {
  switch (root.kind) {
    case 'schema': {
      const schema = model.schemas.get(root.name);
      return schema ? `[**${schema.typeName}**](${modelHref(schema)})` : 'a model';
    }
    case 'component':
      return `the shared ${COMPONENT_WORD[root.section]} *${markdownInline(root.name)}*`;
    case 'parameter':
      return `the ${root.in} parameter *${markdownInline(root.name)}* of ${operationLink(root.operation, model)}`;
    case 'requestBody':
      return `the request body (${markdownInline(root.mediaType)}) of ${operationLink(root.operation, model)}`;
    case 'response':
      return `the response \`${root.status}\` (${markdownInline(root.mediaType)}) of ${operationLink(root.operation, model)}`;
  }
}

function operationLink(pointer: string, model: Lookups): string {
  const found = model.operations.get(pointer);
  if (!found) return 'an operation';
  return `[**${found.operation.methodName}**](${found.api.className}.md#${anchorOf(found.operation.methodName)})`;
}

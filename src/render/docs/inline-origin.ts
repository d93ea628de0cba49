import type * as ir from '../../model/ir.js';
import { operationByPointer, schemaByKey, type NamedModel } from '../../names/index.js';
import { markdownInline } from '../../shared/escape.js';
import { anchorOf, modelLink } from './links.js';

/**
 * Where a hoisted inline schema was written, as markdown for its model page: "property `owner`
 * of [**Pet**](Pet.md)", "the items of the response `200` of [**listPets**](PetsApi.md#listpets)".
 */
export function describeInlineOrigin(origin: ir.SchemaOrigin, model: NamedModel): string {
  // The innermost step first: each step wraps the text of the steps before it.
  let text = rootText(origin.root, model);
  for (const step of origin.steps) text = `${stepText(step)} of ${text}`;
  return text;
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

function rootText(root: ir.InlineRoot, model: NamedModel): string {
  switch (root.kind) {
    case 'schema': {
      const schema = schemaByKey(model).get(root.name);
      return schema ? modelLink(schema) : 'a model';
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

function operationLink(pointer: string, model: NamedModel): string {
  const found = operationByPointer(model).get(pointer);
  if (!found) return 'an operation';
  return `[**${found.operation.methodName}**](${found.api.className}.md#${anchorOf(found.operation.methodName)})`;
}

import type * as ir from '../model/ir.js';
import { pascalCase } from './identifiers.js';

/** What naming a hoisted schema needs to know about the rest of the model. */
export interface InlineNameContext {
  /** Type name of a named schema already named (parents are named before what they contain). */
  typeName(schemaKey: string): string | undefined;
  /** PascalCased method name of the operation at this pointer (its first API's). */
  methodName(operationPointer: string): string | undefined;
  /** The operation at this pointer. */
  operation(operationPointer: string): ir.Operation | undefined;
}

/**
 * The type name candidates of a hoisted inline schema, best first, from where it was written:
 * `CreatePetRequest` (request body), `GetPetResponse` or `GetPet404Response` (response; the status
 * is named unless it is the operation's only 2xx with content), `ListPetsStatus` (parameter
 * `status`), `Problem` or `Direction` (a shared response or parameter component), then one word per step: `PetOwner` (property), `PetTagsItem` (array items),
 * `PetLabelsValue` (additionalProperties), `ShapeCircle` / `ShapeVariant2` (union variants: the
 * variant's constant tag property, else its position).
 */
export function inlineNameCandidates(schema: ir.NamedSchema & { readonly origin: ir.SchemaOrigin }, context: InlineNameContext): string[] {
  const { root, steps } = schema.origin;
  const words = steps.map((step, index) => stepWord(step, index === steps.length - 1 ? schema.schema : undefined)).join('');
  switch (root.kind) {
    case 'schema':
      return [(context.typeName(root.name) ?? 'Model') + words];
    case 'component': {
      const base = pascalCase(root.name) || 'Inline';
      return words === '' ? [base, base + COMPONENT_SUFFIX[root.section]] : [base + words];
    }
    case 'parameter':
      return [`${context.methodName(root.operation) ?? 'Operation'}${pascalCase(root.name) || 'Parameter'}${words}`];
    case 'requestBody':
      return [`${context.methodName(root.operation) ?? 'Operation'}${root.preferred ? '' : mediaWord(root.mediaType)}Request${words}`];
    case 'response': {
      const operation = context.operation(root.operation);
      const successes = operation?.responses.filter((response) => /^2/.test(response.status) && response.contents.length > 0) ?? [];
      const onlySuccess = /^2/.test(root.status) && successes.length === 1;
      const status = onlySuccess ? '' : root.status === 'default' ? 'Default' : root.status;
      return [`${context.methodName(root.operation) ?? 'Operation'}${status}${root.preferred ? '' : mediaWord(root.mediaType)}Response${words}`];
    }
  }
}

/** Second choice for a component's schema whose own name is taken: `ProblemResponse`. */
const COMPONENT_SUFFIX = { responses: 'Response', requestBodies: 'Request', parameters: 'Parameter' } as const;

function stepWord(step: ir.InlineStep, named: ir.Schema | undefined): string {
  switch (step.kind) {
    case 'property':
      return pascalCase(step.name) || 'Property';
    case 'items':
      return step.index === undefined ? 'Item' : `Item${step.index + 1}`;
    case 'values':
      return 'Value';
    case 'variant': {
      const tag = named ? constantTag(named) : undefined;
      return tag ?? `Variant${step.index + 1}`;
    }
  }
}

/** A variant's tag: a required property with one constant string value (`type: const circle` → `Circle`). */
function constantTag(schema: ir.Schema): string | undefined {
  const objects = schema.kind === 'object' ? [schema] : schema.kind === 'intersection' ? schema.members.filter((member) => member.kind === 'object') : [];
  for (const object of objects) {
    for (const property of object.properties) {
      const values = property.schema.kind === 'enum' ? property.schema.values : [];
      if (property.required && values.length === 1 && typeof values[0] === 'string') {
        const word = pascalCase(values[0]);
        if (/^[A-Za-z]/.test(word)) return word;
      }
    }
  }
  return undefined;
}

/** A word for a non-preferred media type: `XmlRequest`, `FormRequest`. */
function mediaWord(mediaType: string): string {
  if (/json/i.test(mediaType)) return 'Json';
  if (/x-www-form-urlencoded/i.test(mediaType)) return 'Form';
  if (/^multipart\//i.test(mediaType)) return 'Multipart';
  if (/xml/i.test(mediaType)) return 'Xml';
  if (/^text\//i.test(mediaType)) return 'Text';
  return pascalCase(mediaType.split(';')[0]!.split('/').pop() ?? '') || 'Other';
}

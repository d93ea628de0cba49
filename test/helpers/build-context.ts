import type { BuildContext, SpecObject } from '../../src/model/context.js';

/** A fresh OpenAPI 3 model-building context over `document`, as buildModel makes one (no security schemes). */
export function openApi3Context(document: SpecObject): BuildContext {
  return {
    document,
    schemaRefPrefix: '#/components/schemas/',
    diagnostics: [],
    expanding: new Set(),
    operationSchemas: new Map(),
    resolved: new Map(),
    int64: 'number',
    securitySchemes: new Map(),
  };
}

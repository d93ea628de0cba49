/**
 * The intermediate representation (IR): what oasgen understood of a spec, independent of the
 * spec version (Swagger 2.0, OpenAPI 3.0, 3.1) and of the renderers. Plain, readonly,
 * JSON-round-trippable data; both renderers, the hooks and `oasgen inspect` read it.
 */

/** The whole API. */
export interface Model {
  /** `info.title`. */
  readonly title: string;
  /** `info.version`. */
  readonly version: string;
  readonly description?: string;
  /** The dialect the spec was written in. */
  readonly specVersion: '2.0' | '3.0' | '3.1';
  /** Servers in spec order; the first one is the client's default base URL. */
  readonly servers: readonly Server[];
  /** One API per tag, in order of first appearance (tags declared in `tags` first). */
  readonly apis: readonly Api[];
  /**
   * Named schemas: components/schemas (or definitions) sorted by name, then the hoisted inline
   * schemas (`origin` set) in the order they were found, each after the schema that contains it.
   */
  readonly schemas: readonly NamedSchema[];
  /** Security schemes, sorted by name. */
  readonly securitySchemes: readonly SecurityScheme[];
}

export interface Server {
  readonly url: string;
  readonly description?: string;
  readonly variables: readonly ServerVariable[];
}

export interface ServerVariable {
  readonly name: string;
  readonly default: string;
  readonly enum?: readonly string[];
  readonly description?: string;
}

/** A group of operations sharing a tag; becomes one API class and one docs page. */
export interface Api {
  /** The tag as written in the spec (`DefaultApi`'s tag is `default`). */
  readonly tag: string;
  readonly description?: string;
  readonly operations: readonly Operation[];
}

export type HttpMethod = 'get' | 'put' | 'post' | 'delete' | 'options' | 'head' | 'patch' | 'trace';

export interface Operation {
  /** `operationId`, or one derived from method and path when the spec has none. */
  readonly operationId: string;
  /** True when `operationId` was derived rather than read from the spec. */
  readonly operationIdDerived: boolean;
  readonly method: HttpMethod;
  /** Path template as in the spec, e.g. `/sessions/{session_id}`. */
  readonly path: string;
  readonly summary?: string;
  readonly description?: string;
  readonly deprecated: boolean;
  /** Path-level and operation-level parameters merged; path parameters in path-template order first. */
  readonly parameters: readonly Parameter[];
  readonly requestBody?: RequestBody;
  /** Responses in status order (`1XX`…`5XX`, then `default`). */
  readonly responses: readonly Response[];
  /**
   * Security alternatives in force (operation-level, else global). Empty: no authorization.
   * An alternative with no schemes means anonymous access is allowed.
   */
  readonly security: readonly SecurityRequirement[];
  /**
   * Security schemes the requirement named but the spec does not define, or defines so that no
   * request can carry them (an apiKey whose `in` is not header, query or cookie), sorted. Their
   * alternatives were dropped (with a warning): when none is left, `security` is empty and the
   * client sends no credentials, but the operation is not anonymous; the docs say so.
   */
  readonly undefinedSecuritySchemes?: readonly string[];
  /** JSON pointer of the operation in the spec, for messages. */
  readonly pointer: string;
}

export type ParameterLocation = 'path' | 'query' | 'header' | 'cookie';

export interface Parameter {
  /** Wire name. */
  readonly name: string;
  readonly in: ParameterLocation;
  readonly required: boolean;
  readonly description?: string;
  readonly deprecated: boolean;
  readonly schema: Schema;
  /**
   * Serialisation style (OAS 3 `style`; Swagger 2 `collectionFormat` mapped onto it).
   * `tabDelimited` exists only in Swagger 2 (`collectionFormat: tsv`); OAS 3 has no equivalent.
   */
  readonly style: 'form' | 'simple' | 'label' | 'matrix' | 'spaceDelimited' | 'pipeDelimited' | 'tabDelimited' | 'deepObject';
  readonly explode: boolean;
  /**
   * JSON pointer of the parameter's schema in the spec (Swagger 2: the parameter itself; inside
   * components/parameters when the parameter is a `$ref`): a shared parameter's inline enum is hoisted once.
   */
  readonly pointer: string;
}

export interface RequestBody {
  readonly required: boolean;
  readonly description?: string;
  /** One entry per media type, the preferred (JSON) one first. */
  readonly contents: readonly MediaContent[];
}

export interface MediaContent {
  readonly mediaType: string;
  readonly schema: Schema;
  /**
   * JSON pointer of the schema in the spec (inside components/responses or requestBodies when the
   * response or body is a `$ref`): an inline schema shared through such a component is hoisted once.
   * Swagger 2 formData fields are spread over parameters: their object stands at the operation's
   * pointer + `/requestBody/<media type>`.
   */
  readonly pointer: string;
}

export interface Response {
  /** `200`, `2XX` or `default`. */
  readonly status: string;
  readonly description: string;
  readonly contents: readonly MediaContent[];
  readonly headers: readonly ResponseHeader[];
}

export interface ResponseHeader {
  readonly name: string;
  readonly description?: string;
  readonly schema: Schema;
}

export interface SecurityRequirement {
  readonly schemes: readonly { readonly name: string; readonly scopes: readonly string[] }[];
}

export type SecurityScheme =
  | { readonly name: string; readonly type: 'apiKey'; readonly in: 'header' | 'query' | 'cookie'; readonly parameterName: string; readonly description?: string }
  | { readonly name: string; readonly type: 'http'; readonly scheme: string; readonly bearerFormat?: string; readonly description?: string }
  | { readonly name: string; readonly type: 'oauth2' | 'openIdConnect'; readonly description?: string };

/** A schema with a name of its own; becomes one model type and one docs page. */
export interface NamedSchema {
  /**
   * The key that `ref` schemas use: the component name as in the spec, or, for a hoisted inline
   * schema, its JSON pointer (the type name is decided by the names stage from `origin`).
   */
  readonly name: string;
  readonly schema: Schema;
  /** JSON pointer of the schema in the spec. */
  readonly pointer: string;
  /** Absent for component schemas: where a hoisted inline schema was written, or whose request shape this is. */
  readonly origin?: SchemaOrigin | WritableOrigin;
  /**
   * Key of this schema's request shape (`origin.kind: 'writable'`), generated when request bodies
   * use the schema and it (or a schema it refers to) has readOnly or writeOnly properties.
   */
  readonly writable?: string;
}

/**
 * The request shape of the named schema `of`: its readOnly properties left out, its writeOnly
 * ones kept, its references to other schemas with a request shape pointing at those. (`of`
 * itself is the response shape: writeOnly properties left out.)
 */
export interface WritableOrigin {
  readonly kind: 'writable';
  readonly of: string;
}

/**
 * Where a hoisted inline schema was written: a root (a named schema, an operation's request body
 * or response, a shared response or request-body component) and the steps from it. The names
 * stage turns it into a type name (`Pet` + property `owner` → `PetOwner`).
 */
export interface SchemaOrigin {
  readonly kind: 'inline';
  readonly root: InlineRoot;
  readonly steps: readonly InlineStep[];
}

export type InlineRoot =
  /** Inside the named schema `name` (a component or another hoisted schema). */
  | { readonly kind: 'schema'; readonly name: string }
  /** An operation's request body (`operation` is the operation's pointer); `preferred`: its first media type. */
  | { readonly kind: 'requestBody'; readonly operation: string; readonly mediaType: string; readonly preferred: boolean }
  /** An operation's response for `status`. */
  | { readonly kind: 'response'; readonly operation: string; readonly status: string; readonly mediaType: string; readonly preferred: boolean }
  /** An operation's parameter (`name` and `in` as in the spec). */
  | { readonly kind: 'parameter'; readonly operation: string; readonly name: string; readonly in: ParameterLocation }
  /** A reusable response, request body or parameter (`components/responses/<name>`, Swagger 2 `responses`/`parameters`). */
  | { readonly kind: 'component'; readonly section: 'responses' | 'requestBodies' | 'parameters'; readonly name: string };

export type InlineStep =
  | { readonly kind: 'property'; readonly name: string }
  /** Array items (`index`: a tuple's prefix item). */
  | { readonly kind: 'items'; readonly index?: number }
  /** `additionalProperties`. */
  | { readonly kind: 'values' }
  /** One of several inline variants of a union (0-based). */
  | { readonly kind: 'variant'; readonly index: number };

/** Facts every schema may carry; none changes the TypeScript type. */
export interface SchemaInfo {
  readonly title?: string;
  readonly description?: string;
  readonly deprecated?: boolean;
  readonly readOnly?: boolean;
  readonly writeOnly?: boolean;
  /** `default`, kept as JSON. */
  readonly default?: JsonValue;
  /** `example` (or the first of `examples`), kept as JSON. */
  readonly example?: JsonValue;
}

export type JsonValue = null | boolean | number | string | readonly JsonValue[] | { readonly [key: string]: JsonValue };

export type Schema = SchemaInfo &
  (
    | { readonly kind: 'ref'; readonly name: string }
    | { readonly kind: 'string'; readonly format?: string }
    | { readonly kind: 'number' | 'integer'; readonly format?: string }
    | { readonly kind: 'boolean' }
    | { readonly kind: 'null' }
    /** File content: `format: binary`, Swagger 2 `type: file`. */
    | { readonly kind: 'binary' }
    /** `enum` or `const`: a closed set of literal values. */
    | { readonly kind: 'enum'; readonly values: readonly (string | number | boolean | null)[]; readonly varNames?: readonly string[] }
    | { readonly kind: 'array'; readonly items: Schema }
    | { readonly kind: 'tuple'; readonly items: readonly Schema[]; readonly rest?: Schema }
    | {
        readonly kind: 'object';
        readonly properties: readonly Property[];
        /** `additionalProperties`: false (closed), true (any value) or a schema. Absent: not stated. */
        readonly additionalProperties?: boolean | Schema;
      }
    /** `oneOf`, `anyOf`, type arrays and `nullable`. */
    | { readonly kind: 'union'; readonly variants: readonly Schema[]; readonly discriminator?: Discriminator }
    /** `allOf`. */
    | { readonly kind: 'intersection'; readonly members: readonly Schema[] }
    /** Anything goes (`{}`, `true`, unknown types). */
    | { readonly kind: 'unknown' }
  );

export interface Discriminator {
  readonly propertyName: string;
  /**
   * Discriminator value → schema name: the spec's `mapping` in spec order, then the implicit
   * values (a `$ref` member's component name) of the members the mapping leaves out.
   */
  readonly mapping: readonly DiscriminatorMapping[];
}

export interface DiscriminatorMapping {
  readonly value: string;
  /** Name of the named schema (`model.schemas[].name`). */
  readonly schema: string;
  /** True for a value the spec does not write: OAS's implicit mapping to the component name. */
  readonly implicit?: true;
}

export interface Property {
  /** Wire name, used verbatim in the generated type. */
  readonly name: string;
  readonly required: boolean;
  readonly schema: Schema;
}

/**
 * What the seed pages (Python SDK docs by openapi-generator) say each method must be, translated
 * to oasgen's TypeScript conventions (DESIGN.md): snake_case → camelCase method and parameter
 * names; Python types → TypeScript types; status `0` → `default`; the Python names of FastAPI
 * headers (`x_user_id`) → their wire names (`X-User-Id`). Nothing here is hard-coded per method:
 * every expectation is read from the page.
 */
import { parseApiPage, type PageMethod, type PageMethodRow } from '../helpers/api-page.js';

export type Location = 'path' | 'query' | 'header' | 'body';

export interface ExpectedParameter {
  /** As written in the seed (`x_user_id`). */
  readonly pythonName: string;
  /** TypeScript argument or params-object property (`xUserId`). */
  readonly identifier: string;
  /** Name on the wire (`X-User-Id`); the argument name for a body. */
  readonly wireName: string;
  readonly in: Location;
  /** TypeScript type, `null` members not included (Python prints Optional[str] as str). */
  readonly type: string;
  readonly optional: boolean;
  readonly description: string;
}

export interface ExpectedMethod {
  readonly pythonName: string;
  readonly methodName: string;
  readonly httpMethod: string;
  readonly path: string;
  readonly summary: string;
  readonly parameters: readonly ExpectedParameter[];
  readonly returnType: string;
  readonly contentType: string | undefined;
  readonly accept: string | undefined;
  /** Security scheme names required (empty: no authorization). */
  readonly security: readonly string[];
  readonly responses: readonly { readonly status: string; readonly description: string }[];
}

export interface ExpectedApi {
  readonly className: string;
  readonly methods: readonly ExpectedMethod[];
}

/** `delete_session` → `deleteSession`. */
export function snakeToCamel(name: string): string {
  return name.replace(/_([a-z0-9])/g, (_, c: string) => c.toUpperCase());
}

/** FastAPI names header parameters by snake-casing them: `x_user_id` is the header `X-User-Id`. */
function headerWireName(pythonName: string): string {
  return pythonName
    .split('_')
    .map((word) => word.charAt(0).toUpperCase() + word.slice(1))
    .join('-');
}

/** Python (openapi-generator) type text → TypeScript type text. */
export function pythonTypeToTs(type: string): string {
  const list = /^List\[(.+)\]$/.exec(type);
  if (list) {
    const item = pythonTypeToTs(list[1]!);
    return item.includes(' ') ? `(${item})[]` : `${item}[]`;
  }
  const dict = /^Dict\[str,\s*(.+)\]$/.exec(type);
  if (dict) return `Record<string, ${pythonTypeToTs(dict[1]!)}>`;
  const scalars: Record<string, string> = { str: 'string', int: 'number', float: 'number', bool: 'boolean', bytearray: 'Blob', object: 'unknown' };
  return scalars[type] ?? type;
}

/** openapi-generator prints the `default` response as status `0`. */
function statusOf(seedStatus: string): string {
  return seedStatus === '0' ? 'default' : seedStatus;
}

function locationOf(pythonName: string, linkedType: boolean, path: string): Location {
  if (path.includes(`{${pythonName}}`)) return 'path';
  // A request body is the one parameter typed by a model (openapi-generator names it `body`).
  if (linkedType) return 'body';
  if (/^x_/.test(pythonName)) return 'header';
  return 'query';
}

/** Python signature line: `SessionResponse get_session(session_id)` → return type and positional args. */
function parseSeedSignature(signature: string): { returnType: string; positional: string[] } {
  const match = /^(?:(\S+)\s+)?(\w+)\((.*)\)$/.exec(signature);
  if (!match) throw new Error(`unreadable seed signature: ${signature}`);
  const args = match[3]!.split(',').map((a) => a.trim()).filter(Boolean);
  return { returnType: match[1] ?? 'void', positional: args.filter((a) => !a.includes('=')) };
}

function expectedMethod(row: PageMethodRow, section: PageMethod): ExpectedMethod {
  const parameters = section.parameters.map((p): ExpectedParameter => {
    const location = locationOf(p.name, p.linked, row.path);
    return {
      pythonName: p.name,
      identifier: snakeToCamel(p.name),
      wireName: location === 'header' ? headerWireName(p.name) : p.name,
      in: location,
      type: pythonTypeToTs(p.type),
      optional: p.notes.includes('[optional]'),
      description: p.description.trim(),
    };
  });
  const signature = parseSeedSignature(section.signature);
  // The seed is internally consistent: its signature's positional arguments are the required parameters.
  const required = parameters.filter((p) => !p.optional).map((p) => p.pythonName);
  if (signature.positional.join() !== required.join()) {
    throw new Error(`${row.name}: seed signature (${signature.positional.join()}) disagrees with its Parameters table (${required.join()})`);
  }
  const returnType = section.returnType === 'void' ? 'void' : pythonTypeToTs(section.returnType);
  if (pythonTypeToTs(signature.returnType) !== returnType) throw new Error(`${row.name}: seed signature and Return type disagree`);
  return {
    pythonName: row.name,
    methodName: snakeToCamel(row.name),
    httpMethod: row.httpMethod.toUpperCase(),
    path: row.path,
    summary: row.description,
    parameters,
    returnType,
    contentType: section.contentType,
    accept: section.accept,
    security: [...section.authorization.matchAll(/\[([^\]]+)\]\(/g)].map((m) => m[1]!),
    responses: section.responses.map((r) => ({ status: statusOf(r.status), description: r.description.trim() })),
  };
}

/** Every documented method of a seed page, as oasgen must generate it. */
export function expectationsFromSeed(markdown: string): ExpectedApi {
  const page = parseApiPage(markdown);
  const className = page.title.split('.').pop()!;
  const methods = page.methodTable.map((row) => {
    const section = page.methods.find((m) => m.name === row.name);
    if (section === undefined) throw new Error(`${className}: ${row.name} is in the method table but has no section`);
    return expectedMethod(row, section);
  });
  return { className, methods };
}

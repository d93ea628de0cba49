/**
 * Reads a generated API class with ts-morph: each method's arguments, its params interface, its
 * return types, its `@throws` tags, and the request spec literal its Raw variant passes to
 * `this.request` (method, path, wire names and locations of parameters, media types, security).
 */
import { Node, type ClassDeclaration, type MethodDeclaration, type ObjectLiteralExpression } from 'ts-morph';

/** One parameter as some artefact shows it, in comparable form. */
export interface SeenParameter {
  readonly identifier: string;
  readonly wireName: string;
  readonly in: string;
  readonly type: string;
  readonly optional: boolean;
}

/** Sort order for parameter lists compared as sets. */
export const byIdentifier = (a: SeenParameter, b: SeenParameter) => (a.identifier < b.identifier ? -1 : a.identifier > b.identifier ? 1 : 0);

/** What the generated class says about one method. */
export interface ClassView {
  readonly signature: string;
  /** What callers see: the overload signatures when the method has overloads, else `signature`. */
  readonly signatures: string[];
  readonly returnType: string;
  readonly rawReturnType: string;
  readonly parameters: SeenParameter[];
  /** The same parameters in argument order (a params object's members in its place). */
  readonly orderedParameters: SeenParameter[];
  /** Identifiers in argument order, the params object's members in its place, `options` last. */
  readonly argumentOrder: string[];
  readonly positional: string[];
  readonly httpMethod: string;
  readonly path: string;
  readonly contentType: string | undefined;
  readonly accept: string | undefined;
  readonly apiKeyHeaders: string[];
  readonly responseKind: string;
  readonly throws: string[];
  /** The argument holding query, header and cookie parameters, when there is one. */
  readonly paramsObject: { name: string; typeName: string; optional: boolean; membersAllOptional: boolean } | undefined;
}

function literalText(literal: ObjectLiteralExpression, name: string): string | undefined {
  const property = literal.getProperty(name);
  if (property === undefined) return undefined;
  if (!Node.isPropertyAssignment(property)) throw new Error(`request spec property ${name} is not a plain assignment`);
  const initializer = property.getInitializerOrThrow();
  return Node.isStringLiteral(initializer) ? initializer.getLiteralValue() : initializer.getText();
}

/**
 * The request's Content-Type as the docs should state it: the literal, or for a selectable one
 * (`options?.contentType ?? 'application/json'`) the default plus the other media types the
 * options argument's type allows.
 */
function contentTypeOf(text: string | undefined, optionsType: string): string | undefined {
  const selectable = text === undefined ? null : /\?\.contentType \?\? '([^']*)'$/.exec(text);
  if (!selectable) return text;
  const others = [...optionsType.matchAll(/'([^']*)'/g)].map((m) => m[1]!).filter((type) => type !== selectable[1]);
  return `${selectable[1]} (default; or per call through options.contentType: ${others.join(', ')})`;
}

/** `[['X-User-Id', params.xUserId]]` or `[{ name: 'sid', value: params.sid }]` → [wire name, argument expression]. */
function wirePairs(literal: ObjectLiteralExpression, name: string): [string, string][] {
  const property = literal.getProperty(name);
  if (property === undefined) return [];
  if (!Node.isPropertyAssignment(property)) throw new Error(`${name} is not a plain assignment`);
  const array = property.getInitializerOrThrow();
  if (!Node.isArrayLiteralExpression(array)) throw new Error(`${name} is not an array literal`);
  return array.getElements().map((element): [string, string] => {
    if (Node.isArrayLiteralExpression(element)) {
      const [wire, value] = element.getElements();
      if (!wire || !Node.isStringLiteral(wire) || !value) throw new Error(`${name}: unexpected pair ${element.getText()}`);
      return [wire.getLiteralValue(), value.getText()];
    }
    if (Node.isObjectLiteralExpression(element)) return [literalText(element, 'name')!, literalText(element, 'value')!];
    throw new Error(`${name}: unexpected element ${element.getText()}`);
  });
}

function requestSpec(raw: MethodDeclaration): ObjectLiteralExpression {
  const call = raw.getDescendants().find((n) => Node.isCallExpression(n) && n.getExpression().getText() === 'this.request');
  const spec = call && Node.isCallExpression(call) ? call.getArguments()[0] : undefined;
  if (!spec || !Node.isObjectLiteralExpression(spec)) throw new Error(`${raw.getName()} does not call this.request({...})`);
  return spec;
}

/** Reads one method (and its Raw variant's request spec) of a generated API class. */
export function classView(cls: ClassDeclaration, methodName: string): ClassView {
  const method = cls.getMethodOrThrow(methodName);
  const raw = cls.getMethodOrThrow(`${methodName}Raw`);
  const spec = requestSpec(raw);
  const sourceFile = cls.getSourceFile();
  const args = method.getParameters().map((p) => ({
    name: p.getName(),
    type: p.getTypeNodeOrThrow().getText(),
    optional: p.hasQuestionToken() || p.hasInitializer(),
  }));
  // `body: X | undefined` (an optional body before a required params object) is an optional X.
  const argTypes = args.map((a) => (!a.optional && a.type.endsWith(' | undefined') ? { ...a, type: a.type.slice(0, -' | undefined'.length), optional: true } : a));
  // Which argument expression carries which wire name, and where.
  const wires = new Map<string, { wireName: string; in: string }>();
  for (const [location, key] of [['path', 'pathParams'], ['query', 'query'], ['header', 'headers'], ['cookie', 'cookies']] as const) {
    for (const [wireName, expression] of wirePairs(spec, key)) wires.set(expression, { wireName, in: location });
  }
  const bodyExpression = literalText(spec, 'body');
  const parameters: SeenParameter[] = [];
  const positional: string[] = [];
  let paramsObject: ClassView['paramsObject'];
  for (const arg of argTypes) {
    // The trailing options: `RequestOptions`, or with a selectable `contentType` (several request media types).
    if (arg.type === 'RequestOptions' || arg.type.startsWith('RequestOptions & ')) continue;
    const wire = wires.get(arg.name);
    if (wire !== undefined || arg.name === bodyExpression) {
      positional.push(arg.name);
      parameters.push({ identifier: arg.name, wireName: wire?.wireName ?? arg.name, in: wire?.in ?? 'body', type: arg.type, optional: arg.optional });
      continue;
    }
    // The params object: its interface holds the query, header and cookie parameters.
    positional.push('<params>');
    const members = sourceFile.getInterfaceOrThrow(arg.type).getProperties();
    paramsObject = { name: arg.name, typeName: arg.type, optional: arg.optional, membersAllOptional: members.every((m) => m.hasQuestionToken()) };
    for (const member of members) {
      const wire = wires.get(`${arg.name}.${member.getName()}`);
      if (wire === undefined) throw new Error(`${methodName}: ${arg.name}.${member.getName()} is never sent`);
      parameters.push({ identifier: member.getName(), ...wire, type: member.getTypeNodeOrThrow().getText(), optional: member.hasQuestionToken() });
    }
  }
  const signatureArgs = args.map((a) => `${a.name}${a.optional ? '?' : ''}: ${a.type}`).join(', ');
  const returnType = method.getReturnTypeNodeOrThrow().getText();
  const security = literalText(spec, 'security') ?? '';
  const overloadSignatures = method.getOverloads().map((overload) => {
    const list = overload.getParameters().map((p) => `${p.getName()}${p.hasQuestionToken() ? '?' : ''}: ${p.getTypeNodeOrThrow().getText()}`);
    return `${methodName}(${list.join(', ')}): ${overload.getReturnTypeNodeOrThrow().getText()}`;
  });
  return {
    signature: `${methodName}(${signatureArgs}): ${returnType}`,
    signatures: overloadSignatures.length > 0 ? overloadSignatures : [`${methodName}(${signatureArgs}): ${returnType}`],
    returnType,
    rawReturnType: raw.getReturnTypeNodeOrThrow().getText(),
    argumentOrder: [...parameters.map((p) => p.identifier), ...args.filter((a) => a.type === 'RequestOptions' || a.type.startsWith('RequestOptions & ')).map((a) => a.name)],
    parameters: [...parameters].sort(byIdentifier),
    orderedParameters: parameters,
    positional,
    httpMethod: literalText(spec, 'method') ?? '',
    path: literalText(spec, 'path') ?? '',
    contentType: contentTypeOf(literalText(spec, 'contentType'), args.at(-1)?.type ?? ''),
    accept: literalText(spec, 'accept'),
    apiKeyHeaders: [...security.matchAll(/type: 'apiKey', in: 'header', name: '([^']*)'/g)].map((m) => m[1]!),
    responseKind: literalText(spec, 'responseKind') ?? '',
    paramsObject,
    throws: method.getJsDocs().flatMap((doc) => doc.getTags().filter((t) => t.getTagName() === 'throws').map((t) => t.getText().replace(/^@throws\s+/, '').replace(/[\s*]+$/, ''))),
  };
}

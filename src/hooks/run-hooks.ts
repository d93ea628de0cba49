import type { SourceFile } from 'ts-morph';
import { groupByFile, isPlainIdentifier, RESERVED_WORDS, type NamedModel } from '../names/index.js';
import { UserError } from '../shared/errors.js';
import { loadTsMorph } from '../shared/ts-morph.js';
import type { LoadedHooks, SourceFileInfo } from './hooks.js';
import { hookError } from './load-hooks.js';

/** Runs `transformModel` on a copy of the model (the caller's stays as it was); returns the model to render. */
export async function runModelHook(hooks: LoadedHooks, model: NamedModel): Promise<NamedModel> {
  if (!hooks.transformModel) return model;
  const copy = structuredClone(model) as NamedModel;
  let returned: NamedModel | void;
  try {
    returned = await hooks.transformModel(copy);
  } catch (error) {
    throw hookError(hooks, 'transformModel', 'failed', error);
  }
  const result = returned ?? copy;
  if (typeof result !== 'object' || result === null || !Array.isArray(result.apis) || !Array.isArray(result.schemas)) {
    throw new UserError('hook transformModel must return the model (an object with apis and schemas) or nothing', { file: hooks.origin });
  }
  assertIdentifiers(hooks, result);
  return result;
}

/** Names a hook changed must still be identifiers: the message names the field by JSON pointer. */
function assertIdentifiers(hooks: LoadedHooks, model: NamedModel): void {
  // Bindings (classes, types, arguments) cannot be reserved words; members (methods, properties) can.
  const check = (pointer: string, value: unknown, { optional = false, binding = true } = {}) => {
    if (optional && value === undefined) return;
    if (typeof value !== 'string' || !isPlainIdentifier(value) || (binding && RESERVED_WORDS.has(value))) {
      throw new UserError(`hook transformModel set ${pointer} to ${JSON.stringify(value)}, which is not a usable TypeScript identifier`, { file: hooks.origin });
    }
  };
  model.apis.forEach((api, a) => {
    check(`/apis/${a}/className`, api.className);
    api.operations.forEach((operation, o) => {
      const at = `/apis/${a}/operations/${o}`;
      for (const key of ['methodName', 'rawMethodName'] as const) check(`${at}/${key}`, operation[key], { binding: false });
      check(`${at}/optionsName`, operation.optionsName);
      for (const key of ['bodyName', 'paramsName', 'paramsTypeName', 'errorTypeName'] as const) check(`${at}/${key}`, operation[key], { optional: true });
      operation.parameters.forEach((parameter, p) => check(`${at}/parameters/${p}/identifier`, parameter.identifier, { binding: parameter.in === 'path' }));
    });
  });
  model.schemas.forEach((schema, s) => check(`/schemas/${s}/typeName`, schema.typeName));
}

/**
 * The `onSourceFile` callback of the TypeScript renderer: runs `transformSourceFile` and, when it
 * changed the file, checks that the file still parses (a syntax error names the hook and the line).
 */
export function sourceFileHook(hooks: LoadedHooks, model: NamedModel): ((file: SourceFile, info: { readonly path: string }) => void) | undefined {
  const transform = hooks.transformSourceFile;
  if (!transform) return undefined;
  const apis = new Map(model.apis.map((api) => [api.fileName, api]));
  const modelFiles = groupByFile(model.schemas, 'fileName');
  return (file, { path }) => {
    const api = apis.get(path);
    const schemas = modelFiles.get(path);
    const schema = schemas?.[0];
    const info: SourceFileInfo = {
      path,
      kind: api ? 'api' : schema ? 'model' : path === 'runtime.ts' ? 'runtime' : 'index',
      ...(api ? { api } : {}),
      ...(schema ? { schema, schemas } : {}),
      model,
    };
    const before = file.getFullText();
    let returned: unknown;
    try {
      returned = transform(file, info);
    } catch (error) {
      throw hookError(hooks, 'transformSourceFile', `failed on ${path}`, error);
    }
    if (returned !== undefined && typeof (returned as { then?: unknown }).then === 'function') {
      throw new UserError(`hook transformSourceFile returned a promise for ${path}: it must change the file synchronously`, { file: hooks.origin });
    }
    const after = file.getFullText();
    if (after !== before) assertParses(hooks, 'transformSourceFile', path, after);
  };
}

/**
 * After `transformModel`, every TypeScript file is checked: names it changed (a `methodName`
 * with a space, say) reach every file, and must not produce code that does not parse.
 */
export function checkModelHookOutput(hooks: LoadedHooks, files: ReadonlyMap<string, string>): void {
  if (!hooks.transformModel) return;
  for (const [path, text] of files) if (path.endsWith('.ts')) assertParses(hooks, 'transformModel', path, text);
}

/** Syntactic diagnostics only: cheap, and exactly what a hook can break on its own. */
function assertParses(hooks: LoadedHooks, hook: string, path: string, text: string): void {
  const { ts } = loadTsMorph();
  const { diagnostics = [] } = ts.transpileModule(text, {
    fileName: path,
    reportDiagnostics: true,
    compilerOptions: { target: ts.ScriptTarget.ES2022, module: ts.ModuleKind.ESNext, isolatedModules: false },
  });
  const first = diagnostics.find((diagnostic) => diagnostic.category === ts.DiagnosticCategory.Error && diagnostic.file !== undefined);
  if (!first) return;
  const { line, character } = first.file!.getLineAndCharacterOfPosition(first.start ?? 0);
  const source = text.split('\n')[line]?.trim() ?? '';
  const message = ts.flattenDiagnosticMessageText(first.messageText, ' ');
  throw new UserError(
    `hook ${hook} made ${path} invalid TypeScript: ${path}:${line + 1}:${character + 1}: ${message}${source ? ` (near \`${source.slice(0, 80)}\`)` : ''}`,
    { file: hooks.origin },
  );
}

import { readFile } from 'node:fs/promises';
import path from 'node:path';
import yaml from 'js-yaml';
import { INT64_MAPPINGS, type Int64Mapping } from '../model/index.js';
import { UserError } from '../shared/errors.js';

/** The default config file name, looked up in the current folder. */
export const CONFIG_FILE = 'oasgen.config.json';

/** One client to generate, with paths resolved against the config file's folder. */
export interface ClientConfig {
  /** Name shown in messages: the output folder's base name. */
  readonly name: string;
  readonly input: string;
  readonly output: string;
  readonly templates?: string;
  readonly hooks?: string;
  /** How `format: int64` integers are typed (`--int64`). */
  readonly int64?: Int64Mapping;
}

const CLIENT_KEYS = new Set(['input', 'output', 'templates', 'hooks', 'int64']);

/** Reads and checks `oasgen.config.json`; errors name the file and the offending key. */
export async function loadConfig(file: string): Promise<ClientConfig[]> {
  let text: string;
  try {
    text = await readFile(file, 'utf8');
  } catch {
    throw new UserError(`config file not found; create one with {"clients": [{"input": "spec.yaml", "output": "generated/api"}]} or pass --input and --output`, { file });
  }
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch (error) {
    const message = (error as Error).message.replace(/ in JSON at position \d+.*$/s, '').replace(/, ".*" is not valid JSON$/s, '');
    throw new UserError(`config is not valid JSON: ${message}`, { file, ...jsonErrorLocation(text, (error as Error).message) });
  }
  const base = path.dirname(path.resolve(file));
  if (typeof parsed !== 'object' || parsed === null || Array.isArray(parsed)) throw new UserError('the config must be an object: { "clients": [ … ] }', { file });
  for (const key of Object.keys(parsed)) {
    if (key !== 'clients' && key !== '$schema') throw new UserError(`unknown key "${key}" (expected "clients")`, { file, pointer: `/${key}` });
  }
  if (!Array.isArray((parsed as { clients?: unknown }).clients)) {
    throw new UserError('"clients" must be an array of { "input", "output", "templates"?, "hooks"? }', { file, pointer: '/clients' });
  }
  const clients = (parsed as { clients: unknown[] }).clients;
  if (clients.length === 0) throw new UserError('"clients" is empty', { file, pointer: '/clients' });
  const outputs = new Map<string, number>();
  return clients.map((client, index) => {
    const pointer = `/clients/${index}`;
    if (typeof client !== 'object' || client === null || Array.isArray(client)) throw new UserError('each client must be an object', { file, pointer });
    const record = client as Record<string, unknown>;
    for (const key of Object.keys(record)) {
      if (!CLIENT_KEYS.has(key)) throw new UserError(`unknown key "${key}" (expected input, output, templates, hooks, int64)`, { file, pointer: `${pointer}/${key}` });
    }
    const pathOf = (key: string, required: boolean): string | undefined => {
      const value = record[key];
      if (value === undefined && !required) return undefined;
      if (typeof value !== 'string' || value.trim() === '') throw new UserError(`"${key}" must be a non-empty string (a path relative to the config file)`, { file, pointer: `${pointer}/${key}` });
      // A spec URL stays a URL (fetched only with --allow-remote); everything else is a path.
      return key === 'input' && /^https?:\/\//i.test(value) ? value : path.resolve(base, value);
    };
    const output = pathOf('output', true)!;
    const earlier = outputs.get(output);
    if (earlier !== undefined) {
      throw new UserError(`"output" is the same folder as /clients/${earlier}/output; each client needs its own (each owns its folder through its manifest)`, { file, pointer: `${pointer}/output` });
    }
    outputs.set(output, index);
    const templates = pathOf('templates', false);
    const hooks = pathOf('hooks', false);
    const int64 = record['int64'];
    if (int64 !== undefined && !(INT64_MAPPINGS as readonly unknown[]).includes(int64)) {
      throw new UserError(`"int64" must be one of ${INT64_MAPPINGS.map((m) => `"${m}"`).join(', ')}`, { file, pointer: `${pointer}/int64` });
    }
    return {
      name: path.basename(output),
      input: pathOf('input', true)!,
      output,
      ...(templates !== undefined ? { templates } : {}),
      ...(hooks !== undefined ? { hooks } : {}),
      ...(int64 !== undefined ? { int64: int64 as Int64Mapping } : {}),
    };
  });
}

/** Line and column of a JSON.parse error (V8 reports a character position). */
function jsonErrorLocation(text: string, message: string): { line: number; column: number } | Record<string, never> {
  const position = /at position (\d+)/.exec(message)?.[1];
  if (position === undefined) {
    if (text.trim() === '') return { line: 1, column: 1 };
    // V8 leaves the position out of some messages; js-yaml (JSON is nearly YAML) usually finds it.
    try {
      yaml.load(text);
    } catch (yamlError) {
      const mark = (yamlError as { mark?: { line: number; column: number } }).mark;
      if (mark) return { line: mark.line + 1, column: mark.column + 1 };
    }
    return {};
  }
  const before = text.slice(0, Number(position));
  const lines = before.split('\n');
  return { line: lines.length, column: lines[lines.length - 1]!.length + 1 };
}

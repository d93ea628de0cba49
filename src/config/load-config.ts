import { readFile } from 'node:fs/promises';
import path from 'node:path';
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
}

const CLIENT_KEYS = new Set(['input', 'output', 'templates', 'hooks']);

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
    const message = (error as Error).message;
    throw new UserError(`config is not valid JSON: ${message.replace(/ in JSON at position \d+.*$/s, '')}`, { file, ...jsonErrorLocation(text, message) });
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
  return clients.map((client, index) => {
    const pointer = `/clients/${index}`;
    if (typeof client !== 'object' || client === null || Array.isArray(client)) throw new UserError('each client must be an object', { file, pointer });
    const record = client as Record<string, unknown>;
    for (const key of Object.keys(record)) {
      if (!CLIENT_KEYS.has(key)) throw new UserError(`unknown key "${key}" (expected input, output, templates, hooks)`, { file, pointer: `${pointer}/${key}` });
    }
    const pathOf = (key: string, required: boolean): string | undefined => {
      const value = record[key];
      if (value === undefined && !required) return undefined;
      if (typeof value !== 'string' || value.trim() === '') throw new UserError(`"${key}" must be a non-empty string (a path relative to the config file)`, { file, pointer: `${pointer}/${key}` });
      return path.resolve(base, value);
    };
    const output = pathOf('output', true)!;
    const templates = pathOf('templates', false);
    const hooks = pathOf('hooks', false);
    return {
      name: path.basename(output),
      input: pathOf('input', true)!,
      output,
      ...(templates !== undefined ? { templates } : {}),
      ...(hooks !== undefined ? { hooks } : {}),
    };
  });
}

/** Line and column of a JSON.parse error (V8 reports a character position). */
function jsonErrorLocation(text: string, message: string): { line: number; column: number } | Record<string, never> {
  const position = /at position (\d+)/.exec(message)?.[1];
  if (position === undefined) return text.trim() === '' ? { line: 1, column: 1 } : {};
  const before = text.slice(0, Number(position));
  const lines = before.split('\n');
  return { line: lines.length, column: lines[lines.length - 1]!.length + 1 };
}

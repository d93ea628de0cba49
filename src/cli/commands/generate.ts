import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { CONFIG_FILE, loadConfig, type ClientConfig } from '../../config/index.js';
import type { Int64Mapping } from '../../model/index.js';
import type { GenerateResult, Stage } from '../../pipeline.js';
import { displayPointer, UserError, type Diagnostic } from '../../shared/errors.js';
import { diffOutput, StagedOutput, writeOutput, type WriteResult } from '../../write/index.js';
import { displayPath } from '../display.js';
import { ExitCode } from '../exit-codes.js';

/** The flags of `oasgen generate`. */
export interface GenerateArgs {
  readonly input: string | undefined;
  readonly output: string | undefined;
  readonly templates: string | undefined;
  readonly hooks: string | undefined;
  /** Undefined: `oasgen.config.json` in the current folder. */
  readonly config: string | undefined;
  readonly check: boolean;
  readonly strict: boolean;
  readonly allowRemote: boolean;
  readonly quiet: boolean;
  readonly timings: boolean;
  /** Overrides every client's `int64` when given. */
  readonly int64: Int64Mapping | undefined;
}

/** The order `--timings` prints stages in (the order they run). */
const STAGES: readonly Stage[] = ['load', 'model', 'names', 'hooks', 'render-docs', 'render-ts', 'write'];

/**
 * `oasgen generate`: one client from flags, or every client of the config file. Every client is
 * rendered first; only when all succeeded is any output folder changed, so a failing run leaves
 * every output folder as it was. (A new output folder is staged in a hidden sibling while its
 * client renders, and renamed into place only then.)
 */
export async function runGenerate(args: GenerateArgs): Promise<number> {
  const clients = await resolveClients(args);
  // Loaded only now: a config or usage error answers without loading handlebars and swagger-parser.
  const { generate } = await import('../../pipeline.js');
  const rendered: { client: ClientConfig; result: GenerateResult; ms: number; staged: StagedOutput | undefined }[] = [];
  let staged: StagedOutput | undefined;
  try {
    for (const client of clients) {
      const start = performance.now();
      staged = args.check ? undefined : await StagedOutput.open(client.output);
      const result = await generate({
        input: client.input,
        strict: args.strict,
        allowRemote: args.allowRemote,
        ...(client.templates !== undefined ? { templates: client.templates } : {}),
        ...(client.hooks !== undefined ? { hooks: client.hooks } : {}),
        ...(client.int64 !== undefined ? { int64: client.int64 } : {}),
        ...(staged ? { onFile: staged.add.bind(staged) } : {}),
      });
      rendered.push({ client, result, ms: performance.now() - start, staged });
      staged = undefined;
      printDiagnostics(result.diagnostics, client.input);
    }
  } catch (error) {
    await Promise.all([staged, ...rendered.map((run) => run.staged)].map((output) => output?.discard()));
    throw error;
  }
  let exitCode: number = ExitCode.Ok;
  for (const { client, result, ms, staged: output } of rendered) {
    const code = args.check ? await checkClient(client, result, args) : await writeClient(client, result, ms, args, output);
    if (code !== ExitCode.Ok) exitCode = code;
  }
  return exitCode;
}

async function resolveClients(args: GenerateArgs): Promise<ClientConfig[]> {
  const overrides = {
    ...(args.templates !== undefined ? { templates: path.resolve(args.templates) } : {}),
    ...(args.hooks !== undefined ? { hooks: path.resolve(args.hooks) } : {}),
    ...(args.int64 !== undefined ? { int64: args.int64 } : {}),
  };
  if (args.input !== undefined || args.output !== undefined) {
    if (args.config !== undefined) throw new UserError('--config lists the clients; give either --config or --input and --output, not both');
    if (args.input === undefined) throw new UserError('--output needs --input (the spec to generate from)');
    if (args.output === undefined) throw new UserError('--input needs --output (the folder to write the client to)');
    const output = path.resolve(args.output);
    // A URL stays a URL: the loader fetches it (its host only, unless --allow-remote).
    const input = /^https?:\/\//i.test(args.input) ? args.input : path.resolve(args.input);
    return [{ name: path.basename(output), input, output, ...overrides }];
  }
  const clients = await loadConfig(path.resolve(args.config ?? CONFIG_FILE));
  return clients.map((client) => ({ ...client, ...overrides }));
}

/** Warnings go to stderr: `oasgen: warning: specs/api.yaml at /paths/~1users/get: …`. */
function printDiagnostics(diagnostics: readonly Diagnostic[], input: string): void {
  for (const diagnostic of diagnostics) {
    const where = diagnostic.pointer !== undefined ? ` at ${displayPointer(diagnostic.pointer)}` : '';
    process.stderr.write(`oasgen: ${diagnostic.severity}: ${displayPath(diagnostic.file ?? input)}${where}: ${diagnostic.message}\n`);
  }
}

function printTimings(name: string, timings: Partial<Record<Stage, number>>): void {
  const parts = STAGES.filter((stage) => timings[stage] !== undefined).map((stage) => `${stage} ${timings[stage]!.toFixed(1)} ms`);
  process.stdout.write(`${name} timings: ${parts.join(', ')}\n`);
}

const plural = (n: number, word: string) => `${n} ${word}${n === 1 ? '' : 's'}`;

/** `identity: 1 API, 3 operations, 3 models` */
function describe(client: ClientConfig, result: GenerateResult): string {
  const operations = result.model.apis.reduce((sum, api) => sum + api.operations.length, 0);
  return `${client.name}: ${plural(result.model.apis.length, 'API')}, ${plural(operations, 'operation')}, ${plural(result.model.schemas.length, 'model')}`;
}

async function writeClient(client: ClientConfig, result: GenerateResult, renderMs: number, args: GenerateArgs, staged: StagedOutput | undefined): Promise<number> {
  const start = performance.now();
  const written: WriteResult = await writeOutput(client.output, result.files, staged);
  const writeMs = performance.now() - start;
  for (const file of written.skipped) {
    process.stderr.write(
      `oasgen: warning: ${displayPath(path.join(client.output, file))} exists and was not written by oasgen; left unchanged (move it away to let oasgen generate it)\n`,
    );
  }
  if (!args.quiet) {
    const deleted = written.deleted.length > 0 ? `, ${written.deleted.length} deleted` : '';
    const files = result.files.size - written.skipped.length;
    process.stdout.write(
      `${describe(client, result)} → ${displayPath(client.output)} (${plural(files, 'file')}, ${written.written.length} changed${deleted}) in ${Math.round(renderMs + writeMs)} ms\n`,
    );
  }
  if (args.timings) printTimings(client.name, { ...result.timings, write: writeMs });
  return ExitCode.Ok;
}

async function checkClient(client: ClientConfig, result: GenerateResult, args: GenerateArgs): Promise<number> {
  const diff = await diffOutput(client.output, result.files);
  const lines = [
    ...diff.changed.map((file) => `  changed: ${file}`),
    ...diff.foreign.map((file) => `  changed (not written by oasgen): ${file}`),
    ...diff.missing.map((file) => `  missing: ${file}`),
    ...diff.stale.map((file) => `  would be deleted: ${file}`),
  ];
  if (args.timings) printTimings(client.name, result.timings);
  if (lines.length === 0) {
    if (!args.quiet) process.stdout.write(`${describe(client, result)} → ${displayPath(client.output)} is up to date\n`);
    return ExitCode.Ok;
  }
  process.stderr.write(`oasgen: ${client.name}: ${displayPath(client.output)} is stale (${plural(lines.length, 'file')}):\n${lines.join('\n')}\nFix: run \`${fixCommand(args)}\`\n`);
  return ExitCode.Stale;
}

/** The command that brings the output up to date: the same one, without --check. */
function fixCommand(args: GenerateArgs): string {
  const quote = (value: string) => (/^[\w./:@-]+$/.test(value) ? value : `'${value.replace(/'/g, `'\\''`)}'`);
  const parts = ['oasgen generate'];
  if (args.input !== undefined) parts.push(`--input ${quote(args.input)}`);
  if (args.output !== undefined) parts.push(`--output ${quote(args.output)}`);
  if (args.config !== undefined) parts.push(`--config ${quote(args.config)}`);
  if (args.templates !== undefined) parts.push(`--templates ${quote(args.templates)}`);
  if (args.hooks !== undefined) parts.push(`--hooks ${quote(args.hooks)}`);
  if (args.strict) parts.push('--strict');
  if (args.allowRemote) parts.push('--allow-remote');
  return parts.join(' ');
}

import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { CONFIG_FILE, loadConfig, type ClientConfig } from '../../config/index.js';
import { generate, type Stage } from '../../pipeline.js';
import { UserError, type Diagnostic } from '../../shared/errors.js';
import { diffOutput, writeOutput } from '../../write/index.js';
import { ExitCode } from '../exit-codes.js';

export interface GenerateArgs {
  readonly input: string | undefined;
  readonly output: string | undefined;
  readonly templates: string | undefined;
  readonly config: string;
  readonly check: boolean;
  readonly strict: boolean;
  readonly allowRemote: boolean;
  readonly quiet: boolean;
  readonly timings: boolean;
}

/** `oasgen generate`: one client from flags, or every client of the config file. */
export async function runGenerate(args: GenerateArgs): Promise<number> {
  const clients = await resolveClients(args);
  let exitCode: number = ExitCode.Ok;
  for (const client of clients) {
    const code = args.check ? await checkClient(client, args) : await generateClient(client, args);
    if (code !== ExitCode.Ok) exitCode = code;
  }
  return exitCode;
}

async function resolveClients(args: GenerateArgs): Promise<ClientConfig[]> {
  if (args.input !== undefined || args.output !== undefined) {
    if (args.input === undefined) throw new UserError('--output needs --input (the spec to generate from)');
    if (args.output === undefined) throw new UserError('--input needs --output (the folder to write the client to)');
    const output = path.resolve(args.output);
    return [
      {
        name: path.basename(output),
        // A URL stays a URL: the loader fetches it (its host only, unless --allow-remote).
        input: /^https?:\/\//i.test(args.input) ? args.input : path.resolve(args.input),
        output,
        ...(args.templates !== undefined ? { templates: path.resolve(args.templates) } : {}),
      },
    ];
  }
  const clients = await loadConfig(path.resolve(args.config ?? CONFIG_FILE));
  return args.templates === undefined ? clients : clients.map((client) => ({ ...client, templates: path.resolve(args.templates!) }));
}

function display(file: string): string {
  const relative = path.relative(process.cwd(), file);
  return relative && !relative.startsWith('..') && !path.isAbsolute(relative) ? relative : file;
}

function printDiagnostics(diagnostics: readonly Diagnostic[], input: string): void {
  for (const diagnostic of diagnostics) {
    const where = diagnostic.pointer !== undefined ? ` at ${diagnostic.pointer || '/'}` : '';
    process.stderr.write(`oasgen: ${diagnostic.severity}: ${display(input)}${where}: ${diagnostic.message}\n`);
  }
}

function printTimings(name: string, timings: Partial<Record<Stage, number>>): void {
  const parts = Object.entries(timings).map(([stage, ms]) => `${stage} ${ms.toFixed(1)} ms`);
  process.stdout.write(`${name} timings: ${parts.join(', ')}\n`);
}

async function runPipeline(client: ClientConfig, args: GenerateArgs) {
  return generate({
    input: client.input,
    strict: args.strict,
    allowRemote: args.allowRemote,
    ...(client.templates !== undefined ? { templates: client.templates } : {}),
  });
}

async function generateClient(client: ClientConfig, args: GenerateArgs): Promise<number> {
  const start = performance.now();
  const result = await runPipeline(client, args);
  printDiagnostics(result.diagnostics, client.input);
  const writeStart = performance.now();
  const written = await writeOutput(client.output, result.files);
  const timings = { ...result.timings, write: performance.now() - writeStart };
  for (const file of written.skipped) {
    process.stderr.write(`oasgen: warning: ${display(path.join(client.output, file))} exists and was not written by oasgen; left unchanged\n`);
  }
  if (!args.quiet) {
    const operations = result.model.apis.reduce((sum, api) => sum + api.operations.length, 0);
    const plural = (n: number, word: string) => `${n} ${word}${n === 1 ? '' : 's'}`;
    process.stdout.write(
      `${client.name}: ${plural(result.model.apis.length, 'API')}, ${plural(operations, 'operation')}, ${plural(result.model.schemas.length, 'model')} → ` +
        `${display(client.output)} (${plural(result.files.size, 'file')}, ${written.written.length} changed` +
        `${written.deleted.length > 0 ? `, ${written.deleted.length} deleted` : ''}) in ${Math.round(performance.now() - start)} ms\n`,
    );
  }
  if (args.timings) printTimings(client.name, timings);
  return ExitCode.Ok;
}

async function checkClient(client: ClientConfig, args: GenerateArgs): Promise<number> {
  const result = await runPipeline(client, args);
  printDiagnostics(result.diagnostics, client.input);
  const diff = await diffOutput(client.output, result.files);
  const lines = [
    ...diff.changed.map((file) => `  changed: ${file}`),
    ...diff.foreign.map((file) => `  changed (not written by oasgen): ${file}`),
    ...diff.missing.map((file) => `  missing: ${file}`),
    ...diff.stale.map((file) => `  would be deleted: ${file}`),
  ];
  if (args.timings) printTimings(client.name, result.timings);
  if (lines.length === 0) {
    if (!args.quiet) process.stdout.write(`${client.name}: up to date (${display(client.output)})\n`);
    return ExitCode.Ok;
  }
  process.stderr.write(`oasgen: ${client.name}: ${display(client.output)} is stale:\n${lines.join('\n')}\nRun "oasgen generate" (in this repo: npm run generate) to update it.\n`);
  return ExitCode.Stale;
}

import path from 'node:path';
import { loadHooks, runModelHook } from '../../hooks/index.js';
import { buildModel, type Int64Mapping } from '../../model/index.js';
import { assignNames } from '../../names/index.js';
import { loadSpec } from '../../load/index.js';
import { displayPath } from '../display.js';
import { ExitCode } from '../exit-codes.js';

/** The flags of `oasgen inspect`. */
export interface InspectArgs {
  readonly input: string;
  /** A hooks module: print the model after its `transformModel`, as templates then receive it. */
  readonly hooks: string | undefined;
  readonly allowRemote: boolean;
  readonly int64: Int64Mapping | undefined;
}

/** `oasgen inspect`: the named IR, i.e. the model every template and hook receives, as JSON. */
export async function runInspect(args: InspectArgs): Promise<number> {
  const spec = await loadSpec(args.input, { validate: false, allowRemote: args.allowRemote });
  let model = assignNames(buildModel(spec, args.int64 !== undefined ? { int64: args.int64 } : {}).model);
  if (args.hooks !== undefined) {
    const { hooks, diagnostics } = await loadHooks(path.resolve(args.hooks));
    for (const diagnostic of diagnostics) process.stderr.write(`oasgen: ${diagnostic.severity}: ${displayPath(diagnostic.file ?? args.hooks)}: ${diagnostic.message}\n`);
    model = await runModelHook(hooks, model);
  }
  process.stdout.write(JSON.stringify(model, null, 2) + '\n');
  return ExitCode.Ok;
}

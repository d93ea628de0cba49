import { buildModel } from '../../model/index.js';
import { assignNames } from '../../names/index.js';
import { loadSpec } from '../../load/index.js';
import { ExitCode } from '../exit-codes.js';

/** `oasgen inspect`: the named IR, i.e. the model every template and hook receives, as JSON. */
export async function runInspect(args: { readonly input: string }): Promise<number> {
  const spec = await loadSpec(args.input, { validate: false });
  const model = assignNames(buildModel(spec).model);
  process.stdout.write(JSON.stringify(model, null, 2) + '\n');
  return ExitCode.Ok;
}

import { cp, mkdir, stat } from 'node:fs/promises';
import path from 'node:path';
import { DEFAULT_TEMPLATES_DIR, listTemplates } from '../../render/docs/index.js';
import { UserError } from '../../shared/errors.js';
import { ExitCode } from '../exit-codes.js';

/** `oasgen templates --eject <dir>`: copies the default templates and their README. */
export async function runTemplates(args: { readonly eject: string }): Promise<number> {
  const target = path.resolve(args.eject);
  const files = [...listTemplates(DEFAULT_TEMPLATES_DIR), 'README.md'];
  for (const file of files) {
    const exists = await stat(path.join(target, file)).then(
      () => true,
      () => false,
    );
    if (exists) throw new UserError(`${file} already exists there; eject into a new or empty folder`, { file: target });
  }
  await mkdir(target, { recursive: true });
  for (const file of files) {
    await mkdir(path.dirname(path.join(target, file)), { recursive: true });
    await cp(path.join(DEFAULT_TEMPLATES_DIR, file), path.join(target, file));
  }
  process.stdout.write(`Copied ${files.length} files to ${args.eject}. Edit any of them, delete the rest, and pass --templates ${args.eject}.\n`);
  return ExitCode.Ok;
}

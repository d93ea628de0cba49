import { readFileSync } from 'node:fs';

/** oasgen's own version, from its package.json (resolved from this module, never from cwd). */
export const GENERATOR_VERSION: string = (
  JSON.parse(readFileSync(new URL('../../package.json', import.meta.url), 'utf8')) as { version: string }
).version;

import path from 'node:path';

/** A path as the user would type it: relative to the current folder when inside it, else absolute. */
export function displayPath(file: string): string {
  if (/^[a-z][a-z0-9+.-]*:\/\//i.test(file)) return file; // a URL (--allow-remote)
  const relative = path.relative(process.cwd(), file);
  return relative && !relative.startsWith('..') && !path.isAbsolute(relative) ? relative : file;
}

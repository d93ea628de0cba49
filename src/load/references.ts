import { realpath } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { decodePointerToken, pointerJoin, UserError } from '../shared/errors.js';
import type { Limits } from './limits.js';
import { parseDocument } from './parse-document.js';
import { ReferenceSites, type FoundReferences } from './reference-sites.js';
import { readLocalText, type SpecText } from './read-local.js';
import { assertFetchAllowed, readRemoteText, type RemotePolicy } from './read-remote.js';

/** One parsed file (or URL) of a spec. */
export interface SpecDocument extends SpecText {
  /** `file:` or `http(s):` URL, without fragment. */
  readonly location: URL;
  /** How messages name it (as the user typed it, or relative to the spec's folder). */
  readonly shown: string;
  readonly document: unknown;
  /** Its `$ref`s (`findReferences`): for JSON text, as parsing found them. */
  readonly references: FoundReferences;
}

/** A spec file's text, parsed under the limits, with its `$ref`s (found while parsing JSON, else by walking the document). */
export function parseSpecDocument(location: URL, shown: string, read: SpecText, limits: Limits): SpecDocument {
  const { document, references } = parseDocument(read.text, shown, limits);
  return { location, shown, ...read, document, references: references ?? findReferences(document) };
}

/** Where local `$ref`s may lead, and whether any URL may be fetched. */
export interface ReferencePolicy extends RemotePolicy {
  /** Real path of the spec's folder; local `$ref`s must stay inside it. Absent for a remote spec. */
  readonly root?: string;
}

/**
 * Every document a spec pulls in through `$ref`, checked before anything is bundled: each
 * reference must resolve (a dangling one is reported at the JSON pointer of the `$ref`), local
 * files must lie inside the spec's folder after resolving symlinks, URLs need the policy's
 * consent, and the number of documents is bounded.
 */
export class ReferencedDocuments {
  readonly #byKey = new Map<string, SpecDocument>();
  #totalBytes: number;

  constructor(
    private readonly root: SpecDocument,
    private readonly policy: ReferencePolicy,
    private readonly limits: Limits,
  ) {
    this.#totalBytes = root.byteLength;
  }

  /** Loads and checks everything reachable from the root document. */
  async collect(): Promise<void> {
    const queue: SpecDocument[] = [this.root];
    for (let next = queue.pop(); next !== undefined; next = queue.pop()) {
      for (const [site, ref] of next.references.sites) {
        const fragmentAt = ref.indexOf('#');
        if (fragmentAt === 0) {
          checkFragment(next.document, ref, ref, next, site);
          continue;
        }
        const target = this.#targetOf(ref, next, site);
        const { document, isNew } = await this.#load(target, next, site);
        if (isNew) queue.push(document);
        if (fragmentAt > 0) checkFragment(document.document, ref.slice(fragmentAt), ref, next, site);
      }
    }
  }

  /** The checked text of an external document, for the bundler's resolver. */
  async textFor(url: string): Promise<string> {
    const key = await this.#keyOfResolverUrl(url);
    const document = this.#byKey.get(key);
    if (!document) throw new UserError(`unexpected $ref target ${url} (not checked before bundling)`, { file: this.root.shown });
    return document.text;
  }

  #targetOf(ref: string, from: SpecDocument, pointer: string): URL {
    let target: URL;
    try {
      target = new URL(ref, from.location);
    } catch {
      throw new UserError(`invalid $ref "${ref}"`, { file: from.shown, pointer });
    }
    target.hash = '';
    return target;
  }

  async #load(target: URL, from: SpecDocument, pointer: string): Promise<{ document: SpecDocument; isNew: boolean }> {
    const where = { file: from.shown, pointer };
    let key: string;
    let shown: string;
    if (target.protocol === 'file:') {
      if (this.policy.root === undefined) throw new UserError(`a remote spec cannot $ref local files (${target.href})`, where);
      let real: string;
      try {
        real = await realpath(fileURLToPath(target));
      } catch {
        throw new UserError(`$ref target not found: ${this.#relative(target)}`, where);
      }
      if (real !== this.policy.root && !real.startsWith(this.policy.root + path.sep)) {
        throw new UserError(`$ref points outside the spec's folder (symlinks resolved): ${this.#relative(target)}`, where);
      }
      key = real;
      shown = path.join(path.dirname(this.root.shown), path.relative(this.policy.root, real));
    } else {
      assertFetchAllowed(target, this.policy, from.shown, pointer);
      key = target.href;
      shown = target.href;
    }
    const known = this.#byKey.get(key);
    if (known) return { document: known, isNew: false };
    if (this.#byKey.size >= this.limits.maxDocuments) {
      throw new UserError(`the spec pulls in more than ${this.limits.maxDocuments} files through $ref (oasgen's limit)`, where);
    }
    const read = target.protocol === 'file:' ? await readLocalText(key, shown, this.limits) : await readRemoteText(target, this.policy, this.limits, from.shown, pointer);
    this.#totalBytes += read.byteLength;
    if (this.#totalBytes > this.limits.maxTotalBytes) {
      throw new UserError(`the spec and the files it pulls in through $ref total more than ${this.limits.maxTotalBytes} bytes (oasgen's limit)`, where);
    }
    const document = parseSpecDocument(target, shown, read, this.limits);
    this.#byKey.set(key, document);
    return { document, isNew: true };
  }

  /** The bundler names files by path or URL; map them back to the keys checked above. */
  async #keyOfResolverUrl(url: string): Promise<string> {
    if (/^https?:\/\//i.test(url)) {
      const parsed = new URL(url);
      parsed.hash = '';
      return parsed.href;
    }
    const file = url.startsWith('file:') ? fileURLToPath(url) : decodeURI(url);
    try {
      return await realpath(file);
    } catch {
      return file;
    }
  }

  #relative(target: URL): string {
    if (this.policy.root === undefined) return target.href;
    try {
      return path.relative(this.policy.root, fileURLToPath(target)) || '.';
    } catch {
      return target.href;
    }
  }
}

/** A document's `$ref`s (`FoundReferences`), by walking it. */
export function findReferences(document: unknown): FoundReferences {
  const references = new ReferenceSites();
  // Tokens of the current path; a pointer string is built only where a `$ref` is found.
  const path: (string | number)[] = [];
  const visit = (node: unknown): void => {
    if (typeof node !== 'object' || node === null) return;
    if (Array.isArray(node)) {
      for (let index = 0; index < node.length; index++) {
        path.push(index);
        visit(node[index]);
        path.pop();
      }
      return;
    }
    const record = node as Record<string, unknown>;
    references.note(record, path);
    for (const key of Object.keys(record)) {
      if (key === '$ref') continue;
      path.push(key);
      visit(record[key]);
      path.pop();
    }
  };
  visit(document);
  return references.found();
}

/**
 * Throws when a `#/json/pointer` fragment does not resolve in `document`, and for a plain-name
 * fragment (`#Pet`, a JSON Schema `$anchor`): nothing downstream resolves those (the bundler
 * leaves them as they are), so without this the model stage reported a "dangling" pointer `Pet`.
 */
function checkFragment(document: unknown, fragment: string, ref: string, from: SpecDocument, site: string): void {
  if (fragment === '#' || fragment === '') return;
  if (!fragment.startsWith('#/')) {
    throw new UserError(`unsupported $ref "${ref}": a fragment must be a JSON pointer such as "#/components/schemas/Pet" (plain-name fragments and $anchor are not supported)`, {
      file: from.shown,
      pointer: site,
    });
  }
  let node = document;
  for (const raw of fragment.slice(2).split('/')) {
    let token: string;
    try {
      token = decodePointerToken(raw);
    } catch {
      throw new UserError(`invalid $ref "${ref}" (bad percent-encoding)`, { file: from.shown, pointer: site });
    }
    if (typeof node !== 'object' || node === null || !Object.prototype.hasOwnProperty.call(node, token)) {
      throw new UserError(`dangling $ref "${ref}": nothing at that JSON pointer`, { file: from.shown, pointer: site });
    }
    node = (node as Record<string, unknown>)[token];
  }
}

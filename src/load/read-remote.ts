import { UserError } from '../shared/errors.js';
import type { Limits } from './limits.js';
import { decodeUtf8, tooLarge, type SpecText } from './read-local.js';

/** Which URLs may be fetched: none by default (DESIGN.md: no network unless `--allow-remote`). */
export interface RemotePolicy {
  /** `--allow-remote`: any http(s) URL. */
  readonly allowRemote: boolean;
  /** Hosts (`host:port`) allowed without `--allow-remote`: the host of a URL given as `--input`. */
  readonly allowedHosts: ReadonlySet<string>;
}

/** True for `http:` and `https:` URLs (the only remote schemes oasgen ever fetches). */
export function isHttpUrl(text: string): boolean {
  return /^https?:\/\//i.test(text);
}

/** Throws unless the policy allows fetching `url`. */
export function assertFetchAllowed(url: URL, policy: RemotePolicy, shown: string, pointer?: string): void {
  const where = { file: shown, ...(pointer !== undefined ? { pointer } : {}) };
  if (url.protocol !== 'http:' && url.protocol !== 'https:') {
    throw new UserError(`refusing to fetch ${url.protocol} URL ${url.href}: only http and https are allowed`, where);
  }
  if (!policy.allowRemote && !policy.allowedHosts.has(url.host)) {
    throw new UserError(`refusing to fetch ${url.href}: network access needs --allow-remote`, where);
  }
}

/**
 * GETs a URL as text under the policy: a timeout for the whole exchange, a size cap on the
 * body, and redirects followed by hand so that every target is checked again.
 */
export async function readRemoteText(url: URL, policy: RemotePolicy, limits: Limits, shown: string, pointer?: string): Promise<SpecText> {
  const signal = AbortSignal.timeout(limits.remoteTimeoutMs);
  let current = url;
  for (let hop = 0; ; hop++) {
    assertFetchAllowed(current, policy, shown, pointer);
    let response: Response;
    try {
      response = await fetch(current, { redirect: 'manual', signal, headers: { accept: 'application/yaml, application/json;q=0.9, */*;q=0.5' } });
    } catch (error) {
      throw fetchError(current, error, limits, shown);
    }
    if (response.status >= 300 && response.status < 400 && response.headers.has('location')) {
      await response.body?.cancel();
      if (hop >= limits.maxRedirects) throw new UserError(`more than ${limits.maxRedirects} redirects fetching ${url.href}`, { file: shown });
      current = new URL(response.headers.get('location')!, current);
      continue;
    }
    if (!response.ok) {
      await response.body?.cancel();
      throw new UserError(`fetching ${current.href} failed with HTTP status ${response.status}`, { file: shown });
    }
    try {
      return decodeUtf8(await readCapped(response, limits, shown), shown);
    } catch (error) {
      if (error instanceof UserError) throw error;
      throw fetchError(current, error, limits, shown);
    }
  }
}

async function readCapped(response: Response, limits: Limits, shown: string): Promise<Uint8Array> {
  const declared = Number(response.headers.get('content-length') ?? NaN);
  if (declared > limits.maxFileBytes) {
    await response.body?.cancel();
    throw new UserError(tooLarge(limits), { file: shown });
  }
  const chunks: Uint8Array[] = [];
  let total = 0;
  if (response.body) {
    for await (const chunk of response.body as unknown as AsyncIterable<Uint8Array>) {
      total += chunk.length;
      if (total > limits.maxFileBytes) {
        await response.body.cancel().catch(() => undefined);
        throw new UserError(tooLarge(limits), { file: shown });
      }
      chunks.push(chunk);
    }
  }
  const bytes = new Uint8Array(total);
  let offset = 0;
  for (const chunk of chunks) {
    bytes.set(chunk, offset);
    offset += chunk.length;
  }
  return bytes;
}

function fetchError(url: URL, error: unknown, limits: Limits, shown: string): UserError {
  const name = (error as { name?: string }).name;
  if (name === 'TimeoutError' || name === 'AbortError') {
    return new UserError(`fetching ${url.href} took longer than ${limits.remoteTimeoutMs} ms (oasgen's limit)`, { file: shown });
  }
  const cause = (error as { cause?: { code?: string; message?: string } }).cause;
  return new UserError(`cannot fetch ${url.href} (${cause?.code ?? cause?.message ?? (error instanceof Error ? error.message : String(error))})`, { file: shown });
}

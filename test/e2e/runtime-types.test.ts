/**
 * The typed error unions work at compile time: a caller narrows `GetPartError` (generated from
 * test/fixtures/specs/runtime-encoding.yaml) by status with `hasStatus` and gets each documented
 * body type; the wrong type is a compile error (`@ts-expect-error` lines must be errors).
 */
import { compileCaller, fixtureSpec } from './generate-client.js';

const CALLER = `import { ApiError, EncodingApi, hasStatus, NetworkError, TimeoutError, type GetPartError, type NotFound, type Problem } from './index.js';

export async function describePart(api: EncodingApi): Promise<string> {
  try {
    return (await api.getPart('a', 1)).id;
  } catch (e) {
    if (e instanceof NetworkError || e instanceof TimeoutError) return e.message;
    if (!(e instanceof ApiError)) throw e;
    const error = e as GetPartError;
    const any: NotFound | string | Problem = error.body;
    // @ts-expect-error before narrowing the body is a union
    const early: Problem = error.body;
    if (hasStatus(error, 404)) {
      const body: NotFound = error.body;
      const status: 404 = error.status;
      // @ts-expect-error a 404 body is NotFound, not text
      const text: string = error.body;
      return body.missing + status + text;
    }
    if (hasStatus(error, 409)) {
      const text: string = error.body;
      return text;
    }
    // Every documented status ruled out: what remains is the \`default\` response's Problem.
    const problem: Problem = error.body;
    return String(any) + String(early) + String(problem.title);
  }
}
`;

describe('typed error bodies', () => {
  it('hasStatus narrows an operation error union to the documented body type (tsc --strict)', async () => {
    expect(await compileCaller(fixtureSpec('runtime-encoding.yaml'), CALLER)).toBe('');
  });
});

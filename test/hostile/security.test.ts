/**
 * Security requirements naming schemes the spec does not define
 * (test/fixtures/hostile/undefined-security.yaml). Such an alternative cannot be met, so it is
 * dropped with a warning at its JSON pointer (an error under --strict: see reject.test.ts); it
 * never turns into "anonymous allowed". When no alternative is left the client sends no
 * credentials and both the JSDoc and the docs say the operation needs undefined schemes.
 */
import path from 'node:path';
import { generate, type GenerateResult } from '../../src/pipeline.js';
import { FIXTURES, listFiles, removeDir, runCli, tempDir } from './support.js';

const INPUT = path.join(FIXTURES, 'undefined-security.yaml');
let result: GenerateResult;
let api = '';
let docs = '';

beforeAll(async () => {
  result = await generate({ input: INPUT });
  api = result.files.get('apis/DefaultApi.ts')!;
  docs = result.files.get('docs/DefaultApi.md')!;
});

/** The `security:` field of the request spec of one generated method (undefined when it has none). */
function securityOf(rawMethod: string): string | undefined {
  const body = api.slice(api.indexOf(`\n  ${rawMethod}(`)); // the declaration (Raw methods are not async)
  const request = body.slice(0, body.indexOf('}, options'));
  return /^\s+security: (.*),$/m.exec(request)?.[1];
}

/** The Authorization section of one operation in the docs page. */
function authorizationOf(operationId: string): string {
  const section = docs.slice(docs.indexOf(`# **${operationId}**`));
  return /^### Authorization\n\n(.*)$/m.exec(section)?.[1] ?? '';
}

describe('security requirements naming undefined schemes', () => {
  it('warn once per requirement, at the pointer of the undefined name', () => {
    const warnings = result.diagnostics.filter((d) => d.message.includes('undefined security scheme'));
    expect(warnings).toEqual([
      { severity: 'warning', message: 'security requirement names the undefined security scheme "ghost"; this alternative is dropped', pointer: '/security/0/ghost' },
      { severity: 'warning', message: 'security requirement names the undefined security scheme "phantom"; this alternative is dropped', pointer: '/paths/~1mixed/get/security/0/phantom' },
      { severity: 'warning', message: 'security requirement names the undefined security scheme "phantom"; this alternative is dropped', pointer: '/paths/~1only-undefined/get/security/0/phantom' },
      { severity: 'warning', message: 'security requirement names the undefined security scheme "phantom"; this alternative is dropped', pointer: '/paths/~1anonymous-or-undefined/get/security/1/phantom' },
    ]);
  });

  it('the alternative is dropped whole: key AND phantom cannot be met, bearer remains', () => {
    expect(securityOf('mixedRaw')).toBe("[[{ id: 'bearer', type: 'bearer' }]]");
    const operation = result.model.apis[0]!.operations.find((o) => o.operationId === 'mixed')!;
    expect(operation.security).toEqual([{ schemes: [{ name: 'bearer', scopes: [] }] }]);
    expect(operation.undefinedSecuritySchemes).toEqual(['phantom']);
  });

  it('nothing left: no credentials are sent, and the call is not marked anonymous', () => {
    for (const method of ['onlyUndefinedRaw', 'inheritsGlobalRaw']) expect(securityOf(method)).toBeUndefined();
    expect(api).toContain('Sends no credentials: the spec requires security schemes it does not define as ones a request can carry (phantom).');
    expect(api).toContain('Sends no credentials: the spec requires security schemes it does not define as ones a request can carry (ghost).');
    expect(authorizationOf('onlyUndefined')).toBe('Unknown: the spec requires phantom, which it does not define as security schemes a request can carry; this client sends no credentials for this operation');
    expect(authorizationOf('inheritsGlobal')).toContain('Unknown: the spec requires ghost');
  });

  it('a declared anonymous alternative stays anonymous; defined schemes are unchanged', () => {
    expect(securityOf('anonymousOrUndefinedRaw')).toBe('[[]]');
    expect(authorizationOf('anonymousOrUndefined')).toBe('None (anonymous access allowed)');
    expect(securityOf('definedRaw')).toBe("[[{ id: 'key', type: 'apiKey', in: 'header', name: 'X-Key' }]]");
    expect(authorizationOf('defined')).toBe('[key](../README.md#key)');
  });

  it('a declared scheme no request can carry is treated like an undefined one; mutualTLS is left to the connection', () => {
    expect(result.diagnostics.filter((d) => d.message.includes('bodyKey'))).toEqual([
      { severity: 'warning', message: 'security requirement names the security scheme "bodyKey", whose type (or apiKey "in") no request can carry; this alternative is dropped', pointer: '/paths/~1unusable/get/security/0/bodyKey' },
    ]);
    const unusable = result.model.apis[0]!.operations.find((o) => o.operationId === 'unusable')!;
    expect(unusable.security).toEqual([{ schemes: [{ name: 'key', scopes: [] }] }]); // tls left out, key sent
    expect(unusable.undefinedSecuritySchemes).toEqual(['bodyKey']);
    expect(securityOf('unusableRaw')).toBe("[[{ id: 'key', type: 'apiKey', in: 'header', name: 'X-Key' }]]");
    expect(securityOf('tlsOnlyRaw')).toBe('[[]]');
    expect(result.diagnostics.filter((d) => d.message.includes('"tls"'))).toEqual([]);
  });

  it('the CLI prints each warning with its pointer and still generates (lenient mode)', async () => {
    const work = await tempDir();
    try {
      const run = await runCli(['generate', '-i', 'test/fixtures/hostile/undefined-security.yaml', '-o', path.join(work, 'out'), '--quiet']);
      expect(run.code).toBe(0);
      expect(run.stderr).toContain('undefined-security.yaml at /paths/~1only-undefined/get/security/0/phantom: security requirement names the undefined security scheme "phantom"');
      expect(await listFiles(work)).toContain('out/apis/DefaultApi.ts');
    } finally {
      await removeDir(work);
    }
  });
});

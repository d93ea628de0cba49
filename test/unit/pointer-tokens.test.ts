/** pointerJoin and pointerTokens: a JSON pointer built from keys gives those keys back (RFC 6901 escapes, no percent-decoding). */
import fc from 'fast-check';
import { decodePointerToken, pointerJoin, pointerTokens } from '../../src/shared/errors.js';

// The full versions, as they were before pointerJoin, pointerTokens and decodePointerToken learnt
// to skip the replacing (and decoding) for tokens with nothing to escape: the fast paths must agree.
const fullJoin = (pointer: string, ...tokens: (string | number)[]) => pointer + tokens.map((token) => '/' + String(token).replace(/~/g, '~0').replace(/\//g, '~1')).join('');
const fullUnescape = (token: string) => token.replace(/~1/g, '/').replace(/~0/g, '~');
const fullTokens = (pointer: string) => (pointer === '' ? [] : pointer.slice(1).split('/').map(fullUnescape));
const fullDecode = (token: string) => fullUnescape(decodeURIComponent(token));

/** Text made mostly of the characters the fast paths look for. */
const pointerText = fc.string({ unit: fc.oneof(fc.constantFrom('~', '/', '0', '1', '%', '2', '7', 'E', 'e', 'a', ' '), fc.string({ unit: 'binary', minLength: 1, maxLength: 1 })), maxLength: 12 });
const outcome = (run: () => unknown) => {
  try {
    return { value: run() };
  } catch (error) {
    return { error: (error as Error).constructor.name };
  }
};

describe('fast paths agree with the full versions', () => {
  it('pointerJoin', () => {
    fc.assert(
      fc.property(pointerText, fc.array(fc.oneof(pointerText, fc.integer()), { maxLength: 4 }), (pointer, tokens) => {
        expect(pointerJoin(pointer, ...tokens)).toBe(fullJoin(pointer, ...tokens));
      }),
      { numRuns: 2000 },
    );
  });

  it('pointerTokens', () => {
    fc.assert(
      fc.property(pointerText, (pointer) => {
        expect(pointerTokens(pointer)).toEqual(fullTokens(pointer));
        expect(pointerTokens('/' + pointer)).toEqual(fullTokens('/' + pointer));
      }),
      { numRuns: 2000 },
    );
  });

  it('decodePointerToken, bad percent-encoding included', () => {
    fc.assert(
      fc.property(pointerText, (token) => {
        expect(outcome(() => decodePointerToken(token))).toEqual(outcome(() => fullDecode(token)));
      }),
      { numRuns: 2000 },
    );
  });
});

describe('pointerTokens', () => {
  it('undoes pointerJoin, whatever the keys hold', () => {
    const keys = ['components', 'responses', 'Not Found/v2', '~tilde~1', '100%', 'application/json'];
    const pointer = pointerJoin('', ...keys);
    expect(pointer).toBe('/components/responses/Not Found~1v2/~0tilde~01/100%/application~1json');
    expect(pointerTokens(pointer)).toEqual(keys);
  });

  it('gives no tokens for the root and one empty token for the empty key', () => {
    expect(pointerTokens('')).toEqual([]);
    expect(pointerTokens('/')).toEqual(['']);
  });

  it('leaves percent signs alone, unlike a $ref fragment token', () => {
    expect(pointerTokens('/a%20b')).toEqual(['a%20b']);
    expect(decodePointerToken('a%20b~1c')).toBe('a b/c');
    expect(decodePointerToken('plain_key')).toBe('plain_key');
    expect(decodePointerToken('%7E0')).toBe('~'); // decoded first, then unescaped
    expect(() => decodePointerToken('bad%zz')).toThrow(URIError);
  });
});

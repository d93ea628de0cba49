/** pointerJoin and pointerTokens: a JSON pointer built from keys gives those keys back (RFC 6901 escapes, no percent-decoding). */
import { decodePointerToken, pointerJoin, pointerTokens } from '../../src/shared/errors.js';

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

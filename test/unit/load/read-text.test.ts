/**
 * `decodeUtf8` reports the text's UTF-8 byte length and SHA-256 from the bytes it decoded: they
 * must be what encoding the text again gives (a leading byte-order mark is not part of the text).
 */
import { createHash } from 'node:crypto';
import fc from 'fast-check';
import { decodeUtf8 } from '../../../src/load/read-local.js';
import { UserError } from '../../../src/shared/errors.js';

const sha256 = (text: string) => createHash('sha256').update(text).digest('hex');
const BOM = [0xef, 0xbb, 0xbf];

test('byte length and hash equal those of the text re-encoded, with or without a BOM', () => {
  fc.assert(
    fc.property(fc.string({ unit: 'grapheme' }), fc.boolean(), (text, withBom) => {
      const encoded = Buffer.from(text, 'utf8');
      const bytes = withBom ? Buffer.concat([Buffer.from(BOM), encoded]) : encoded;
      const read = decodeUtf8(bytes, 'spec.yaml');
      expect(read.text).toBe(text.startsWith('\uFEFF') && !withBom ? text.slice(1) : text);
      expect(read.byteLength).toBe(Buffer.byteLength(read.text));
      expect(read.sha256).toBe(sha256(read.text));
    }),
    { numRuns: 500 },
  );
});

test('only one BOM is dropped; a second one is text', () => {
  const read = decodeUtf8(Buffer.from([...BOM, ...BOM, 0x61]), 'spec.yaml');
  expect(read.text).toBe('\uFEFFa');
  expect(read.sha256).toBe(sha256('\uFEFFa'));
  expect(read.byteLength).toBe(4);
});

test('bytes that are not UTF-8 are refused', () => {
  expect(() => decodeUtf8(Buffer.from([0x61, 0xff, 0x62]), 'spec.bin')).toThrow(UserError);
});

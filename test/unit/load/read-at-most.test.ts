/**
 * `readAtMost` reads a file to its end or to `max` bytes, whatever size on disk it is told
 * (exact, smaller or larger than the file, or 0 as for /proc files).
 */
import { writeFile } from 'node:fs/promises';
import path from 'node:path';
import fc from 'fast-check';
import { readAtMost } from '../../../src/load/read-local.js';
import { removeDir, tempDir } from '../../hostile/support.js';

test('the first min(length, max) bytes, for any size hint', async () => {
  const dir = await tempDir('oasgen-read-');
  try {
    const file = path.join(dir, 'spec.json');
    await fc.assert(
      fc.asyncProperty(
        fc.integer({ min: 0, max: 200_000 }),
        fc.integer({ min: 1, max: 250_000 }),
        fc.oneof(fc.constant('exact'), fc.constant('zero'), fc.integer({ min: 0, max: 300_000 })),
        async (length, max, hint) => {
          const content = Buffer.alloc(length, 0);
          for (let index = 0; index < length; index += 997) content[index] = index % 251;
          await writeFile(file, content);
          const read = await readAtMost(file, max, hint === 'exact' ? length : hint === 'zero' ? 0 : hint);
          expect(read.equals(content.subarray(0, Math.min(length, max)))).toBe(true);
        },
      ),
      { numRuns: 60 },
    );
  } finally {
    await removeDir(dir);
  }
});

(process.platform === 'linux' ? test : test.skip)('a file whose size on disk says 0 (/proc) is read to its end', async () => {
  const read = await readAtMost('/proc/self/status', 1_000_000, 0);
  expect(read.toString('utf8')).toMatch(/^Name:/);
});

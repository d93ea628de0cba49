/**
 * Hooks get each TypeScript file as a ts-morph SourceFile; one that changes nothing must change
 * no byte of the output (the TypeScript is printed once, the same way with or without hooks).
 */
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { generate } from '../../../src/pipeline.js';

const fixtures = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../fixtures/specs');

test.each(['types-3.0.yaml', 'inline-schemas-3.1.yaml', 'swagger-2.0.yaml'])('%s: a hook that changes nothing leaves every file as it is', async (spec) => {
  const input = path.join(fixtures, spec);
  const seen: string[] = [];
  const [plain, hooked] = await Promise.all([
    generate({ input }),
    generate({ input, hooks: { transformModel: () => undefined, transformSourceFile: (_file, info) => void seen.push(info.path) } }),
  ]);
  expect(seen).toContain('models/index.ts');
  expect(hooked.files).toEqual(plain.files);
});

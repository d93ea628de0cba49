import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { loadConfig } from '../src/config/index.js';
import { generate } from '../src/pipeline.js';
import { diffOutput } from '../src/write/index.js';
import { firstDiffs, type FileDifference } from './helpers/unified-diff.js';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');

async function readIfExists(file: string): Promise<string | undefined> {
  try {
    return await readFile(file, 'utf8');
  } catch {
    return undefined;
  }
}

describe('generated/ is what oasgen writes today', () => {
  it.each(['identity', 'cohesity'])('%s: regenerating in memory equals generated/ byte for byte, twice', async (name) => {
    const clients = await loadConfig(path.join(root, 'oasgen.config.json'));
    const client = clients.find((c) => c.name === name)!;
    const first = await generate({ input: client.input });
    const second = await generate({ input: client.input });
    expect([...second.files]).toEqual([...first.files]);
    const diff = await diffOutput(client.output, first.files);
    const stale = [...diff.changed, ...diff.missing, ...diff.stale, ...diff.foreign];
    if (stale.length > 0) {
      const differences: FileDifference[] = await Promise.all(
        stale.map(async (file) => ({ file, expected: await readIfExists(path.join(client.output, file)), actual: first.files.get(file) })),
      );
      throw new Error(`generated/${name} is stale (${stale.join(', ')}). Fix: npm run generate\n\n${firstDiffs(differences)}`);
    }
    expect(diff.unchanged.length).toBe(first.files.size);
  });
});

import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { loadConfig } from '../src/config/index.js';
import { generate } from '../src/pipeline.js';
import { diffOutput } from '../src/write/index.js';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');

describe('generated/ is what oasgen writes today', () => {
  it.each(['identity', 'cohesity'])('%s: regenerating in memory equals generated/ byte for byte, twice', async (name) => {
    const clients = await loadConfig(path.join(root, 'oasgen.config.json'));
    const client = clients.find((c) => c.name === name)!;
    const first = await generate({ input: client.input });
    const second = await generate({ input: client.input });
    expect([...second.files]).toEqual([...first.files]);
    const diff = await diffOutput(client.output, first.files);
    const stale = [...diff.changed, ...diff.missing, ...diff.stale, ...diff.foreign];
    if (stale.length > 0) throw new Error(`generated/${name} is stale (${stale.join(', ')}). Fix: npm run generate`);
    expect(diff.unchanged.length).toBe(first.files.size);
  });
});

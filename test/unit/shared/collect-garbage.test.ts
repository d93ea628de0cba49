/** collectGarbage collects without leaving a `gc` global (or the --expose-gc flag) behind in the process. */
import vm from 'node:vm';
import { collectGarbage } from '../../../src/shared/collect-garbage.js';

test('frees unreachable objects and exposes no gc global', async () => {
  const hadGc = 'gc' in globalThis;
  let garbage: object | undefined = { payload: new Array(1000).fill('x') };
  const ref = new WeakRef(garbage);
  garbage = undefined;
  await new Promise((resolve) => setImmediate(resolve)); // a new WeakRef keeps its target alive until the current job ends
  collectGarbage();
  collectGarbage(); // a second call reuses the collector
  expect(ref.deref()).toBeUndefined();
  expect('gc' in globalThis).toBe(hadGc);
  expect(vm.runInNewContext('typeof gc')).toBe('undefined');
});

/**
 * `oasgen generate --check` run by the real bin over this repo's own oasgen.config.json (cwd =
 * the repo root): CI fails when generated/ is stale, and the failure says how to fix it.
 */
import { repoRoot, runCli } from '../helpers/run-cli.js';

test('generated/ is up to date according to `oasgen generate --check`', async () => {
  const run = await runCli(['generate', '--check'], repoRoot);
  if (run.code !== 0) {
    throw new Error(`generated/ is stale (exit ${run.code}). Fix: npm run generate\n${run.stderr}`);
  }
  expect(run.stdout).toMatch(/^identity: .* → generated\/identity is up to date\ncohesity: .* → generated\/cohesity is up to date\n$/);
});

// npm run screenshots: builds the extension, then runs the e2e suites that photograph it
// with BACKSTORY_SCREENSHOTS=1, so their pictures land in docs/screenshots and docs/store
// (under `npm test` the same tests write to a temporary folder and no tracked file changes).
// Each session starts from a fresh profile (the bundled pack alone, default settings); the
// options and first-run pictures get sessions of their own, so no test's pack or setting
// shows in them.
import { spawnSync } from 'node:child_process';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const run = (cmd, args, env = process.env) =>
  spawnSync(cmd, args, { cwd: root, stdio: 'inherit', env }).status ?? 1;

if (run('npx', ['wxt', 'build']) !== 0) process.exit(1);
const suites = ['card', 'sidepanel', 'story', 'popup', 'options', 'first-run', 'store'].map(
  (n) => `tests/e2e/${n}.test.ts`,
);
process.exit(
  run('npx', ['vitest', 'run', '--project', 'e2e', ...suites], {
    ...process.env,
    BACKSTORY_SCREENSHOTS: '1',
  }),
);

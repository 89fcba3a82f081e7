// npm test: everything this machine can run. Builds the Chrome and the Firefox extension
// (the e2e suites load them), then runs the unit, component and both browsers' end-to-end
// projects in one vitest run. Each browser's end-to-end tests skip with one clear line when
// that browser is not found (fail under CI=true).
// Prints "N passed, N failed, N skipped" as the last line.
import { spawnSync } from 'node:child_process';
import { mkdirSync, readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const run = (cmd, args) =>
  spawnSync(cmd, args, { cwd: root, stdio: 'inherit', env: process.env }).status ?? 1;

if (run('npx', ['wxt', 'build']) !== 0 || run('npx', ['wxt', 'build', '-b', 'firefox']) !== 0) {
  console.log('0 passed, 1 failed');
  process.exit(1);
}
const outDir = join(root, 'node_modules', '.cache', 'backstory');
mkdirSync(outDir, { recursive: true });
const report = join(outDir, 'vitest-report.json');
const status = run('npx', [
  'vitest',
  'run',
  '--reporter=default',
  '--reporter=json',
  `--outputFile.json=${report}`,
  ...process.argv.slice(2),
]);
let passed = 0;
let failed = status === 0 ? 0 : 1;
let skipped = 0;
try {
  const json = JSON.parse(readFileSync(report, 'utf8'));
  passed = json.numPassedTests;
  failed = json.numFailedTests + (status !== 0 && json.numFailedTests === 0 ? 1 : 0);
  skipped = json.numPendingTests + json.numTodoTests;
} catch {
  // no report: the run itself failed
}
console.log(`${passed} passed, ${failed} failed, ${skipped} skipped`);
process.exit(status);

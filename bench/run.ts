/**
 * npm run bench — speed and memory, printed as tables with ratios against baselines run
 * in the same process. Each run is kept in bench/results/<date>.json with the machine and
 * browser versions, and the README's table is regenerated from the latest results. Never
 * a pass/fail test. `npm run bench -- cost`, `-- pages`, `-- data` or `-- ui` runs one section.
 */
import { spawnSync } from 'node:child_process';
import { mkdirSync, writeFileSync } from 'node:fs';
import { cpus, release, totalmem, type } from 'node:os';
import { join } from 'node:path';
import { benchCost } from './cost';
import { benchData } from './data';
// @ts-expect-error plain JS helper shared with npm start
import { findBrowser } from '../scripts/browser.mjs';
import { buildExtension } from './build';
import { benchPages } from './pages';
import { RESULTS_DIR, updateReadme } from './readme-table';
import { benchUi } from './ui';

const only = process.argv[2];
const SECTIONS = ['cost', 'pages', 'data', 'ui'];
if (only && !SECTIONS.includes(only)) {
  console.error(`unknown section "${only}": use ${SECTIONS.join(', ')}`);
  process.exit(2);
}
const browser: string | undefined = findBrowser();
const env = {
  date: new Date().toISOString(),
  node: `Node ${process.version}`,
  os: `${type()} ${release()}`,
  cpu: cpus()[0]?.model.trim() ?? 'unknown CPU',
  cores: cpus().length,
  memoryGiB: Math.round(totalmem() / 2 ** 30),
  chromium: browser
    ? spawnSync(browser, ['--version'], { encoding: 'utf8' }).stdout.trim() || 'unknown Chromium'
    : 'no Chromium',
};
const results: Record<string, unknown> = { env };
if (!only || only === 'data') results.data = await benchData();
if (!only || only === 'cost') results.cost = await benchCost();
if (!only || only === 'pages') results.pages = await benchPages();
if (!only || only === 'ui') {
  if (browser) results.ui = await benchUi(process.env.BACKSTORY_EXTENSION_DIR ?? buildExtension());
  else console.log('\nui: no Chromium found (set CHROME_PATH): skipped');
}
if (process.env.BENCH_COST_PAGES || process.env.BENCH_COST_DICTS) {
  // A partial run compares before and after; it is never kept nor put in the README.
  console.log(`\npartial run, not kept:\n${JSON.stringify(results.cost, null, 2)}`);
} else {
  mkdirSync(RESULTS_DIR, { recursive: true });
  const file = join(RESULTS_DIR, `${env.date.replace(/[:.]/g, '-')}${only ? `-${only}` : ''}.json`);
  writeFileSync(file, JSON.stringify(results, null, 2) + '\n');
  await updateReadme();
  console.log(`\nkept in ${file}; README table regenerated`);
}

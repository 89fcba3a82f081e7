/**
 * npm run bench — speed and memory, printed as tables with ratios against baselines
 * run in the same process, and written to bench/results.json. Never a pass/fail test.
 * `npm run bench -- data`, `-- pages` or `-- ui` runs one section.
 */
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { benchData } from './data';
// @ts-expect-error plain JS helper shared with npm start
import { findBrowser } from '../scripts/browser.mjs';
import { benchPages, buildExtension } from './pages';
import { benchUi } from './ui';

const only = process.argv[2];
const SECTIONS = ['data', 'pages', 'ui'];
if (only && !SECTIONS.includes(only)) {
  console.error(`unknown section "${only}": use ${SECTIONS.join(', ')}`);
  process.exit(2);
}
const file = resolve(import.meta.dirname, 'results.json');
// Running one section keeps the other's last results.
const previous =
  only && existsSync(file) ? (JSON.parse(readFileSync(file, 'utf8')) as Record<string, unknown>) : {};
const results: Record<string, unknown> = {
  ...previous,
  date: new Date().toISOString(),
  node: process.version,
};
if (!only || only === 'data') results.data = await benchData();
if (!only || only === 'pages') results.pages = await benchPages();
if (!only || only === 'ui') {
  if (findBrowser()) results.ui = await benchUi(process.env.BACKSTORY_EXTENSION_DIR ?? buildExtension());
  else console.log('\nui: no Chromium found (set CHROME_PATH): skipped');
}
writeFileSync(file, JSON.stringify(results, null, 2));
console.log('\nwritten to bench/results.json');

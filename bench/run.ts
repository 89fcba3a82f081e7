/**
 * npm run bench — speed and memory, printed as tables with ratios against baselines
 * run in the same process, and written to bench/results.json. Never a pass/fail test.
 * `npm run bench -- data` or `-- pages` runs one section.
 */
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { benchData } from './data';
import { benchPages } from './pages';

const only = process.argv[2];
if (only && only !== 'data' && only !== 'pages') {
  console.error(`unknown section "${only}": use data or pages`);
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
writeFileSync(file, JSON.stringify(results, null, 2));
console.log('\nwritten to bench/results.json');

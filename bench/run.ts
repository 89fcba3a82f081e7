/**
 * npm run bench — speed and memory, printed as tables with ratios against baselines
 * run in the same process, and written to bench/results.json. Never a pass/fail test.
 */
import { writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { benchData } from './data';

const only = process.argv[2];
const results: Record<string, unknown> = { date: new Date().toISOString(), node: process.version };
if (!only || only === 'data') results.data = await benchData();
writeFileSync(resolve(import.meta.dirname, 'results.json'), JSON.stringify(results, null, 2));
console.log('\nwritten to bench/results.json');

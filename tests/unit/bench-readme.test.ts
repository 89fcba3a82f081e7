/**
 * Keeps the README honest: its performance table is exactly what the latest stored
 * benchmark results give (bench/readme-table.ts), so a figure cannot drift from the run
 * that measured it.
 */
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { END, START, formattedTable, latestResults } from '../../bench/readme-table';

describe('README performance table', () => {
  it('is the table generated from the latest bench/results', async () => {
    const readme = readFileSync(resolve(__dirname, '..', '..', 'README.md'), 'utf8');
    const block = readme.slice(readme.indexOf(START), readme.indexOf(END) + END.length);
    expect(Object.keys(latestResults()).length).toBeGreaterThan(0);
    expect(block).toBe(await formattedTable());
  });
});

import { describe, expect, it } from 'vitest';
import { PageScan } from '../../../utils/page/scan';
import { localMatcher } from '../../fixtures/local-matcher';

const MATCHER = localMatcher([
  { text: 'Northwind', entityId: 'northwind', caseSensitive: false },
  { text: 'Ada Quill', entityId: 'quill', caseSensitive: false },
]);

describe('PageScan viewport-first painting', () => {
  it('hands over the marks of the part already read, and they stay the same to the end', async () => {
    document.body.innerHTML = `<article>${Array.from(
      { length: 300 },
      (_, i) => `<p>Paragraph ${i}: Northwind${i % 7 === 0 ? ' and Ada Quill' : ''} again.</p>`,
    ).join('')}</article>`;
    let clock = 0;
    const scan = new PageScan(document, MATCHER, 'all');
    const partials: string[][] = [];
    const done = await scan.full(
      // Every block costs 1 ms of fake time: slices of 5 blocks.
      { budgetMs: 5, now: () => (clock += 0.5), yieldToHost: async () => undefined },
      undefined,
      () => partials.push(scan.marked.map((m) => `${m.entityId}@${m.block.text.slice(0, 14)}`)),
      // Any block is "below the viewport": the first slice covers it.
      -1,
    );
    expect(done).toBe(true);
    expect(partials).toHaveLength(1);
    const partial = partials[0]!;
    expect(partial.length).toBeGreaterThan(0);
    const final = scan.marked.map((m) => `${m.entityId}@${m.block.text.slice(0, 14)}`);
    expect(final.length).toBeGreaterThan(partial.length);
    // A prefix: nothing painted early changes when the rest of the page is read.
    expect(final.slice(0, partial.length)).toEqual(partial);
  });

  it('does not call back when the scan never passes the viewport', async () => {
    document.body.innerHTML = '<p>Northwind once.</p>';
    const scan = new PageScan(document, MATCHER, 'first-per-entity');
    let calls = 0;
    await scan.full({ yieldToHost: async () => undefined }, undefined, () => calls++, 10_000);
    expect(calls).toBe(0);
    expect(scan.marked).toHaveLength(1);
  });
});

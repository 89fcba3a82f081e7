import { describe, expect, it } from 'vitest';
import { runSliced } from '../../../utils/page/slices';

/** A fake clock where each work item costs `cost` ms, and a yield that only counts. */
function harness(cost: number) {
  let t = 0;
  let yields = 0;
  return {
    now: () => t,
    tick: () => (t += cost),
    yieldToHost: async () => {
      yields++;
    },
    get yields() {
      return yields;
    },
  };
}

describe('runSliced', () => {
  it('runs every item in order, yielding between slices of the budget', async () => {
    const h = harness(3);
    const seen: number[] = [];
    const slices: number[] = [];
    const done = await runSliced(
      Array.from({ length: 10 }, (_, i) => i),
      (item) => {
        seen.push(item);
        h.tick();
      },
      { budgetMs: 8, now: h.now, yieldToHost: h.yieldToHost, onSlice: (ms) => slices.push(ms) },
    );
    expect(done).toBe(true);
    expect(seen).toEqual([0, 1, 2, 3, 4, 5, 6, 7, 8, 9]);
    // 3 items (9 ms) per slice: 3 + 3 + 3 + 1, and no yield after the last slice.
    expect(slices).toEqual([9, 9, 9, 3]);
    expect(h.yields).toBe(3);
  });

  it('counts work done earlier in its task against the first slice only', async () => {
    const h = harness(1);
    // 6 ms of other work already ran in this task: the first slice has 2 ms of its 8 left.
    for (let i = 0; i < 6; i++) h.tick();
    const slices: number[] = [];
    const done = await runSliced(
      Array.from({ length: 12 }, (_, i) => i),
      () => h.tick(),
      { budgetMs: 8, now: h.now, yieldToHost: h.yieldToHost, onSlice: (ms) => slices.push(ms), startedAt: 0 },
    );
    expect(done).toBe(true);
    // The first slice is the task's 8 ms (6 earlier + 2 items); then whole budgets.
    expect(slices).toEqual([8, 8, 2]);
    expect(h.yields).toBe(2);
  });

  it('makes progress when one item alone exceeds the budget', async () => {
    const h = harness(50);
    let n = 0;
    const done = await runSliced([1, 2, 3], () => (n++, h.tick()), {
      budgetMs: 8,
      now: h.now,
      yieldToHost: h.yieldToHost,
    });
    expect(done).toBe(true);
    expect(n).toBe(3);
    expect(h.yields).toBe(2);
  });

  it('stops at a slice boundary when cancelled, and reports it', async () => {
    const h = harness(5);
    let n = 0;
    let cancelled = false;
    const done = await runSliced(
      Array.from({ length: 100 }, (_, i) => i),
      () => {
        n++;
        h.tick();
      },
      {
        budgetMs: 8,
        now: h.now,
        yieldToHost: async () => {
          cancelled = true;
        },
        isCancelled: () => cancelled,
      },
    );
    expect(done).toBe(false);
    expect(n).toBe(2);
  });

  it('resolves true at once for no items', async () => {
    expect(await runSliced([], () => undefined)).toBe(true);
  });
});

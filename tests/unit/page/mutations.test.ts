import { afterEach, describe, expect, it, vi } from 'vitest';
import { DEFAULT_BUDGET, MutationBatcher, type MutationBudget } from '../../../utils/page/mutations';

/** A scheduler whose frames and timers run only when the test says so. */
function manualScheduler() {
  const frames: (() => void)[] = [];
  const timers: { fn: () => void; delay: number }[] = [];
  return {
    frames,
    timers,
    requestAnimationFrame: (fn: () => void) => (frames.push(fn), frames.length),
    setTimeout: (fn: () => void, delay?: number) => (timers.push({ fn, delay: delay ?? 0 }), timers.length),
    runFrames() {
      for (const fn of frames.splice(0)) fn();
    },
  };
}

/** Lets the MutationObserver deliver its records (a microtask). */
const settle = () => new Promise((r) => setTimeout(r, 0));

function setup(budget?: MutationBudget, now?: () => number) {
  document.body.innerHTML =
    '<article id="a"><p id="p1">First</p></article><div data-backstory-ui id="ui"></div>';
  const scheduler = manualScheduler();
  const onNodes = vi.fn<(nodes: Node[]) => void>();
  const onOverflow = vi.fn();
  const batcher = new MutationBatcher(
    scheduler as never,
    document,
    {
      onNodes,
      onOverflow,
      isOwnNode: (n) =>
        !!(n.nodeType === 1 ? (n as Element) : n.parentElement)?.closest('[data-backstory-ui]'),
    },
    budget,
    now,
  );
  batcher.start();
  return { scheduler, onNodes, onOverflow, batcher };
}

describe('MutationBatcher', () => {
  let stop: (() => void) | undefined;
  afterEach(() => stop?.());

  it('only queues records in the observer; the work runs once, in the next frame', async () => {
    const { scheduler, onNodes, batcher } = setup();
    stop = () => batcher.stop();
    const p = document.createElement('p');
    p.textContent = 'Second';
    document.getElementById('a')!.append(p);
    const q = document.createElement('p');
    document.getElementById('a')!.append(q);
    await settle();
    expect(onNodes).not.toHaveBeenCalled();
    expect(scheduler.frames).toHaveLength(1);
    scheduler.runFrames();
    expect(onNodes).toHaveBeenCalledTimes(1);
    expect(onNodes.mock.calls[0]![0]).toEqual([p, q]);
  });

  it('reports changed text nodes, and the parent of removed nodes', async () => {
    const { scheduler, onNodes, batcher } = setup({ ...DEFAULT_BUDGET, minGapMs: 0 });
    stop = () => batcher.stop();
    const p1 = document.getElementById('p1')!;
    (p1.firstChild as Text).data = 'Changed';
    await settle();
    scheduler.runFrames();
    expect(onNodes.mock.calls[0]![0]).toEqual([p1.firstChild]);
    p1.firstChild!.remove();
    await settle();
    scheduler.runFrames();
    expect(onNodes.mock.calls[1]![0]).toEqual([p1]);
  });

  it('ignores our own UI and nodes that left the page before the batch ran', async () => {
    const { scheduler, onNodes, batcher } = setup();
    stop = () => batcher.stop();
    document.getElementById('ui')!.append(document.createElement('span'));
    const gone = document.createElement('p');
    document.getElementById('a')!.append(gone);
    gone.remove();
    await settle();
    scheduler.runFrames();
    // The removal leaves the article as a changed parent; the removed node itself is dropped.
    const nodes = onNodes.mock.calls.flatMap((c) => c[0]);
    expect(nodes).not.toContain(gone);
    expect(nodes.every((n) => n.isConnected)).toBe(true);
    expect(nodes.some((n) => (n as Element).closest?.('[data-backstory-ui]'))).toBe(false);
  });

  it('asks for one full rescan past the overflow threshold', async () => {
    const { scheduler, onNodes, onOverflow, batcher } = setup({
      overflow: 1000,
      budgetMs: 200,
      windowMs: 2000,
      minGapMs: 0,
    });
    stop = () => batcher.stop();
    const a = document.getElementById('a')!;
    for (let i = 0; i < 1001; i++) a.append(document.createElement('span'));
    await settle();
    scheduler.runFrames();
    expect(onOverflow).toHaveBeenCalledTimes(1);
    expect(onNodes).not.toHaveBeenCalled();
  });

  it('defers batches once the work budget of the window is spent', async () => {
    let t = 0;
    const { scheduler, onNodes, batcher } = setup(
      { overflow: 1000, budgetMs: 50, windowMs: 1000, minGapMs: 0 },
      () => t,
    );
    stop = () => batcher.stop();
    // Each batch "costs" 60 ms: more than the whole budget.
    onNodes.mockImplementation(() => {
      t += 60;
    });
    const a = document.getElementById('a')!;
    a.append(document.createElement('p'));
    await settle();
    t = 1;
    scheduler.runFrames();
    expect(onNodes).toHaveBeenCalledTimes(1);
    a.append(document.createElement('p'));
    await settle();
    scheduler.runFrames();
    // Over budget: nothing ran, a timer waits for the end of the window instead of a frame.
    expect(onNodes).toHaveBeenCalledTimes(1);
    expect(scheduler.frames).toHaveLength(0);
    expect(scheduler.timers).toHaveLength(1);
    expect(scheduler.timers[0]!.delay).toBeGreaterThan(900);
    // More records meanwhile join the waiting queue without scheduling more work.
    a.append(document.createElement('p'));
    await settle();
    expect(scheduler.frames).toHaveLength(0);
    t = 1100;
    scheduler.timers[0]!.fn();
    expect(onNodes).toHaveBeenCalledTimes(2);
    expect(onNodes.mock.calls[1]![0]).toHaveLength(2);
  });

  it('handles a page that keeps changing at most once per minGapMs, what came between in one batch', async () => {
    let t = 0;
    const { scheduler, onNodes, batcher } = setup({ ...DEFAULT_BUDGET, minGapMs: 250 }, () => t);
    stop = () => batcher.stop();
    const a = document.getElementById('a')!;
    const append = async (at: number) => {
      t = at;
      const p = a.appendChild(document.createElement('p'));
      await settle();
      return p;
    };
    await append(1000);
    scheduler.runFrames();
    expect(onNodes).toHaveBeenCalledTimes(1);
    // 100 ms later: this change waits for the rest of the gap, on a timer, not a frame.
    const second = await append(1100);
    expect(scheduler.frames).toHaveLength(0);
    expect(scheduler.timers.map((x) => x.delay)).toEqual([150]);
    const third = await append(1120);
    expect(scheduler.timers).toHaveLength(1);
    t = 1250;
    scheduler.timers[0]!.fn();
    expect(onNodes).toHaveBeenCalledTimes(2);
    expect(onNodes.mock.calls[1]![0]).toEqual([second, third]);
    // After a quiet spell the next change runs in the next frame again.
    await append(2000);
    expect(scheduler.frames).toHaveLength(1);
    expect(scheduler.timers).toHaveLength(1);
  });

  it('stops observing on stop()', async () => {
    const { scheduler, onNodes, batcher } = setup();
    batcher.stop();
    document.getElementById('a')!.append(document.createElement('p'));
    await settle();
    scheduler.runFrames();
    expect(scheduler.frames).toHaveLength(0);
    expect(onNodes).not.toHaveBeenCalled();
  });
});

/**
 * Long work split into slices of a few milliseconds, yielding to the page between
 * them, so a 100,000-word page never blocks input. A cancelled run stops at the next
 * slice boundary.
 */

export interface SliceOptions {
  /** Longest slice, in ms (a slice may run over by one item). */
  budgetMs?: number;
  /** Checked between items; true stops the run. */
  isCancelled?: () => boolean;
  now?: () => number;
  /** Lets the page run: a task of its own ({@link defaultYield}). */
  yieldToHost?: () => Promise<void>;
  /** Called with each slice's duration (benchmarks). */
  onSlice?: (ms: number) => void;
  /**
   * When the task that runs the first slice began its work (by `now`), if earlier work
   * in it counts against that slice's budget: the task stays within one budget.
   */
  startedAt?: number;
}

interface Scheduler {
  postTask?: (callback: () => void, options?: { priority?: string }) => Promise<void>;
}

/**
 * Lets the page run, then resumes in a task of its own: `scheduler.postTask()` where
 * present, else a macrotask. The task starts by calling a function of this script, not by
 * resolving a promise (as `scheduler.yield()` does), so a trace or DevTools' performance
 * panel attributes each slice to the extension rather than to nobody.
 */
export function defaultYield(): Promise<void> {
  const scheduler = (globalThis as { scheduler?: Scheduler }).scheduler;
  return new Promise((resolve) => {
    const resume = () => resolve();
    if (scheduler?.postTask) void scheduler.postTask(resume, { priority: 'user-visible' });
    else setTimeout(resume, 0);
  });
}

/**
 * Runs `work` over `items` in slices; resolves true when all ran, false when cancelled.
 * `items` may be a lazy iterable (a generator): producing the next item counts as work
 * of the slice that asks for it.
 */
export async function runSliced<T>(
  items: Iterable<T>,
  work: (item: T, index: number) => void,
  {
    budgetMs = 5,
    isCancelled = () => false,
    now = () => performance.now(),
    yieldToHost = defaultYield,
    onSlice,
    startedAt,
  }: SliceOptions = {},
): Promise<boolean> {
  const iterator = items[Symbol.iterator]();
  let i = 0;
  let next = iterator.next();
  let taskStart = startedAt;
  while (!next.done) {
    if (isCancelled()) return false;
    const start = taskStart ?? now();
    taskStart = undefined;
    // Always make progress, even if one item exceeds the budget.
    do {
      work(next.value, i++);
      next = iterator.next();
    } while (!next.done && now() - start < budgetMs);
    onSlice?.(now() - start);
    if (!next.done) await yieldToHost();
  }
  return !isCancelled();
}

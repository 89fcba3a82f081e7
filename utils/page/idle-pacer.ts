/**
 * Runs a task when the page is next idle, once for any number of requests until then,
 * and never sooner than `gapMs` after its last run: a page that keeps changing sends its
 * report about once a second, not once per change (each report is a message, an answer
 * and a closed channel on the page's main thread).
 */
export interface PacerScheduler {
  setTimeout(fn: () => void, ms: number): unknown;
  /** Where the browser has it; the task runs on a zero timer otherwise. */
  requestIdleCallback?: (fn: () => void) => unknown;
}

export class IdlePacer {
  private pending = false;
  private last = -Infinity;

  constructor(
    private readonly scheduler: PacerScheduler,
    private readonly task: () => void,
    private readonly gapMs: number,
    private readonly now: () => number = () => performance.now(),
  ) {}

  request(): void {
    if (this.pending) return;
    this.pending = true;
    const fire = () => {
      this.pending = false;
      this.last = this.now();
      this.task();
    };
    const whenIdle = () => {
      if (this.scheduler.requestIdleCallback) this.scheduler.requestIdleCallback(fire);
      else this.scheduler.setTimeout(fire, 0);
    };
    const wait = this.last + this.gapMs - this.now();
    if (wait > 0) this.scheduler.setTimeout(whenIdle, wait);
    else whenIdle();
  }

  /** Forgets the last run, so the next request is not held back. */
  reset(): void {
    this.last = -Infinity;
  }
}

/**
 * One MutationObserver that only queues records; the work runs batched once per frame,
 * and a page that keeps changing is handled at most once per `minGapMs` (the records in
 * between wait for one batch, so each costs one request to the matcher, not one per
 * frame). Past ~1,000 records in a batch it asks for one full rescan instead. A budget keeps a
 * page that mutates forever from keeping the CPU busy: after too much work in a
 * window of time, batches wait until the window has passed.
 */
import type { ContentScriptContext } from 'wxt/utils/content-script-context';

export interface MutationHandlers {
  /** Added nodes and changed text nodes of one batch (our own UI filtered out). */
  onNodes: (nodes: Node[]) => void;
  /** Too many records at once: rescan everything. */
  onOverflow: () => void;
  isOwnNode: (node: Node) => boolean;
}

export interface MutationBudget {
  /** Records above which a batch becomes a full rescan. */
  overflow: number;
  /** Work allowed per window, in ms. */
  budgetMs: number;
  windowMs: number;
  /** Least ms from one batch to the next: the first change after a quiet spell runs in the next frame. */
  minGapMs: number;
}

export const DEFAULT_BUDGET: MutationBudget = {
  overflow: 1000,
  budgetMs: 200,
  windowMs: 2000,
  minGapMs: 250,
};

type Scheduler = Pick<ContentScriptContext, 'requestAnimationFrame' | 'setTimeout'>;

export class MutationBatcher {
  private observer: MutationObserver | undefined;
  private queue: MutationRecord[] = [];
  private scheduled = false;
  private windowStart = 0;
  private spent = 0;
  private lastBatch = -Infinity;

  constructor(
    private readonly scheduler: Scheduler,
    private readonly doc: Document,
    private readonly handlers: MutationHandlers,
    private readonly budget: MutationBudget = DEFAULT_BUDGET,
    private readonly now: () => number = () => performance.now(),
  ) {}

  start(): void {
    this.observer = new MutationObserver((records) => {
      for (const r of records) this.queue.push(r);
      this.schedule(this.lastBatch + this.budget.minGapMs - this.now());
    });
    this.observer.observe(this.doc.documentElement, { childList: true, characterData: true, subtree: true });
  }

  stop(): void {
    this.observer?.disconnect();
    this.observer = undefined;
    this.queue = [];
  }

  private schedule(delay: number): void {
    if (this.scheduled) return;
    this.scheduled = true;
    const run = () => {
      this.scheduled = false;
      this.flush();
    };
    if (delay > 0) this.scheduler.setTimeout(run, delay);
    else this.scheduler.requestAnimationFrame(run);
  }

  /** Processes the queued records now (also called by tests). */
  flush(): void {
    if (this.queue.length === 0) return;
    const t0 = this.now();
    if (t0 - this.windowStart > this.budget.windowMs) {
      this.windowStart = t0;
      this.spent = 0;
    }
    if (this.spent >= this.budget.budgetMs) {
      // Over budget: keep the records, try again when the window is over.
      this.schedule(this.windowStart + this.budget.windowMs - t0 + 1);
      return;
    }
    const records = this.queue;
    this.queue = [];
    this.lastBatch = t0;
    if (records.length > this.budget.overflow) {
      this.handlers.onOverflow();
    } else {
      const nodes = new Set<Node>();
      for (const r of records) {
        if (this.handlers.isOwnNode(r.target)) continue;
        if (r.type === 'characterData') nodes.add(r.target);
        else {
          r.addedNodes.forEach((n) => {
            if (!this.handlers.isOwnNode(n)) nodes.add(n);
          });
          // A removal changes its parent's block text too (but removing our own card does not).
          if ([...r.removedNodes].some((n) => !this.handlers.isOwnNode(n))) nodes.add(r.target);
        }
      }
      if (nodes.size > 0) this.handlers.onNodes([...nodes].filter((n) => n.isConnected));
    }
    this.spent += this.now() - t0;
  }
}

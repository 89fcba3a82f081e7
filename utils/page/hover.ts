/**
 * When a card opens and closes on hover (WCAG 1.4.13: dismissible, hoverable,
 * persistent). A pure state machine over pointer events and timers, so the rules are
 * unit-tested with fake timers: a dwell before opening, a grace period to travel into
 * the card, pinned cards never close by themselves.
 */

export interface HoverDeps<M> {
  dwellMs: () => number;
  graceMs: number;
  setTimeout: (fn: () => void, ms: number) => number;
  clearTimeout: (id: number) => void;
  /** The mention under the point, if any. */
  hitTest: (x: number, y: number) => M | undefined;
  /** Called as soon as a mention is hovered, so data is ready when the dwell ends. */
  prefetch: (mention: M) => void;
  open: (mention: M) => void;
  close: () => void;
  /** The mention the open card belongs to, or undefined when closed. */
  openFor: () => M | undefined;
  isPinned: () => boolean;
}

export class HoverTracker<M> {
  private hovered: M | undefined;
  private overCard = false;
  private dwell: number | undefined;
  private grace: number | undefined;

  constructor(private readonly deps: HoverDeps<M>) {}

  pointerMove(x: number, y: number): void {
    if (this.overCard) return;
    const mention = this.deps.hitTest(x, y);
    if (mention === this.hovered) return;
    this.hovered = mention;
    this.clearDwell();
    if (mention !== undefined) {
      this.deps.prefetch(mention);
      if (this.deps.openFor() === mention) {
        this.clearGrace();
        return;
      }
      this.dwell = this.deps.setTimeout(() => {
        this.dwell = undefined;
        if (this.hovered === mention) {
          this.clearGrace();
          this.deps.open(mention);
        }
      }, this.deps.dwellMs());
    } else {
      this.startGrace();
    }
  }

  /** The pointer left the window. */
  pointerLeave(): void {
    this.hovered = undefined;
    this.clearDwell();
    this.startGrace();
  }

  cardEnter(): void {
    this.overCard = true;
    this.clearGrace();
    this.clearDwell();
  }

  cardLeave(): void {
    this.overCard = false;
    this.hovered = undefined;
    this.startGrace();
  }

  /** Forget the pointer (the card was closed another way). */
  reset(): void {
    this.hovered = undefined;
    this.overCard = false;
    this.clearDwell();
    this.clearGrace();
  }

  private startGrace(): void {
    if (this.deps.openFor() === undefined || this.deps.isPinned() || this.grace !== undefined) return;
    this.grace = this.deps.setTimeout(() => {
      this.grace = undefined;
      const owner = this.deps.openFor();
      if (owner !== undefined && !this.overCard && this.hovered !== owner && !this.deps.isPinned()) {
        this.deps.close();
      }
    }, this.deps.graceMs);
  }

  private clearGrace(): void {
    if (this.grace !== undefined) this.deps.clearTimeout(this.grace);
    this.grace = undefined;
  }

  private clearDwell(): void {
    if (this.dwell !== undefined) this.deps.clearTimeout(this.dwell);
    this.dwell = undefined;
  }
}

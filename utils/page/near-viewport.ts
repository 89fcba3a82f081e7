/**
 * Which marked mentions are near the viewport: only those are registered as highlights.
 * Chromium re-checks every registered highlight range whenever the page's DOM changes,
 * so a page that keeps changing (a live blog, an endless feed) paid for every mark on it
 * on every change; and a new `Highlight` repaints them all. Registering the marks within
 * a screen of the viewport keeps that cost to what the reader can reach, and a page that
 * grows below the reader leaves the registry as it is. An IntersectionObserver (the
 * browser computes it off the scan's path) says when a block comes near or goes away.
 */

/** How far from the viewport, in viewport heights (and widths), a mark is still registered. */
export const NEAR_SCREENS = 1;

/**
 * Up to this many marks (most articles), all are registered and no block is measured or
 * observed. Following the blocks cost the seed article's content script about 0.5 ms and
 * a task (issue 16); the registry's cost, which this file exists to bound, matters on
 * pages with hundreds of marks.
 */
export const FEW_MARKS = 64;

export interface Box {
  top: number;
  bottom: number;
  left: number;
  right: number;
  width: number;
  height: number;
}

/**
 * A block with no box (`display: contents`, or not rendered) cannot be placed, so it
 * counts as near: better a registered range that paints nothing than a mention that
 * never shows.
 */
function hasNoBox(box: Pick<Box, 'width' | 'height'>): boolean {
  return box.width === 0 && box.height === 0;
}

/** Whether a block's box is within `screens` viewport sizes of the viewport (or it has none). */
export function isNearViewport(
  box: Box,
  viewport: { width: number; height: number },
  screens = NEAR_SCREENS,
): boolean {
  if (hasNoBox(box)) return true;
  const dy = viewport.height * screens;
  const dx = viewport.width * screens;
  return (
    box.bottom >= -dy &&
    box.top <= viewport.height + dy &&
    box.right >= -dx &&
    box.left <= viewport.width + dx
  );
}

/**
 * Keeps, for the blocks of the marks currently shown, whether each is near the viewport,
 * and observes them; `onChange` is called when a block's nearness changes, to register
 * the marks again. A block seen for the first time is measured at once when `measureNew`
 * (a scan's paint: its layout is clean then, so the rect is cheap); otherwise (blocks a
 * DOM change brought, when reading a rect would force the page's pending layout) it
 * counts as far until the observer's first report, a frame later, says otherwise (as near
 * if it was shown because the items were few until then: what was on screen stays).
 * Without IntersectionObserver every block counts as near.
 */
export class NearViewport {
  private readonly near = new Map<Element, boolean>();
  private readonly observer: IntersectionObserver | undefined;
  /**
   * The blocks of the last filter's items, when it kept them all because they were few;
   * built only if a DOM change then takes the page past `few`.
   */
  private keptBlocks: (() => Set<Element>) | undefined;

  constructor(
    private readonly win: Window,
    onChange: () => void,
    private readonly screens = NEAR_SCREENS,
    private readonly few = FEW_MARKS,
  ) {
    const IO = (win as Window & { IntersectionObserver?: typeof IntersectionObserver }).IntersectionObserver;
    this.observer = IO
      ? new IO(
          (entries) => {
            let changed = false;
            for (const entry of entries) {
              if (!this.near.has(entry.target)) continue;
              const near = entry.isIntersecting || hasNoBox(entry.boundingClientRect);
              if (near !== this.near.get(entry.target)) {
                this.near.set(entry.target, near);
                changed = true;
              }
            }
            if (changed) onChange();
          },
          // The document's own viewport as root, so the margin applies in a frame too. Not
          // `scrollMargin` as well: Chromium adds it to the viewport's margin, Firefox 153
          // does not; so a page that scrolls inside a <div> gets its marks as its blocks
          // come into that <div>'s view.
          { root: win.document, rootMargin: `${screens * 100}%` },
        )
      : undefined;
  }

  /**
   * The items whose block is near the viewport, in their order. The blocks of `items` are
   * the ones followed from now on; blocks no longer among them are let go. Up to `few`
   * items are all near, and no block is followed.
   */
  filter<T>(items: readonly T[], block: (item: T) => Element, measureNew = true): T[] {
    if (!this.observer) return [...items];
    if (items.length <= this.few) {
      if (this.near.size > 0) this.stop();
      const kept = [...items];
      this.keptBlocks = () => new Set(kept.map(block));
      return [...kept];
    }
    const shown = measureNew ? undefined : this.keptBlocks?.();
    this.keptBlocks = undefined;
    const current = new Set<Element>();
    const out: T[] = [];
    for (const item of items) {
      const element = block(item);
      current.add(element);
      let near = this.near.get(element);
      if (near === undefined) {
        near = measureNew ? this.measure(element) : (shown?.has(element) ?? false);
        this.near.set(element, near);
        this.observer.observe(element);
      }
      if (near) out.push(item);
    }
    if (current.size < this.near.size)
      for (const element of [...this.near.keys()])
        if (!current.has(element)) {
          this.near.delete(element);
          this.observer.unobserve(element);
        }
    return out;
  }

  /** Stops observing every block. */
  stop(): void {
    this.observer?.disconnect();
    this.near.clear();
    this.keptBlocks = undefined;
  }

  private measure(element: Element): boolean {
    const viewport = { width: this.win.innerWidth, height: this.win.innerHeight };
    return isNearViewport(element.getBoundingClientRect(), viewport, this.screens);
  }
}

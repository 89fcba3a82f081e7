/**
 * Marks mentions with the CSS Custom Highlight API: ranges in named `Highlight`
 * objects, painted by `::highlight()` rules from the content script's own stylesheet.
 * The page's DOM is never touched. Where the API is missing, nothing is marked.
 */
import type { Appearance } from '../shared/settings';

export const CURRENT_HIGHLIGHT = 'backstory-current';

export function highlightName(appearance: Pick<Appearance, 'style' | 'palette'>): string | undefined {
  return appearance.style === 'none' ? undefined : `backstory-${appearance.style}-${appearance.palette}`;
}

interface HighlightRegistryLike {
  set(name: string, highlight: unknown): unknown;
  delete(name: string): boolean;
  keys(): IterableIterator<string>;
}

/** `CSS.highlights` and the `Highlight` constructor, or undefined where unsupported. */
export function highlightApi(win: Window = window):
  | {
      registry: HighlightRegistryLike;
      Highlight: new (...ranges: AbstractRange[]) => Set<AbstractRange> & { priority: number };
    }
  | undefined {
  const css = (win as unknown as { CSS?: { highlights?: HighlightRegistryLike } }).CSS;
  const Highlight = (
    win as unknown as { Highlight?: new (...r: AbstractRange[]) => Set<AbstractRange> & { priority: number } }
  ).Highlight;
  if (!css?.highlights || !Highlight) return undefined;
  return { registry: css.highlights, Highlight };
}

/** Owns Backstory's entries in the page's highlight registry. */
export class Highlighter {
  private readonly api: ReturnType<typeof highlightApi>;
  private mentions?: Set<AbstractRange>;
  private current?: Set<AbstractRange>;
  private name?: string | undefined;

  constructor(win: Window = window) {
    this.api = highlightApi(win);
  }

  get supported(): boolean {
    return this.api !== undefined;
  }

  /** Replaces every marked mention with `ranges`, under the appearance's highlight name. */
  show(ranges: Iterable<AbstractRange>, appearance: Pick<Appearance, 'style' | 'palette'>): void {
    if (!this.api) return;
    const name = highlightName(appearance);
    if (this.name && this.name !== name) this.api.registry.delete(this.name);
    this.name = name;
    if (!name) {
      this.mentions = undefined;
      return;
    }
    const highlight = new this.api.Highlight(...ranges);
    this.mentions = highlight;
    this.api.registry.set(name, highlight);
  }

  /** Adds ranges to the marked set (incremental scans). */
  add(ranges: Iterable<AbstractRange>): void {
    if (!this.mentions) return;
    for (const r of ranges) this.mentions.add(r);
  }

  /** Removes ranges (nodes that left the page). */
  remove(ranges: Iterable<AbstractRange>): void {
    if (!this.mentions) return;
    for (const r of ranges) this.mentions.delete(r);
  }

  /** Marks one range as the current mention (keyboard, reveal), above the others. */
  setCurrent(range: AbstractRange | undefined): void {
    if (!this.api) return;
    if (!range) {
      this.api.registry.delete(CURRENT_HIGHLIGHT);
      this.current = undefined;
      return;
    }
    const highlight = new this.api.Highlight(range);
    highlight.priority = 1;
    this.current = highlight;
    this.api.registry.set(CURRENT_HIGHLIGHT, highlight);
  }

  get currentRange(): AbstractRange | undefined {
    return this.current ? [...this.current][0] : undefined;
  }

  /** Removes every entry Backstory made. */
  clear(): void {
    if (!this.api) return;
    for (const name of [...this.api.registry.keys()])
      if (name.startsWith('backstory')) this.api.registry.delete(name);
    this.mentions = undefined;
    this.current = undefined;
    this.name = undefined;
  }
}

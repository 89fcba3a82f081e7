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

/** What Backstory uses of `CSS.highlights`: set and delete by name, never iteration. */
interface HighlightRegistryLike {
  set(name: string, highlight: unknown): unknown;
  delete(name: string): boolean;
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

/**
 * Owns Backstory's entries in the page's highlight registry. It keeps its own record of
 * the names it registered and of the current range, and never reads the page's registry
 * or a Highlight back: in Firefox a content script sees page objects through Xray
 * wrappers, and spreading or iterating them throws.
 */
export class Highlighter {
  private readonly api: ReturnType<typeof highlightApi>;
  /** Names this highlighter set in the registry, and not deleted since. */
  private readonly registered = new Set<string>();
  private name?: string | undefined;
  /** The ranges registered under `name`, in order. */
  private shown: readonly AbstractRange[] = [];
  private current?: AbstractRange | undefined;

  constructor(win: Window = window) {
    this.api = highlightApi(win);
  }

  get supported(): boolean {
    return this.api !== undefined;
  }

  /**
   * Replaces every marked mention with `ranges`, under the appearance's highlight name.
   * The same ranges in the same order under the same name leave the registry alone: a new
   * `Highlight` would make the browser repaint every mark.
   */
  show(ranges: readonly AbstractRange[], appearance: Pick<Appearance, 'style' | 'palette'>): void {
    if (!this.api) return;
    const name = highlightName(appearance);
    if (name && name === this.name && sameRanges(ranges, this.shown)) return;
    if (this.name && this.name !== name) this.unregister(this.name);
    this.name = name;
    this.shown = name ? [...ranges] : [];
    if (name) this.register(name, new this.api.Highlight(...ranges));
  }

  /** Marks one range as the current mention (keyboard, reveal), above the others. */
  setCurrent(range: AbstractRange | undefined): void {
    if (!this.api) return;
    this.current = range;
    if (!range) {
      this.unregister(CURRENT_HIGHLIGHT);
      return;
    }
    const highlight = new this.api.Highlight(range);
    highlight.priority = 1;
    this.register(CURRENT_HIGHLIGHT, highlight);
  }

  get currentRange(): AbstractRange | undefined {
    return this.current;
  }

  /** Removes every entry Backstory made, and only those. */
  clear(): void {
    for (const name of this.registered) this.api?.registry.delete(name);
    this.registered.clear();
    this.current = undefined;
    this.name = undefined;
    this.shown = [];
  }

  private register(name: string, highlight: unknown): void {
    this.api!.registry.set(name, highlight);
    this.registered.add(name);
  }

  private unregister(name: string): void {
    this.api?.registry.delete(name);
    this.registered.delete(name);
  }
}

function sameRanges(a: readonly AbstractRange[], b: readonly AbstractRange[]): boolean {
  return a.length === b.length && a.every((range, i) => range === b[i]);
}

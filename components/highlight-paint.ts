/**
 * Painting marks in our own pages (the options preview, the first-run example) with the
 * page highlighter's own stylesheet (utils/page/highlights.css, imported by those pages'
 * entrypoints): the same CSS Custom Highlight names, so the colours have one source.
 */
import { useEffect } from 'preact/hooks';
import type { Appearance } from '../utils/shared/settings';

/**
 * The highlight a style and palette paint with, or undefined for "none". The page
 * highlighter's `highlightName` (utils/page/highlighter.ts) names them the same way;
 * tests/components/options.test.tsx keeps the two in step.
 */
export function highlightNameOf(appearance: Pick<Appearance, 'style' | 'palette'>): string | undefined {
  return appearance.style === 'none' ? undefined : `backstory-${appearance.style}-${appearance.palette}`;
}

type HighlightCtor = new (...ranges: Range[]) => unknown;

/**
 * Paints the text of `elements()` under the highlight `name` while mounted (and while
 * `name` and `key` stay the same). Where the browser has no Highlight API nothing is
 * painted; the elements still carry their names as text.
 */
export function usePaintedText(name: string | undefined, elements: () => Element[], key: unknown): void {
  useEffect(() => {
    const registry = (globalThis.CSS as { highlights?: Map<string, unknown> } | undefined)?.highlights;
    const Highlight = (globalThis as { Highlight?: HighlightCtor }).Highlight;
    if (!name || !registry || !Highlight) return;
    const ranges = elements().map((el) => {
      const range = document.createRange();
      range.selectNodeContents(el);
      return range;
    });
    const highlight = new Highlight(...ranges);
    registry.set(name, highlight);
    return () => {
      if (registry.get(name) === highlight) registry.delete(name);
    };
    // `elements` is read again whenever `name` or `key` changes.
  }, [name, key]);
}

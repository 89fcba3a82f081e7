import { describe, expect, it } from 'vitest';
import { CURRENT_HIGHLIGHT, Highlighter, highlightName } from '../../../utils/page/highlighter';

/** A stand-in for the Highlight constructor: a Set of ranges with a priority. */
class FakeHighlight extends Set<AbstractRange> {
  priority = 0;
  constructor(...ranges: AbstractRange[]) {
    super(ranges);
  }
}

/** A window with a highlight registry (a Map, like CSS.highlights), or without the API. */
function fakeWindow(supported = true): { win: Window; registry: Map<string, FakeHighlight> } {
  const registry = new Map<string, FakeHighlight>();
  const win = (supported
    ? { CSS: { highlights: registry }, Highlight: FakeHighlight }
    : { CSS: {} }) as unknown as Window;
  return { win, registry };
}

const range = (): AbstractRange => ({}) as AbstractRange;
const underline = { style: 'underline', palette: 'amber' } as const;

describe('Highlighter', () => {
  it('names every highlight with the backstory prefix', () => {
    expect(highlightName(underline)).toBe('backstory-underline-amber');
    expect(highlightName({ style: 'background', palette: 'blue' })).toBe('backstory-background-blue');
    expect(highlightName({ style: 'none', palette: 'blue' })).toBeUndefined();
    expect(CURRENT_HIGHLIGHT.startsWith('backstory')).toBe(true);
  });

  it('registers the ranges under the appearance name, replacing the previous set', () => {
    const { win, registry } = fakeWindow();
    const h = new Highlighter(win);
    expect(h.supported).toBe(true);
    const [a, b, c] = [range(), range(), range()];
    h.show([a, b], underline);
    expect([...registry.keys()]).toEqual(['backstory-underline-amber']);
    expect([...registry.get('backstory-underline-amber')!]).toEqual([a, b]);
    h.show([c], underline);
    expect([...registry.get('backstory-underline-amber')!]).toEqual([c]);
  });

  it('moves to a new name when the appearance changes, and shows nothing for style none', () => {
    const { win, registry } = fakeWindow();
    const h = new Highlighter(win);
    h.show([range()], underline);
    h.show([range()], { style: 'background', palette: 'green' });
    expect([...registry.keys()]).toEqual(['backstory-background-green']);
    h.show([range()], { style: 'none', palette: 'green' });
    expect(registry.size).toBe(0);
  });

  it('leaves the registry alone for the same ranges in the same order, and replaces it otherwise', () => {
    const { win, registry } = fakeWindow();
    const h = new Highlighter(win);
    const [a, b] = [range(), range()];
    h.show([a, b], underline);
    const first = registry.get('backstory-underline-amber');
    // A new Highlight would make the browser repaint every mark: the same list keeps the old one.
    h.show([a, b], underline);
    expect(registry.get('backstory-underline-amber')).toBe(first);
    h.show([b, a], underline);
    const reordered = registry.get('backstory-underline-amber');
    expect(reordered).not.toBe(first);
    expect([...reordered!]).toEqual([b, a]);
    h.show([b], underline);
    expect([...registry.get('backstory-underline-amber')!]).toEqual([b]);
    // A new appearance with the same ranges moves them; after clear, showing them registers again.
    h.show([b], { style: 'background', palette: 'blue' });
    expect([...registry.keys()]).toEqual(['backstory-background-blue']);
    h.clear();
    h.show([b], { style: 'background', palette: 'blue' });
    expect([...registry.get('backstory-background-blue')!]).toEqual([b]);
  });

  it('marks one current range above the others', () => {
    const { win, registry } = fakeWindow();
    const h = new Highlighter(win);
    const a = range();
    h.setCurrent(a);
    expect(registry.get(CURRENT_HIGHLIGHT)!.priority).toBe(1);
    expect(h.currentRange).toBe(a);
    h.setCurrent(undefined);
    expect(registry.has(CURRENT_HIGHLIGHT)).toBe(false);
    expect(h.currentRange).toBeUndefined();
  });

  it("clears only its own entries, never the page's", () => {
    const { win, registry } = fakeWindow();
    registry.set('page-search-hit', new FakeHighlight());
    const h = new Highlighter(win);
    h.show([range()], underline);
    h.setCurrent(range());
    h.clear();
    expect([...registry.keys()]).toEqual(['page-search-hit']);
  });

  it('does nothing, without throwing, where CSS.highlights is missing', () => {
    const { win } = fakeWindow(false);
    const h = new Highlighter(win);
    expect(h.supported).toBe(false);
    expect(() => {
      h.show([range()], underline);
      h.setCurrent(range());
      h.clear();
    }).not.toThrow();
    expect(h.currentRange).toBeUndefined();
  });

  it('never iterates the page’s registry or a Highlight (Firefox Xray wrappers throw on that)', () => {
    const xray = () => {
      throw new Error('Xray wrapping of iterators not supported');
    };
    class XrayHighlight extends FakeHighlight {
      override [Symbol.iterator] = xray as never;
      override values = xray as never;
      override forEach = xray as never;
    }
    const registry = new Map<string, FakeHighlight>();
    const page = {
      set: (name: string, h: FakeHighlight) => registry.set(name, h),
      delete: (name: string) => registry.delete(name),
      keys: xray,
      forEach: xray,
      [Symbol.iterator]: xray,
    };
    const h = new Highlighter({ CSS: { highlights: page }, Highlight: XrayHighlight } as unknown as Window);
    const a = range();
    h.show([range()], underline);
    h.setCurrent(a);
    expect(h.currentRange).toBe(a);
    h.setCurrent(range());
    expect(() => h.clear()).not.toThrow();
    expect(registry.size).toBe(0);
    // Turned off and on again: it registers afresh.
    h.show([range()], underline);
    expect([...registry.keys()]).toEqual(['backstory-underline-amber']);
  });

  it('is unsupported when only the registry or only the constructor exists', () => {
    expect(new Highlighter({ CSS: { highlights: new Map() } } as unknown as Window).supported).toBe(false);
    expect(new Highlighter({ Highlight: FakeHighlight } as unknown as Window).supported).toBe(false);
  });
});

describe('Highlighter in a real engine (the page’s own CSS.highlights)', () => {
  it('registers real ranges, marks the current one above them, and clears only its own', () => {
    document.body.innerHTML = '<p>Huawei and ZTE and NATO</p>';
    const text = document.querySelector('p')!.firstChild!;
    const at = (from: number, to: number) => {
      const r = document.createRange();
      r.setStart(text, from);
      r.setEnd(text, to);
      return r;
    };
    const registry = (CSS as unknown as { highlights: Map<string, Set<Range>> }).highlights;
    const pageOwn = new (window as unknown as { Highlight: new () => Set<Range> }).Highlight();
    registry.set('page-own', pageOwn);
    const h = new Highlighter(window);
    expect(h.supported).toBe(true);
    h.show([at(0, 6), at(11, 14)], underline);
    expect([...registry.get('backstory-underline-amber')!].map((r) => r.toString())).toEqual([
      'Huawei',
      'ZTE',
    ]);
    h.setCurrent(at(19, 23));
    expect(registry.get(CURRENT_HIGHLIGHT)!.size).toBe(1);
    expect(h.currentRange!.toString()).toBe('NATO');
    h.clear();
    expect([...registry.keys()]).toEqual(['page-own']);
    registry.delete('page-own');
  });
});

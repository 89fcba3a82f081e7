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

  it('adds and removes ranges incrementally', () => {
    const { win, registry } = fakeWindow();
    const h = new Highlighter(win);
    const [a, b] = [range(), range()];
    h.show([a], underline);
    h.add([b]);
    expect(registry.get('backstory-underline-amber')!.size).toBe(2);
    h.remove([a]);
    expect([...registry.get('backstory-underline-amber')!]).toEqual([b]);
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
      h.add([range()]);
      h.remove([range()]);
      h.setCurrent(range());
      h.clear();
    }).not.toThrow();
    expect(h.currentRange).toBeUndefined();
  });

  it('is unsupported when only the registry or only the constructor exists', () => {
    expect(new Highlighter({ CSS: { highlights: new Map() } } as unknown as Window).supported).toBe(false);
    expect(new Highlighter({ Highlight: FakeHighlight } as unknown as Window).supported).toBe(false);
  });
});

import { afterEach, describe, expect, it, vi } from 'vitest';
import { iterateBlocks, type TextBlock } from '../../../../utils/page/read/blocks';
import {
  applyDensity,
  caretAt,
  MentionIndex,
  rangeContainsPoint,
  toRange,
  type DensityInput,
} from '../../../../utils/page/read/mentions';

/** Every block of `root`, as the content script's slices pull them. */
const collectBlocks = (...args: Parameters<typeof iterateBlocks>) => [...iterateBlocks(...args)];

/**
 * Fixtures live in the global test document: happy-dom collapses Ranges over nodes of
 * DOMParser-created documents (its Range root check looks at the window's document).
 */
function parse(bodyHtml: string): Document {
  document.body.innerHTML = bodyHtml;
  return document;
}

/** The single block of a one-paragraph fixture. */
function block(bodyHtml: string): TextBlock {
  const blocks = collectBlocks(parse(bodyHtml).body);
  expect(blocks).toHaveLength(1);
  return blocks[0]!;
}

const span = (b: TextBlock, needle: string, from = 0): { start: number; end: number } => {
  const start = b.text.indexOf(needle, from);
  expect(start).toBeGreaterThanOrEqual(0);
  return { start, end: start + needle.length };
};

describe('toRange', () => {
  it('maps a match inside one text node', () => {
    const b = block('<p>The Huawei case</p>');
    const r = toRange(b, span(b, 'Huawei'));
    expect(r.startContainer).toBe(b.nodes[0]);
    expect(r.startOffset).toBe(4);
    expect(r.endOffset).toBe(10);
    expect(r.toString()).toBe('Huawei');
  });

  it('maps a match across inline markup', () => {
    const b = block('<p>said Meng <em>Wanzhou</em> today</p>');
    const r = toRange(b, span(b, 'Meng Wanzhou'));
    expect(r.startContainer).toBe(b.nodes[0]);
    expect(r.endContainer).toBe(b.nodes[1]);
    expect(r.endOffset).toBe(7);
    expect(r.toString()).toBe('Meng Wanzhou');
  });

  it('maps a match across three nodes', () => {
    const b = block('<p>x Me<a>ng Wan</a><b>zhou</b> y</p>');
    const r = toRange(b, span(b, 'Meng Wanzhou'));
    expect(r.startContainer).toBe(b.nodes[0]);
    expect(r.endContainer).toBe(b.nodes[2]);
    expect(r.toString()).toBe('Meng Wanzhou');
  });

  it('starts in the next node when the match starts on a node boundary', () => {
    const b = block('<p>Meng <em>Wanzhou</em></p>');
    const r = toRange(b, span(b, 'Wanzhou'));
    expect(r.startContainer).toBe(b.nodes[1]);
    expect(r.startOffset).toBe(0);
  });

  it('ends in the previous node when the match ends on a node boundary', () => {
    const b = block('<p><em>Meng</em> Wanzhou</p>');
    const r = toRange(b, span(b, 'Meng'));
    expect(r.endContainer).toBe(b.nodes[0]);
    expect(r.endOffset).toBe(4);
  });

  it('maps matches at the very start and end of the block', () => {
    const b = block('<p><i>ab</i>cd<b>ef</b></p>');
    expect(toRange(b, { start: 0, end: 6 }).toString()).toBe('abcdef');
    const r = toRange(b, { start: 6, end: 6 });
    expect(r.collapsed).toBe(true);
    expect(r.startContainer).toBe(b.nodes[2]);
    expect(r.startOffset).toBe(2);
  });

  it('clamps offsets beyond the block or a node changed since the scan', () => {
    const b = block('<p>Huawei <b>NATO</b></p>');
    expect(toRange(b, { start: -5, end: 99 }).toString()).toBe('Huawei NATO');
    b.nodes[1]!.data = 'NA';
    expect(() => toRange(b, span(b, 'NATO'))).not.toThrow();
  });

  it('maps RTL text and astral characters by UTF-16 offsets', () => {
    const b = block('<p dir="rtl">قالت <b>هواوي</b> 😀 <i>مينغ</i></p>');
    expect(toRange(b, span(b, 'هواوي')).toString()).toBe('هواوي');
    expect(toRange(b, span(b, '😀 مينغ')).toString()).toBe('😀 مينغ');
  });

  it('finds the right node among many (binary search)', () => {
    const html = Array.from({ length: 500 }, (_, i) => `<span>w${i} </span>`).join('');
    const b = block(`<p>${html}</p>`);
    const s = span(b, 'w250 w251');
    const r = toRange(b, s);
    expect(r.startContainer).toBe(b.nodes[250]);
    expect(r.endContainer).toBe(b.nodes[251]);
    expect(r.toString()).toBe('w250 w251');
  });
});

describe('MentionIndex', () => {
  it('hit-tests inside, at the edges and outside a mention', () => {
    const b = block('<p>The Huawei case</p>');
    const idx = new MentionIndex();
    expect(idx.add(1, b, span(b, 'Huawei'))).toBe(true);
    const t = b.nodes[0]!;
    expect(idx.hitTest(t, 3)).toBeUndefined();
    expect(idx.hitTest(t, 4)).toBe(1);
    expect(idx.hitTest(t, 7)).toBe(1);
    // Caret after the last character: the pointer was on its right half.
    expect(idx.hitTest(t, 10)).toBe(1);
    expect(idx.hitTest(t, 11)).toBeUndefined();
    expect(idx.hitTest(t, 0)).toBeUndefined();
    expect(idx.size).toBe(1);
  });

  it('hit-tests a mention split across nodes in every node', () => {
    const b = block('<p>Meng <em>Wanzhou</em> said</p>');
    const idx = new MentionIndex();
    idx.add(7, b, span(b, 'Meng Wanzhou'));
    expect(idx.hitTest(b.nodes[0]!, 0)).toBe(7);
    expect(idx.hitTest(b.nodes[1]!, 3)).toBe(7);
    expect(idx.hitTest(b.nodes[2]!, 1)).toBeUndefined();
    expect(idx.rangeOf(7)!.toString()).toBe('Meng Wanzhou');
    expect(idx.get(7)).toMatchObject({ start: 0, end: 12 });
  });

  it('prefers the character after the caret between adjacent mentions and lists both', () => {
    const b = block('<p>HuaweiNATO</p>');
    const idx = new MentionIndex();
    idx.add(1, b, { start: 0, end: 6 });
    idx.add(2, b, { start: 6, end: 10 });
    expect(idx.hitTest(b.nodes[0]!, 6)).toBe(2);
    expect(idx.candidates(b.nodes[0]!, 6)).toEqual([2, 1]);
    expect(idx.candidates(b.nodes[0]!, 10)).toEqual([2]);
    expect(idx.candidates(b.nodes[0]!, 3)).toEqual([1]);
  });

  it('keeps segments sorted whatever the insertion order', () => {
    const b = block(`<p>${'abcd '.repeat(1000)}</p>`);
    const idx = new MentionIndex();
    const ids = Array.from({ length: 1000 }, (_, i) => i).sort(() => Math.random() - 0.5);
    for (const i of ids) expect(idx.add(i, b, { start: i * 5, end: i * 5 + 4 })).toBe(true);
    for (let i = 0; i < 1000; i += 37) {
      expect(idx.hitTest(b.nodes[0]!, i * 5 + 2)).toBe(i);
      expect(idx.hitTest(b.nodes[0]!, i * 5 + 4)).toBe(i);
    }
  });

  it('rejects overlapping mentions and replaces a re-added id', () => {
    const b = block('<p>Meng Wanzhou</p>');
    const idx = new MentionIndex();
    expect(idx.add(1, b, { start: 0, end: 4 })).toBe(true);
    expect(idx.add(2, b, { start: 2, end: 8 })).toBe(false);
    expect(idx.add(3, b, { start: 0, end: 12 })).toBe(false);
    expect(idx.hitTest(b.nodes[0]!, 6)).toBeUndefined();
    expect(idx.add(1, b, { start: 5, end: 12 })).toBe(true);
    expect(idx.hitTest(b.nodes[0]!, 1)).toBeUndefined();
    expect(idx.hitTest(b.nodes[0]!, 6)).toBe(1);
  });

  it('rejects empty or out-of-range matches', () => {
    const b = block('<p>abc</p>');
    const idx = new MentionIndex();
    expect(idx.add(1, b, { start: 2, end: 2 })).toBe(false);
    expect(idx.add(2, b, { start: 5, end: 9 })).toBe(false);
    expect(idx.size).toBe(0);
  });

  it('returns undefined for unknown or non-text nodes', () => {
    const b = block('<p>Huawei</p>');
    const idx = new MentionIndex();
    idx.add(1, b, { start: 0, end: 6 });
    expect(idx.hitTest(b.element, 0)).toBeUndefined();
    expect(idx.hitTest(b.element.ownerDocument.createTextNode('Huawei'), 1)).toBeUndefined();
    expect(idx.rangeOf(99)).toBeUndefined();
  });

  it('removes a mention everywhere when one of its nodes is removed', () => {
    const b = block('<p>Meng <em>Wanzhou</em> and Huawei</p>');
    const idx = new MentionIndex();
    idx.add(1, b, span(b, 'Meng Wanzhou'));
    idx.add(2, b, span(b, 'Huawei'));
    expect(idx.removeNode(b.nodes[1]!)).toEqual([1]);
    expect(idx.hitTest(b.nodes[0]!, 1)).toBeUndefined();
    expect(idx.hitTest(b.nodes[2]!, 7)).toBe(2);
    expect(idx.size).toBe(1);
  });

  it('removes mentions inside a removed element subtree', () => {
    const doc = parse('<p>Huawei</p><div id="d"><p>NATO <b>x</b></p></div>');
    const [p1, p2] = collectBlocks(doc.body);
    const idx = new MentionIndex();
    idx.add(1, p1!, { start: 0, end: 6 });
    idx.add(2, p2!, { start: 0, end: 4 });
    const d = doc.getElementById('d')!;
    d.remove();
    expect(idx.removeNode(d)).toEqual([2]);
    expect(idx.hitTest(p1!.nodes[0]!, 0)).toBe(1);
  });

  it('remove and clear forget mentions', () => {
    const b = block('<p>Huawei NATO</p>');
    const idx = new MentionIndex();
    idx.add(1, b, { start: 0, end: 6 });
    idx.add(2, b, { start: 7, end: 11 });
    expect(idx.remove(1)).toBe(true);
    expect(idx.remove(1)).toBe(false);
    expect(idx.hitTest(b.nodes[0]!, 2)).toBeUndefined();
    expect(idx.hitTest(b.nodes[0]!, 8)).toBe(2);
    idx.clear();
    expect(idx.size).toBe(0);
    expect(idx.hitTest(b.nodes[0]!, 8)).toBeUndefined();
  });
});

describe('caretAt', () => {
  const text = parse('<p>hello</p>').body.firstChild!.firstChild!;

  it('uses caretPositionFromPoint when present', () => {
    const rangeSpy = vi.fn();
    const doc = {
      caretPositionFromPoint: (x: number, y: number) => ({
        offsetNode: text,
        offset: x + y,
      }),
      caretRangeFromPoint: rangeSpy,
    } as unknown as Document;
    expect(caretAt(1, 2, doc)).toEqual({ node: text, offset: 3 });
    expect(rangeSpy).not.toHaveBeenCalled();
  });

  it('falls back to caretRangeFromPoint', () => {
    const doc = {
      caretRangeFromPoint: () => ({ startContainer: text, startOffset: 4 }),
    } as unknown as Document;
    expect(caretAt(0, 0, doc)).toEqual({ node: text, offset: 4 });
  });

  it('returns null when there is no caret or no API', () => {
    expect(
      caretAt(0, 0, {
        caretPositionFromPoint: () => null,
      } as unknown as Document),
    ).toBeNull();
    expect(caretAt(0, 0, { caretRangeFromPoint: () => null } as unknown as Document)).toBeNull();
    expect(caretAt(0, 0, {} as Document)).toBeNull();
  });
});

describe('rangeContainsPoint', () => {
  const rect = (left: number, top: number, width: number, height: number): DOMRectReadOnly =>
    ({
      left,
      top,
      width,
      height,
      right: left + width,
      bottom: top + height,
      x: left,
      y: top,
    }) as DOMRectReadOnly;
  const range = (...rects: DOMRectReadOnly[]) => ({
    getClientRects: () => rects,
  });

  it('accepts points inside any rect, edges included', () => {
    const r = range(rect(10, 10, 50, 20), rect(0, 30, 40, 20));
    expect(rangeContainsPoint(r, 30, 20)).toBe(true);
    expect(rangeContainsPoint(r, 10, 10)).toBe(true);
    expect(rangeContainsPoint(r, 60, 30)).toBe(true);
    expect(rangeContainsPoint(r, 5, 40)).toBe(true);
  });

  it('rejects points in the margin between or beside rects', () => {
    const r = range(rect(10, 10, 50, 20), rect(0, 30, 40, 20));
    expect(rangeContainsPoint(r, 55, 45)).toBe(false);
    expect(rangeContainsPoint(r, 200, 15)).toBe(false);
    expect(rangeContainsPoint(range(), 0, 0)).toBe(false);
  });

  it('ignores empty rects and honours slop', () => {
    expect(rangeContainsPoint(range(rect(10, 10, 0, 20)), 10, 15)).toBe(false);
    expect(rangeContainsPoint(range(rect(10, 10, 5, 5)), 17, 12)).toBe(false);
    expect(rangeContainsPoint(range(rect(10, 10, 5, 5)), 17, 12, 2)).toBe(true);
  });
});

describe('MentionIndex.hitTestPoint', () => {
  afterEach(() => {
    vi.restoreAllMocks();
    delete (document as { caretPositionFromPoint?: unknown }).caretPositionFromPoint;
  });

  it('returns the mention only when the point is inside its rects', () => {
    const b = block('<p>The Huawei case</p>');
    const idx = new MentionIndex();
    idx.add(5, b, span(b, 'Huawei'));
    const doc = b.element.ownerDocument;
    const fake = doc as unknown as { caretPositionFromPoint: unknown };
    fake.caretPositionFromPoint = () => ({
      offsetNode: b.nodes[0]!,
      offset: 6,
    });
    const rect = {
      left: 0,
      top: 0,
      right: 100,
      bottom: 20,
      width: 100,
      height: 20,
    } as DOMRectReadOnly;
    vi.spyOn(Range.prototype, 'getClientRects').mockReturnValue([rect] as unknown as DOMRectList);
    expect(idx.hitTestPoint(50, 10, doc)).toBe(5);
    // The caret API snapped to the word from the margin: the rect check says no.
    expect(idx.hitTestPoint(500, 10, doc)).toBeUndefined();
    fake.caretPositionFromPoint = () => ({
      offsetNode: b.nodes[0]!,
      offset: 1,
    });
    expect(idx.hitTestPoint(50, 10, doc)).toBeUndefined();
    fake.caretPositionFromPoint = () => null;
    expect(idx.hitTestPoint(50, 10, doc)).toBeUndefined();
  });
});

describe('applyDensity', () => {
  const m = (entityId: string, blockIndex: number, section = 0): DensityInput => ({
    entityId,
    blockIndex,
    section,
  });
  const input = [
    m('huawei', 0),
    m('nato', 0),
    m('huawei', 1),
    m('huawei', 2, 1),
    m('nato', 3, 1),
    m('nato', 4, 1),
  ];

  it('marks everything in "all"', () => {
    expect(applyDensity(input, 'all')).toEqual([true, true, true, true, true, true]);
  });

  it('marks the first mention per entity', () => {
    expect(applyDensity(input, 'first-per-entity')).toEqual([true, true, false, false, false, false]);
  });

  it('marks the first mention per entity per section', () => {
    expect(applyDensity(input, 'first-per-section')).toEqual([true, true, false, true, true, false]);
  });

  it('uses document order even when the input is not sorted', () => {
    const shuffled = [m('huawei', 5), m('huawei', 2), m('huawei', 2), m('huawei', 9)];
    expect(applyDensity(shuffled, 'first-per-entity')).toEqual([false, true, false, false]);
  });

  it('handles empty input and entity ids that look like keys', () => {
    expect(applyDensity([], 'first-per-section')).toEqual([]);
    expect(applyDensity([m('1,a', 0, 0), m('a', 0, 1), m('1,a', 1, 0)], 'first-per-section')).toEqual([
      true,
      true,
      false,
    ]);
  });
});

/**
 * From matcher offsets to the DOM: Ranges for painting (CSS Custom Highlight API), and a
 * hit-test table so pointer events can be mapped to a mention without touching the page.
 */
import type { TextBlock } from './blocks';

/** A half-open span `[start, end)` of UTF-16 offsets into a block's text. */
export interface Span {
  start: number;
  end: number;
}

/** A DOM position: a node and an offset in it (characters for Text nodes). */
export interface CaretPoint {
  node: Node;
  offset: number;
}

/** Largest index `i` with `starts[i] <= value` (0 when none): which node holds `value`. */
function nodeIndexAt(starts: readonly number[], value: number): number {
  let lo = 0;
  let hi = starts.length - 1;
  while (lo < hi) {
    const mid = (lo + hi + 1) >>> 1;
    if (starts[mid]! <= value) lo = mid;
    else hi = mid - 1;
  }
  return lo;
}

/**
 * Where block offset `offset` falls in the DOM. For a start, the node holding the character
 * at `offset`; for an end, the node holding the character just before it, so a mention
 * that ends where a text node ends does not spill (collapsed) into the next node.
 * Offsets are clamped to the node's current length: the page may have edited it since.
 */
function locate(block: TextBlock, offset: number, isEnd: boolean): CaretPoint {
  const i = nodeIndexAt(block.starts, isEnd && offset > 0 ? offset - 1 : offset);
  const node = block.nodes[i];
  if (node === undefined) throw new RangeError('Block has no text nodes');
  const local = offset - (block.starts[i] ?? 0);
  return { node, offset: Math.max(0, Math.min(local, node.data.length)) };
}

/**
 * Maps `match` (offsets into `block.text`) to a DOM Range spanning the text nodes it covers
 * (binary search on `block.starts`, so O(log n) in the block's node count).
 *
 * @param doc the document to create the Range in; defaults to the block's own document
 */
export function toRange(block: TextBlock, match: Span, doc?: Document): Range {
  const owner = doc ?? block.nodes[0]?.ownerDocument ?? document;
  const start = Math.max(0, Math.min(match.start, block.text.length));
  const end = Math.max(start, Math.min(match.end, block.text.length));
  const a = locate(block, start, false);
  const b = start === end ? a : locate(block, end, true);
  const range = owner.createRange();
  range.setStart(a.node, a.offset);
  range.setEnd(b.node, b.offset);
  return range;
}

/** One mention's share of one Text node. */
interface Segment {
  start: number;
  end: number;
  id: number;
}

interface Entry {
  block: TextBlock;
  start: number;
  end: number;
  nodes: Text[];
}

/** Index of the first segment with `start > offset`, minus one: the last one starting at or before it. */
function lastStartingAtOrBefore(segs: readonly Segment[], offset: number): number {
  let lo = 0;
  let hi = segs.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (segs[mid]!.start <= offset) lo = mid + 1;
    else hi = mid;
  }
  return lo - 1;
}

/**
 * Per Text node, the sorted, non-overlapping segments of the mentions painted in it.
 * Lets a pointer position (from `caretAt`) be mapped to a mention id in O(log n), without
 * `highlightsFromPoint` or any DOM change.
 */
export class MentionIndex {
  private readonly byNode = new Map<Text, Segment[]>();
  private readonly byId = new Map<number, Entry>();

  /** Number of mentions held. */
  get size(): number {
    return this.byId.size;
  }

  /**
   * Records mention `id` at `match` in `block`. Returns false (and records nothing) when the
   * mention would overlap one already recorded: segments within a node must stay disjoint
   * for the binary search, and the matcher never emits overlapping mentions anyway.
   * Re-adding an existing id replaces it.
   */
  add(id: number, block: TextBlock, match: Span): boolean {
    if (this.byId.has(id)) this.remove(id);
    const start = Math.max(0, match.start);
    const end = Math.min(block.text.length, match.end);
    if (end <= start) return false;
    const parts: { node: Text; seg: Segment; at: number }[] = [];
    for (let i = nodeIndexAt(block.starts, start); i < block.nodes.length; i++) {
      const nodeStart = block.starts[i]!;
      if (nodeStart >= end) break;
      const node = block.nodes[i]!;
      const segStart = Math.max(start, nodeStart) - nodeStart;
      const segEnd = Math.min(end, nodeStart + node.data.length) - nodeStart;
      if (segEnd <= segStart) continue;
      const segs = this.byNode.get(node) ?? [];
      const at = lastStartingAtOrBefore(segs, segStart) + 1;
      const before = segs[at - 1];
      const after = segs[at];
      if ((before !== undefined && before.end > segStart) || (after !== undefined && after.start < segEnd)) {
        return false;
      }
      parts.push({ node, seg: { start: segStart, end: segEnd, id }, at });
    }
    if (parts.length === 0) return false;
    for (const { node, seg, at } of parts) {
      let segs = this.byNode.get(node);
      if (segs === undefined) {
        segs = [];
        this.byNode.set(node, segs);
      }
      segs.splice(at, 0, seg);
    }
    this.byId.set(id, { block, start, end, nodes: parts.map((p) => p.node) });
    return true;
  }

  /** Forgets mention `id`. Returns whether it was known. */
  remove(id: number): boolean {
    const entry = this.byId.get(id);
    if (entry === undefined) return false;
    this.byId.delete(id);
    for (const node of entry.nodes) {
      const segs = this.byNode.get(node);
      if (segs === undefined) continue;
      const kept = segs.filter((s) => s.id !== id);
      if (kept.length === 0) this.byNode.delete(node);
      else this.byNode.set(node, kept);
    }
    return true;
  }

  /**
   * Forgets every mention with a segment in `node` (a Text node) or in any Text node inside
   * it (an Element, e.g. from a MutationObserver's removedNodes). A mention split across
   * nodes goes entirely: its Range is no longer valid. Returns the removed ids so the caller
   * can drop their highlights.
   */
  removeNode(node: Node): number[] {
    const ids = new Set<number>();
    if (node.nodeType === 3) {
      for (const s of this.byNode.get(node as Text) ?? []) ids.add(s.id);
    } else {
      for (const [text, segs] of this.byNode) {
        if (node.contains(text)) for (const s of segs) ids.add(s.id);
      }
    }
    for (const id of ids) this.remove(id);
    return [...ids];
  }

  /** Forgets everything. */
  clear(): void {
    this.byNode.clear();
    this.byId.clear();
  }

  /**
   * The mention under a caret position, or undefined. A caret sits between characters, so
   * the character after it wins and, failing that, the one before it (the right half of a
   * mention's last character yields the caret at its end). Verify with `rangeContainsPoint`
   * when the caret came from a pointer; `hitTestPoint` does both.
   */
  hitTest(node: Node, offset: number): number | undefined {
    return this.candidates(node, offset)[0];
  }

  /**
   * Up to two mention ids near a caret: the one holding the character after the caret, then
   * the one holding the character before it (they differ only for adjacent mentions).
   */
  candidates(node: Node, offset: number): number[] {
    if (node.nodeType !== 3) return [];
    const segs = this.byNode.get(node as Text);
    if (segs === undefined) return [];
    const i = lastStartingAtOrBefore(segs, offset);
    const seg = segs[i];
    if (seg === undefined) return [];
    if (offset < seg.end) {
      // Caret inside seg, or at its start: the character before may belong to the previous one.
      const prev = segs[i - 1];
      return offset === seg.start && prev !== undefined && prev.end === offset ? [seg.id, prev.id] : [seg.id];
    }
    return offset === seg.end ? [seg.id] : [];
  }

  /** A fresh Range for mention `id`, or undefined when unknown. */
  rangeOf(id: number, doc?: Document): Range | undefined {
    const entry = this.byId.get(id);
    return entry === undefined ? undefined : toRange(entry.block, entry, doc);
  }

  /** The block and span of mention `id`, as added. */
  get(id: number): { block: TextBlock; start: number; end: number } | undefined {
    const entry = this.byId.get(id);
    return entry === undefined ? undefined : { block: entry.block, start: entry.start, end: entry.end };
  }

  /**
   * The mention under viewport point (x, y), or undefined: caret lookup, table lookup, then a
   * check against the mention's client rects (caret APIs snap to the nearest text even
   * when the pointer is in a margin or between lines).
   */
  hitTestPoint(
    x: number,
    y: number,
    doc: Document = document,
    rangeOf: (id: number) => Range | undefined = (id) => this.rangeOf(id, doc),
  ): number | undefined {
    const caret = caretAt(x, y, doc);
    if (caret === null) return undefined;
    for (const id of this.candidates(caret.node, caret.offset)) {
      const range = rangeOf(id);
      if (range !== undefined && rangeContainsPoint(range, x, y)) return id;
    }
    return undefined;
  }
}

/** The caret APIs, typed as optional: Firefox lacks caretRangeFromPoint, older Chrome lacks caretPositionFromPoint. */
interface CaretDocument {
  caretPositionFromPoint?: (x: number, y: number) => { offsetNode: Node; offset: number } | null;
  caretRangeFromPoint?: (x: number, y: number) => Range | null;
}

/**
 * The caret position nearest to viewport point (x, y): `caretPositionFromPoint` (standard,
 * Firefox, Chrome 128+) when present, else `caretRangeFromPoint` (WebKit/older Chrome).
 * Null when neither exists or nothing is there.
 */
export function caretAt(x: number, y: number, doc: Document = document): CaretPoint | null {
  const d = doc as unknown as CaretDocument;
  if (typeof d.caretPositionFromPoint === 'function') {
    const pos = d.caretPositionFromPoint.call(doc, x, y);
    return pos === null || pos === undefined ? null : { node: pos.offsetNode, offset: pos.offset };
  }
  if (typeof d.caretRangeFromPoint === 'function') {
    const range = d.caretRangeFromPoint.call(doc, x, y);
    return range === null || range === undefined
      ? null
      : { node: range.startContainer, offset: range.startOffset };
  }
  return null;
}

/**
 * Whether viewport point (x, y) lies inside one of the range's client rects (edges
 * included). Empty rects (collapsed or invisible text) never contain a point.
 *
 * @param slop extra pixels accepted around each rect
 */
export function rangeContainsPoint(
  range: {
    getClientRects(): ArrayLike<DOMRectReadOnly> | Iterable<DOMRectReadOnly>;
  },
  x: number,
  y: number,
  slop = 0,
): boolean {
  for (const r of Array.from(range.getClientRects())) {
    if (r.width <= 0 || r.height <= 0) continue;
    if (x >= r.left - slop && x <= r.right + slop && y >= r.top - slop && y <= r.bottom + slop) return true;
  }
  return false;
}

import type { Density } from '../../shared/settings';
export type { Density };

/** What `applyDensity` needs to know about a mention. */
export interface DensityInput {
  entityId: string;
  /** Index of the mention's block in document order. */
  blockIndex: number;
  /** The block's `section` (see TextBlock). */
  section: number;
}

/**
 * Which mentions to mark, as a boolean per input (same order as `mentions`).
 * - `'all'`: every mention;
 * - `'first-per-entity'`: the first mention of each entity on the page;
 * - `'first-per-section'`: the first mention of each entity after each heading.
 * "First" is document order: by `blockIndex`, then by position in the array for mentions
 * of the same block (the matcher reports them left to right).
 */
export function applyDensity(mentions: readonly DensityInput[], density: Density): boolean[] {
  const marks = new Array<boolean>(mentions.length).fill(density === 'all');
  if (density === 'all') return marks;
  // Stable order by block without assuming the caller sorted.
  const order = mentions.map((_, i) => i);
  order.sort((a, b) => mentions[a]!.blockIndex - mentions[b]!.blockIndex || a - b);
  const seen = new Set<string>();
  for (const i of order) {
    const m = mentions[i]!;
    // JSON keeps entity ids with any characters unambiguous within the key.
    const key = density === 'first-per-entity' ? m.entityId : JSON.stringify([m.section, m.entityId]);
    if (seen.has(key)) continue;
    seen.add(key);
    marks[i] = true;
  }
  return marks;
}

/**
 * One page's mentions: find them (blocks → matcher), choose which to mark (density),
 * keep them in step with DOM changes. Knows the DOM and the matcher, not storage.
 */
import type { CompiledMatcher } from '../core/matcher';
import { matchText } from '../core/matcher';
import {
  applyDensity,
  iterateBlocks,
  collectBlocksIn,
  findReadableRoot,
  MentionIndex,
  toRange,
  type TextBlock,
} from './read';
import type { PageMention } from '../shared/protocol';
import type { Density } from '../shared/settings';
import { runSliced, type SliceOptions } from './slices';

export interface Mention {
  id: number;
  entityId: string;
  aliasIndex: number;
  block: TextBlock;
  start: number;
  end: number;
  /** Set for marked mentions. */
  range?: Range;
}

export interface ScanStats {
  blocks: number;
  characters: number;
  textNodes: number;
  mentions: number;
  marked: number;
  /** Choosing the marked mentions and building their ranges, after the last slice. */
  finishMs: number;
}

export class PageScan {
  /** Every mention, in document order. */
  mentions: Mention[] = [];
  /** The marked ones (density applied), in document order. */
  marked: Mention[] = [];
  readonly index = new MentionIndex();
  private byId = new Map<number, Mention>();
  private nextId = 1;
  /** Found on first use: the full scan finds it anyway, and it walks the whole page. */
  private root: Element | undefined;
  stats: ScanStats = { blocks: 0, characters: 0, textNodes: 0, mentions: 0, marked: 0, finishMs: 0 };

  constructor(
    private readonly doc: Document,
    private readonly matcher: CompiledMatcher,
    private density: Density,
  ) {}

  get readableRoot(): Element {
    return (this.root ??= findReadableRoot(this.doc));
  }

  mention(id: number): Mention | undefined {
    return this.byId.get(id);
  }

  /**
   * The marked mention under viewport point (x, y), or undefined: what the card opens on.
   * Only marked mentions have a range to hover.
   */
  hitTest(x: number, y: number): Mention | undefined {
    if (this.marked.length === 0) return undefined;
    const id = this.index.hitTestPoint(x, y, this.doc, (m) => this.byId.get(m)?.range);
    return id === undefined ? undefined : this.byId.get(id);
  }

  /**
   * Scans the readable root in slices, in document order. Resolves false if cancelled.
   * `onViewportCovered` is called once, at the end of the first slice that got past the
   * bottom of the viewport, with the mentions chosen so far already set: density works
   * in document order, so those marks are final and can be painted before the rest of a
   * long page is read.
   */
  async full(
    slices: SliceOptions = {},
    root?: Element,
    onViewportCovered?: () => void,
    viewportHeight = this.doc.defaultView?.innerHeight ?? 0,
  ): Promise<boolean> {
    this.root = root ?? findReadableRoot(this.doc);
    const found: Mention[] = [];
    const stats: ScanStats = { blocks: 0, characters: 0, textNodes: 0, mentions: 0, marked: 0, finishMs: 0 };
    let last: TextBlock | undefined;
    let covered = !onViewportCovered;
    // Collecting blocks is lazy: the walk itself is spread over the slices too.
    const done = await runSliced(
      iterateBlocks(this.root),
      (block) => {
        stats.blocks++;
        stats.characters += block.text.length;
        stats.textNodes += block.nodes.length;
        this.matchBlock(block, found);
        last = block;
      },
      {
        ...slices,
        onSlice: (ms) => {
          slices.onSlice?.(ms);
          if (covered || !last || last.element.getBoundingClientRect().top <= viewportHeight) return;
          covered = true;
          this.replaceAll([...found]);
          onViewportCovered?.();
        },
      },
    );
    if (!done) return false;
    const t0 = performance.now();
    this.replaceAll(found);
    stats.finishMs = performance.now() - t0;
    this.stats = { ...stats, mentions: this.mentions.length, marked: this.marked.length };
    return true;
  }

  /**
   * Rescans the blocks that hold `nodes` (added or changed) and drops mentions whose
   * text left the page. Returns true when the set of mentions changed.
   */
  update(nodes: readonly Node[]): boolean {
    const blocks = nodes.length > 0 ? collectBlocksIn(nodes, this.readableRoot) : [];
    const containers = blocks.map((b) => b.element);
    const kept = this.mentions.filter(
      (m) =>
        m.block.nodes.every((n) => n.isConnected) &&
        !containers.some((c) => c === m.block.element || c.contains(m.block.element)),
    );
    const added: Mention[] = [];
    for (const block of blocks) this.matchBlock(block, added);
    if (added.length === 0 && kept.length === this.mentions.length) return false;
    this.replaceAll(sortByDocument([...kept, ...added]));
    this.stats = { ...this.stats, mentions: this.mentions.length, marked: this.marked.length };
    return true;
  }

  /** Matches one block's text and appends its mentions (with fresh ids) to `into`. */
  private matchBlock(block: TextBlock, into: Mention[]): void {
    for (const m of matchText(this.matcher, block.text)) {
      into.push({
        id: this.nextId++,
        entityId: m.entityId,
        aliasIndex: m.aliasIndex,
        block,
        start: m.start,
        end: m.end,
      });
    }
  }

  /** Changes the density and re-chooses the marked mentions. */
  setDensity(density: Density): void {
    this.density = density;
    this.replaceAll(this.mentions);
  }

  /** Counts per entity with the order of first appearance, for the popup and panel. */
  summary(): PageMention[] {
    const byEntity = new Map<string, PageMention>();
    for (const m of this.mentions) {
      const entry = byEntity.get(m.entityId);
      if (entry) entry.count++;
      else byEntity.set(m.entityId, { entityId: m.entityId, count: 1, order: byEntity.size });
    }
    return [...byEntity.values()];
  }

  private replaceAll(mentions: Mention[]): void {
    this.mentions = mentions;
    this.byId = new Map(mentions.map((m) => [m.id, m]));
    const blockIndex = new Map<TextBlock, number>();
    const sections = mentions.map((m) => {
      if (!blockIndex.has(m.block)) blockIndex.set(m.block, blockIndex.size);
      return { entityId: m.entityId, blockIndex: blockIndex.get(m.block)!, section: m.block.section };
    });
    const marks = applyDensity(sections, this.density);
    this.index.clear();
    this.marked = [];
    mentions.forEach((m, i) => {
      if (!marks[i]) {
        delete m.range;
        return;
      }
      m.range ??= toRange(m.block, m, this.doc);
      if (this.index.add(m.id, m.block, m)) this.marked.push(m);
    });
  }
}

/** Sorts mentions by the position of their first text node, then by offset. */
function sortByDocument(mentions: Mention[]): Mention[] {
  return mentions.sort((a, b) => {
    if (a.block === b.block) return a.start - b.start;
    const na = a.block.nodes[0];
    const nb = b.block.nodes[0];
    if (!na || !nb || na === nb) return a.start - b.start;
    return na.compareDocumentPosition(nb) & Node.DOCUMENT_POSITION_FOLLOWING ? -1 : 1;
  });
}

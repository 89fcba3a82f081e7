/**
 * One page's mentions: find them (blocks → the background's matcher), choose which to
 * mark (density), keep them in step with DOM changes. Knows the DOM and how to ask for
 * matches (a {@link TextMatcher}), not storage.
 */
import type { TextMatch } from '../core/matcher';
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
import { defaultYield, runSliced, type SliceOptions } from './slices';

/**
 * Matches blocks of text, in order: one array of mentions per text. The content script's
 * asks the background (remote-matcher.ts), which keeps the matcher warm; tests match
 * locally. May reject; a scan then finds nothing in those blocks.
 */
export type TextMatcher = (texts: string[]) => Promise<TextMatch[][]>;

/**
 * At most this much text goes in one request: the protocol's `MATCH_BATCH_CHARS` (a copy,
 * since importing the protocol's values would bring zod into the content script; a unit
 * test keeps the two equal).
 */
export const BATCH_CHARS = 256 * 1024;

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

  /** Updates run one after another: each reads the mentions the one before it left. */
  private updates: Promise<unknown> = Promise.resolve();

  constructor(
    private readonly doc: Document,
    private readonly match: TextMatcher,
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
   * Scans the readable root: the walk in slices, each slice's blocks sent to the matcher
   * as soon as the slice ends, the answers taken in document order. Resolves false if
   * cancelled. `onViewportCovered` is called once, when the answers reach past the bottom
   * of the viewport, with the mentions chosen so far already set: density works in
   * document order, so those marks are final and can be painted before the rest of a long
   * page is matched.
   */
  async full(
    slices: SliceOptions = {},
    root?: Element,
    onViewportCovered?: () => void,
    viewportHeight = this.doc.defaultView?.innerHeight ?? 0,
  ): Promise<boolean> {
    this.root = root ?? findReadableRoot(this.doc);
    const stats: ScanStats = { blocks: 0, characters: 0, textNodes: 0, mentions: 0, marked: 0, finishMs: 0 };
    const batches: { blocks: TextBlock[]; answer: Promise<TextMatch[][]> }[] = [];
    let pending: TextBlock[] = [];
    let pendingChars = 0;
    const send = () => {
      if (pending.length === 0) return;
      const blocks = pending;
      pending = [];
      pendingChars = 0;
      batches.push({ blocks, answer: this.ask(blocks) });
    };
    // Collecting blocks is lazy: the walk itself is spread over the slices too.
    const walked = await runSliced(
      iterateBlocks(this.root),
      (block) => {
        stats.blocks++;
        stats.characters += block.text.length;
        stats.textNodes += block.nodes.length;
        if (pendingChars + block.text.length > BATCH_CHARS) send();
        pending.push(block);
        pendingChars += block.text.length;
      },
      {
        ...slices,
        onSlice: (ms) => {
          slices.onSlice?.(ms);
          send();
        },
      },
    );
    send();
    if (!walked) return false;
    const found: Mention[] = [];
    let covered = !onViewportCovered;
    for (const [i, batch] of batches.entries()) {
      // One task per answer: answers that arrived together would otherwise be read in one.
      if (i > 0) await (slices.yieldToHost ?? defaultYield)();
      const answer = await batch.answer;
      if (slices.isCancelled?.()) return false;
      batch.blocks.forEach((block, k) => this.addMentions(block, answer[k] ?? [], found));
      const last = batch.blocks[batch.blocks.length - 1]!;
      if (covered || i === batches.length - 1 || last.element.getBoundingClientRect().top <= viewportHeight)
        continue;
      covered = true;
      this.replaceAll([...found]);
      onViewportCovered?.();
    }
    const t0 = performance.now();
    this.replaceAll(found);
    stats.finishMs = performance.now() - t0;
    this.stats = { ...stats, mentions: this.mentions.length, marked: this.marked.length };
    return true;
  }

  /**
   * Rescans the blocks that hold `nodes` (added or changed) and drops mentions whose
   * text left the page. Resolves true when the set of mentions changed. Calls run in
   * order, each after the one before has finished.
   */
  update(nodes: readonly Node[]): Promise<boolean> {
    const blocks = nodes.length > 0 ? collectBlocksIn(nodes, this.readableRoot) : [];
    const run = this.updates.then(async () => {
      const answer = blocks.length > 0 ? await this.ask(blocks) : [];
      const containers = blocks.map((b) => b.element);
      const kept = this.mentions.filter(
        (m) =>
          m.block.nodes.every((n) => n.isConnected) &&
          !containers.some((c) => c === m.block.element || c.contains(m.block.element)),
      );
      const added: Mention[] = [];
      blocks.forEach((block, k) => {
        // The page may have removed a block while the matcher was answering.
        if (block.nodes.every((n) => n.isConnected)) this.addMentions(block, answer[k] ?? [], added);
      });
      if (added.length === 0 && kept.length === this.mentions.length) return false;
      this.replaceAll(sortByDocument([...kept, ...added]));
      this.stats = { ...this.stats, mentions: this.mentions.length, marked: this.marked.length };
      return true;
    });
    this.updates = run.catch(() => undefined);
    return run;
  }

  /** The matcher's answer for `blocks`; none when it fails (the page stays as it is). */
  private async ask(blocks: readonly TextBlock[]): Promise<TextMatch[][]> {
    try {
      return await this.match(blocks.map((b) => b.text));
    } catch (error) {
      console.warn('[backstory] matching failed', error);
      return [];
    }
  }

  /** Appends one block's mentions (with fresh ids) to `into`. */
  private addMentions(block: TextBlock, matches: readonly TextMatch[], into: Mention[]): void {
    for (const m of matches) {
      if (!(m.start >= 0 && m.end > m.start && m.end <= block.text.length)) continue;
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

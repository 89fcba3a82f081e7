/**
 * Collects the readable text of a page as "blocks": runs of text nodes that a reader
 * sees as one piece of prose (a paragraph, a list item, a heading, a table cell).
 *
 * Read-only by design: nothing here writes to the page's DOM. Highlights are painted
 * later from Ranges (see mentions.ts), so the page's own scripts never see our work.
 */

import { findReadableRoot } from './readable-root';
import { defaultMode, HEADING_TAGS, isInEditable, isInline, isSkipped } from './skip-rules';

/** One run of prose: the exact concatenation of some consecutive text nodes. */
export interface TextBlock {
  /** The nearest block-level ancestor of the text (shared by several blocks when split by `<br>` or nested blocks). */
  element: Element;
  /** `nodes[*].data` concatenated exactly, no normalisation: match offsets must map back 1:1. */
  text: string;
  /** The text nodes, in document order; empty text nodes are left out. */
  nodes: Text[];
  /** `nodes[i]` starts at `starts[i]` in `text` (UTF-16 offsets, strictly increasing). */
  starts: number[];
  /** Number of headings (h1-h6) seen before or at this block: the "section" for density rules. */
  section: number;
}

/**
 * How much page chrome to leave out.
 * - `'article'`: we scan an article body; only obvious navigation, menus, cookie banners
 *   and comment threads inside it are skipped (its header holds the headline, keep it).
 * - `'page'`: no article body was found; we scan the whole body and also skip the
 *   site header, footer, asides and landmark roles, which are mostly menus and teasers.
 */
export type ChromeMode = 'article' | 'page';

export interface CollectOptions {
  /** Defaults to `'page'` when scanning `<body>`/`<html>` or a Document without article body, else `'article'`. */
  chrome?: ChromeMode;
  /** An extra CSS selector whose matches are skipped with their subtree (e.g. site-specific rules). */
  skipSelector?: string;
  /** Stop after this many blocks: a safety valve for giant pages. */
  maxBlocks?: number;
}

/**
 * The text blocks of `root` (a document: its readable root), one at a time, in document
 * order; the content script spreads them over slices. Iterative (no recursion), so 10,000
 * levels of nesting are fine.
 */
export function* iterateBlocks(
  root: Element | Document,
  options: CollectOptions = {},
): Generator<TextBlock, void, undefined> {
  let el: Element;
  if (root.nodeType === 9) {
    el = findReadableRoot(root as Document);
  } else {
    el = root as Element;
  }
  if (isInEditable(el)) return;
  const mode = options.chrome ?? defaultMode(el);
  yield* walkIter(el, mode, options, 0);
}

/** The core walk: one pass over `root`'s subtree, rejecting skipped subtrees. */
export function walk(
  root: Element,
  mode: ChromeMode,
  options: CollectOptions,
  sectionBase: number,
): TextBlock[] {
  return [...walkIter(root, mode, options, sectionBase)];
}

/** The blocks of `root` one at a time, so a caller can spread the walk over several slices. */
function* walkIter(
  root: Element,
  mode: ChromeMode,
  options: CollectOptions,
  sectionBase: number,
): Generator<TextBlock, void, undefined> {
  const skipSelector = options.skipSelector;
  const maxBlocks = options.maxBlocks ?? Infinity;
  let count = 0;

  // Nearest block ancestor per inline element, memoised so deep inline nesting stays linear.
  const blockOf = new Map<Element, Element>();
  const nearestBlock = (start: Element): Element => {
    const path: Element[] = [];
    let cur: Element = start;
    let found: Element;
    for (;;) {
      const cached = blockOf.get(cur);
      if (cached !== undefined) {
        found = cached;
        break;
      }
      if (cur === root || !isInline(cur) || cur.parentElement === null) {
        found = cur;
        break;
      }
      path.push(cur);
      cur = cur.parentElement;
    }
    for (const p of path) blockOf.set(p, found);
    return found;
  };

  // The walker never returns its root, so a heading root opens its section here.
  let section = HEADING_TAGS.has(root.localName) ? sectionBase + 1 : sectionBase;
  let current: TextBlock | null = null;
  let currentBlock: Element | null = null;
  /** Set when something between two text nodes separates them (a block, a <br>, skipped content). */
  let boundary = true;

  /** The block being built, if it holds visible text; resets it. */
  const take = (): TextBlock | null => {
    const done: TextBlock | null = current !== null && current.text.trim() !== '' ? current : null;
    current = null;
    return done;
  };

  // Preorder over the root's elements and text with plain DOM pointers: a TreeWalker's
  // filter would call into JS from native code for every node, which cost the 100,000-word
  // page several milliseconds. Skipped subtrees (never the root itself) are not entered.
  let node: Node | null = root.firstChild;
  while (node !== null) {
    let enter = false;
    const type = node.nodeType;
    if (type === 1) {
      const el = node as Element;
      if (isSkipped(el, mode, skipSelector)) {
        // Skipped content (a <code>, a <button>) between two words must not glue them together.
        boundary = true;
      } else {
        enter = true;
        const tag = el.localName;
        if (tag === 'br') {
          boundary = true;
        } else if (!isInline(el)) {
          boundary = true;
          if (HEADING_TAGS.has(tag)) section++;
        }
      }
    } else if (type === 3) {
      const text = node as Text;
      const data = text.data;
      const parent = text.parentElement;
      if (data.length > 0 && parent !== null) {
        const block = nearestBlock(parent);
        if (boundary || block !== currentBlock || current === null) {
          const done = take();
          if (done !== null) {
            yield done;
            if (++count >= maxBlocks) return;
          }
          current = { element: block, text: '', nodes: [], starts: [], section };
          currentBlock = block;
          boundary = false;
        }
        const c: TextBlock = current;
        c.starts.push(c.text.length);
        c.nodes.push(text);
        c.text += data;
      }
    }
    // Next in document order: the first child, else the next sibling of the nearest
    // ancestor (up to the root) that has one. A subtree the page removed meanwhile ends
    // the walk where its parent chain stops short of the root, as a TreeWalker's would.
    const first: Node | null = enter ? node.firstChild : null;
    if (first !== null) node = first;
    else {
      let cur: Node | null = node;
      while (cur !== null && cur !== root && cur.nextSibling === null) cur = cur.parentNode;
      node = cur === null || cur === root ? null : cur.nextSibling;
    }
  }
  const last = take();
  if (last !== null && count < maxBlocks) yield last;
}

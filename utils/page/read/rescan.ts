/**
 * The incremental half of page reading: the blocks of the parts of a page that changed
 * (from a MutationObserver), numbered as the full walk (blocks.ts) would number them.
 */
import { walk, type ChromeMode, type CollectOptions, type TextBlock } from './blocks';
import { defaultMode, findAll, hasSkippedAncestor, isInEditable, isInline } from './skip-rules';

/**
 * Rescans changed parts of the page (e.g. from a MutationObserver) and returns the blocks
 * of those parts. Each changed node is widened to its enclosing block container, so text
 * added inside a paragraph is matched together with the rest of that paragraph. Nodes
 * outside `readableRoot`, inside skipped or editable regions, or detached are ignored.
 * Containers nested in other containers are scanned once. Section numbers continue those
 * of `iterateBlocks(readableRoot)`: headings before each container are counted.
 *
 * @param nodes added or changed nodes (Text or Element), in any order
 * @param readableRoot the element that was scanned (usually `findReadableRoot(document)`)
 */
export function collectBlocksIn(
  nodes: readonly Node[],
  readableRoot: Element,
  options: CollectOptions = {},
): TextBlock[] {
  const mode = options.chrome ?? defaultMode(readableRoot);
  if (isInEditable(readableRoot)) return [];
  const containers: Element[] = [];
  const seen = new Set<Element>();
  for (const node of nodes) {
    if (!readableRoot.contains(node)) continue;
    let start: Element | null = node.nodeType === 1 ? (node as Element) : node.parentElement;
    if (start === null) continue;
    if (hasSkippedAncestor(start, readableRoot, mode, options.skipSelector)) continue;
    // Widen to the block that holds the change: inline elements merge with their block.
    while (start !== readableRoot && isInline(start) && start.parentElement !== null) {
      start = start.parentElement;
    }
    if (!seen.has(start)) {
      seen.add(start);
      containers.push(start);
    }
  }
  // Keep outermost containers only, in document order.
  containers.sort((a, b) => (a === b ? 0 : a.compareDocumentPosition(b) & 4 ? -1 : 1));
  const outer: Element[] = [];
  for (const c of containers) {
    const last = outer[outer.length - 1];
    if (last !== undefined && last.contains(c)) continue;
    outer.push(c);
  }
  const headings = outer.length > 0 ? visibleHeadings(readableRoot, mode, options.skipSelector) : [];
  const out: TextBlock[] = [];
  for (const c of outer) {
    const base = countHeadingsBefore(headings, c);
    out.push(...walk(c, mode, options, base));
  }
  return out;
}

/** Headings under `root` that `iterateBlocks` would count (not in skipped subtrees). */
function visibleHeadings(root: Element, mode: ChromeMode, skipSelector: string | undefined): Element[] {
  return findAll(root, 'h1, h2, h3, h4, h5, h6').filter(
    (h) => !hasSkippedAncestor(h, root, mode, skipSelector),
  );
}

/** Number of headings strictly before `el` in document order, by binary search. */
function countHeadingsBefore(headings: readonly Element[], el: Element): number {
  let lo = 0;
  let hi = headings.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    const h = headings[mid]!;
    // FOLLOWING (4) means el comes after h; a heading that contains el also precedes it.
    // el itself is not counted: walk() counts its root when the root is a heading.
    const pos = h.compareDocumentPosition(el);
    if (pos & 4) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/**
 * Collects the readable text of a page as "blocks": runs of text nodes that a reader
 * sees as one piece of prose (a paragraph, a list item, a heading, a table cell).
 *
 * Read-only by design: nothing here writes to the page's DOM. Highlights are painted
 * later from Ranges (see mentions.ts), so the page's own scripts never see our work.
 */

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

/** Elements whose subtree never holds prose we may highlight. */
const SKIP_TAGS = new Set([
  'script',
  'style',
  'noscript',
  'template',
  'textarea',
  'input',
  'select',
  'option',
  'optgroup',
  'datalist',
  'button',
  'code',
  'pre',
  'kbd',
  'samp',
  'var',
  'svg',
  'math',
  'iframe',
  'frame',
  'frameset',
  'object',
  'embed',
  'canvas',
  'video',
  'audio',
  'head',
  'title',
]);

/**
 * Inline elements: text inside them belongs to the surrounding block, so a name split by
 * markup ("Meng <em>Wanzhou</em>") stays in one block. Everything else (including
 * unknown and custom elements) counts as a block: gluing two unrelated pieces of text
 * together would create false matches across them, which is worse than splitting a rare
 * custom inline element.
 */
const INLINE_TAGS = new Set([
  'a',
  'abbr',
  'acronym',
  'b',
  'bdi',
  'bdo',
  'big',
  'blink',
  'cite',
  'data',
  'del',
  'dfn',
  'em',
  'font',
  'i',
  'img',
  'ins',
  'label',
  'mark',
  'nobr',
  'q',
  'rb',
  'rp',
  'rt',
  'rtc',
  'ruby',
  's',
  'small',
  'span',
  'strike',
  'strong',
  'sub',
  'sup',
  'time',
  'tt',
  'u',
  'wbr',
  'picture',
  'source',
  'meter',
  'progress',
  'output',
  'map',
  'area',
]);

const HEADING_TAGS = new Set(['h1', 'h2', 'h3', 'h4', 'h5', 'h6']);

/** Form-like widgets declared with ARIA: their text is user input, not prose. */
const SKIP_ROLES = new Set(['textbox', 'searchbox', 'combobox']);

/** Navigation is never prose, even inside an article (share bars, "in this story" menus). */
const NAV_TAGS = new Set(['nav', 'menu']);
const NAV_ROLES = new Set(['navigation', 'menu', 'menubar']);

/** Outside an article body these are site chrome: header, footer, sidebars. */
const PAGE_CHROME_TAGS = new Set(['header', 'footer', 'aside']);
const PAGE_CHROME_ROLES = new Set(['banner', 'contentinfo', 'complementary']);

/**
 * A class or id token that clearly names chrome: the chrome word, optionally preceded by
 * other words and followed only by "structural" suffixes. So `site-nav`, `mainNav`,
 * `main-menu`, `footer-links`, `cookie-banner` and `comments-section` qualify, while
 * `canvas`, `commentary`, `comment-count`, `nav-ad` or `i-nav_drawer_slide` (a whole-page
 * wrapper on a real news site) do not. Tokens are matched after camelCase -> kebab-case.
 */
const CHROME_TOKEN_RE =
  /^(?:[a-z0-9]+[-_]+)*(?:nav|navbar|navigation|menu|menubar|breadcrumbs?|footer|cookies?|consent|comments?)(?:[-_]+(?:banner|notice|bar|wrapper|container|list|section|area|menu|links|inner|outer|block|module|widget|box|region|panel|content|items?|thread))*$/;

/** Whether a class/id attribute value has a chrome token (see CHROME_TOKEN_RE). */
function hasChromeToken(value: string | null): boolean {
  if (value === null || value === '') return false;
  for (const token of value.split(/\s+/)) {
    if (token === '') continue;
    const kebab = token.replace(/([a-z0-9])([A-Z])/g, '$1-$2').toLowerCase();
    if (CHROME_TOKEN_RE.test(kebab)) return true;
  }
  return false;
}

/**
 * Never treat as chrome an element that holds the story itself: a wrapper with a chrome-ish
 * class (e.g. `has-nav` on the page wrapper) must not hide the whole article.
 */
const STORY_SELECTOR = 'h1, article, main, [role="main"], [itemprop="articleBody"]';

/** Whether an element starts a subtree we never read, whatever the mode. */
function isAlwaysSkipped(el: Element, skipSelector: string | undefined): boolean {
  const tag = el.localName;
  if (SKIP_TAGS.has(tag)) return true;
  // Our own UI (cards, buttons) lives in custom elements or marked containers.
  if (tag.startsWith('backstory-') || el.hasAttribute('data-backstory-ui')) return true;
  if (el.hasAttribute('hidden') || el.hasAttribute('inert')) return true;
  if (el.getAttribute('aria-hidden') === 'true') return true;
  const editable = el.getAttribute('contenteditable');
  // contenteditable="" and "plaintext-only" are editable too; only "false" opts out.
  if (editable !== null && editable.toLowerCase() !== 'false') return true;
  const role = el.getAttribute('role');
  if (role !== null && SKIP_ROLES.has(role.trim().toLowerCase())) return true;
  if (skipSelector !== undefined && safeMatches(el, skipSelector)) return true;
  return false;
}

function safeMatches(el: Element, selector: string): boolean {
  try {
    return el.matches(selector);
  } catch {
    // An invalid site rule must not break the whole scan.
    return false;
  }
}

/** Whether an element is navigation/menu/cookie/comments chrome (skipped in both modes). */
function isNavChrome(el: Element): boolean {
  if (NAV_TAGS.has(el.localName)) return true;
  const role = el.getAttribute('role');
  if (role !== null && NAV_ROLES.has(role.trim().toLowerCase())) return true;
  if (!hasChromeToken(el.getAttribute('class')) && !hasChromeToken(el.getAttribute('id'))) return false;
  // Only reached for the few elements whose class/id looks like chrome, so the subtree walk is cheap overall.
  return findAll(el, STORY_SELECTOR, true).length === 0;
}

/**
 * Descendants of `root` matching `selector`, in document order; an invalid selector (a
 * user's skip rule) matches nothing. Native `querySelectorAll`: a TreeWalker calling
 * `matches()` per element is many times slower in a browser.
 */
export function findAll(root: Element, selector: string, firstOnly = false): Element[] {
  try {
    if (firstOnly) {
      const first = root.querySelector(selector);
      return first === null ? [] : [first];
    }
    return Array.from(root.querySelectorAll(selector));
  } catch {
    return [];
  }
}

/** Whether an element is site chrome that only counts as such when scanning the whole page. */
function isPageChrome(el: Element): boolean {
  if (PAGE_CHROME_TAGS.has(el.localName)) return true;
  const role = el.getAttribute('role');
  return role !== null && PAGE_CHROME_ROLES.has(role.trim().toLowerCase());
}

function isSkipped(el: Element, mode: ChromeMode, skipSelector: string | undefined): boolean {
  if (isAlwaysSkipped(el, skipSelector)) return true;
  if (isNavChrome(el)) return true;
  return mode === 'page' && isPageChrome(el);
}

/** Whether text directly inside `el` belongs to `el`'s parent block (inline) or to `el`. */
function isInline(el: Element): boolean {
  return INLINE_TAGS.has(el.localName);
}

/** Elements whose text is code or markup, not something a reader sees. */
const NON_TEXT_PARENTS = new Set(['script', 'style', 'noscript', 'template']);

/** `data.trim().length` without making the trimmed string (this runs over every text node). */
function trimmedLength(data: string): number {
  let start = 0;
  let end = data.length;
  while (start < end && isSpaceCode(data.charCodeAt(start))) start++;
  while (end > start && isSpaceCode(data.charCodeAt(end - 1))) end--;
  return end - start;
}

function isSpaceCode(c: number): boolean {
  return (
    c === 32 ||
    (c >= 9 && c <= 13) ||
    c === 0xa0 ||
    c === 0xfeff ||
    c === 0x2028 ||
    c === 0x2029 ||
    c === 0x3000 ||
    c === 0x1680 ||
    (c >= 0x2000 && c <= 0x200a) ||
    c === 0x202f ||
    c === 0x205f
  );
}

/**
 * Counts visible-ish text characters under `el` (scripts and styles excluded), iteratively.
 * Text nodes only, with no filter callback: a JS callback per element made this the
 * slowest part of choosing the readable root on long pages. Script and style text is
 * always their direct child, so checking the parent is enough.
 */
function textLength(el: Element): number {
  const walker = el.ownerDocument.createTreeWalker(el, 0x4 /* SHOW_TEXT */);
  let n = 0;
  for (let node = walker.nextNode(); node !== null; node = walker.nextNode()) {
    const parent = node.parentElement;
    if (parent !== null && NON_TEXT_PARENTS.has(parent.localName)) continue;
    n += trimmedLength((node as Text).data);
  }
  return n;
}

/**
 * Share of the body's text an `<article>` must hold to count as "the" article body. Listing
 * pages have many small `<article>` teasers, none of which is the page's subject.
 */
const ARTICLE_MIN_SHARE = 0.25;

/**
 * Chooses the part of the page worth scanning. Rule (first that applies):
 * 1. the `<article>` with the most text, if it holds at least a quarter of the body's text
 *    (so a teaser on a listing page does not hide the rest);
 * 2. the `[itemprop="articleBody"]` with the most text;
 * 3. the `<main>` element (or `[role="main"]`) with the most text;
 * 4. otherwise `<body>` (scanned in `'page'` mode, skipping header/footer/asides).
 * Candidates without any text are ignored. Returns `doc.documentElement` when there is no body.
 */
export function findReadableRoot(doc: Document = document): Element {
  const body = doc.body ?? doc.documentElement;
  if (body === null) return doc.documentElement;
  const bodyLength = textLength(body);
  if (bodyLength === 0) return body;

  const largest = (selector: string): { el: Element; length: number } | null => {
    let best: { el: Element; length: number } | null = null;
    for (const el of findAll(body, selector)) {
      if (hasSkippedAncestor(el, body, 'page', undefined)) continue;
      const length = textLength(el);
      if (length > 0 && (best === null || length > best.length)) best = { el, length };
    }
    return best;
  };

  const article = largest('article');
  if (article !== null && article.length >= bodyLength * ARTICLE_MIN_SHARE) return article.el;
  const articleBody = largest('[itemprop="articleBody"], [itemprop="articlebody"]');
  if (articleBody !== null) return articleBody.el;
  const main = largest('main, [role="main"]');
  if (main !== null) return main.el;
  return body;
}

/** Whether `el` or one of its ancestors up to (excluding) `stop` starts a skipped subtree. */
function hasSkippedAncestor(
  el: Element,
  stop: Node | null,
  mode: ChromeMode,
  skipSelector: string | undefined,
): boolean {
  for (let cur: Element | null = el; cur !== null && cur !== stop; cur = cur.parentElement) {
    if (isSkipped(cur, mode, skipSelector)) return true;
  }
  return false;
}

/**
 * Whether `node` sits in an editable region: a `contenteditable` ancestor (any value but
 * "false", and a "false" island inside an editable region is still the user's document)
 * or a document in design mode.
 */
function isInEditable(node: Node): boolean {
  const doc = node.ownerDocument;
  if (doc !== null && doc.designMode === 'on') return true;
  const start: Element | null = node.nodeType === 1 ? (node as Element) : node.parentElement;
  for (let cur = start; cur !== null; cur = cur.parentElement) {
    const v = cur.getAttribute('contenteditable');
    if (v !== null && v.toLowerCase() !== 'false') return true;
  }
  return false;
}

function defaultMode(root: Element): ChromeMode {
  const tag = root.localName;
  return tag === 'body' || tag === 'html' ? 'page' : 'article';
}

/**
 * The text blocks of `root` (a document: its readable root), one at a time, in document
 * order; the content script spreads them over slices. Iterative (TreeWalker), so 10,000
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

/** The core walk: one pass over `root`'s subtree, rejecting skipped subtrees. */
function walk(root: Element, mode: ChromeMode, options: CollectOptions, sectionBase: number): TextBlock[] {
  return [...walkIter(root, mode, options, sectionBase)];
}

/** The blocks of `root` one at a time, so a caller can spread the walk over several slices. */
function* walkIter(
  root: Element,
  mode: ChromeMode,
  options: CollectOptions,
  sectionBase: number,
): Generator<TextBlock, void, undefined> {
  const doc = root.ownerDocument;
  const skipSelector = options.skipSelector;
  const maxBlocks = options.maxBlocks ?? Infinity;
  let count = 0;

  /**
   * Set by the filter when it rejects a subtree. The TreeWalker calls the filter once per
   * node in document order, so this tells the loop that skipped content lay between the
   * previous node it saw and the next one.
   */
  let rejectedSince = false;
  // The root itself is never rejected (the caller chose it), only its descendants.
  const walker = doc.createTreeWalker(root, 0x1 | 0x4 /* SHOW_ELEMENT | SHOW_TEXT */, {
    acceptNode(node: Node): number {
      if (node.nodeType === 1 && node !== root && isSkipped(node as Element, mode, skipSelector)) {
        rejectedSince = true;
        return 2; // FILTER_REJECT: skip the whole subtree
      }
      return 1; // FILTER_ACCEPT
    },
  });

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

  for (let node = walker.nextNode(); node !== null; node = walker.nextNode()) {
    if (rejectedSince) {
      // Skipped content (a <code>, a <button>) between two words must not glue them together.
      boundary = true;
      rejectedSince = false;
    }
    if (node.nodeType === 1) {
      const el = node as Element;
      const tag = el.localName;
      if (tag === 'br') {
        boundary = true;
      } else if (!isInline(el)) {
        boundary = true;
        if (HEADING_TAGS.has(tag)) section++;
      }
      continue;
    }
    const text = node as Text;
    const data = text.data;
    if (data.length === 0) continue;
    const parent = text.parentElement;
    if (parent === null) continue;
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
  const last = take();
  if (last !== null && count < maxBlocks) yield last;
}

/**
 * What the page reader skips and how it tells blocks apart: tags and roles that never hold
 * prose we may mark, navigation and site chrome, inline versus block elements, editable
 * regions. Pure predicates over elements; nothing here writes to the page.
 */
import type { ChromeMode } from './blocks';

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

export const HEADING_TAGS = new Set(['h1', 'h2', 'h3', 'h4', 'h5', 'h6']);

/** Form-like widgets declared with ARIA: their text is user input, not prose. */
const SKIP_ROLES = new Set(['textbox', 'searchbox', 'combobox']);

/** Navigation is never prose, even inside an article (share bars, "in this story" menus). */
export const NAV_TAGS = new Set(['nav', 'menu']);

const NAV_ROLES = new Set(['navigation', 'menu', 'menubar']);

/** Outside an article body these are site chrome: header, footer, sidebars. */
export const PAGE_CHROME_TAGS = new Set(['header', 'footer', 'aside']);

const PAGE_CHROME_ROLES = new Set(['banner', 'contentinfo', 'complementary']);

/**
 * A class or id token that clearly names chrome: the chrome word, optionally preceded by
 * other words and followed only by "structural" suffixes. So `site-nav`, `mainNav`,
 * `main-menu`, `footer-links`, `cookie-banner` and `comments-section` qualify, while
 * `canvas`, `commentary`, `comment-count`, `nav-ad` or `i-nav_drawer_slide` (a whole-page
 * wrapper on a real news site) do not. Tokens are matched after camelCase -> kebab-case.
 */
export const CHROME_TOKEN_RE =
  /^(?:[a-z0-9]+[-_]+)*(?:nav|navbar|navigation|menu|menubar|breadcrumbs?|footer|cookies?|consent|comments?)(?:[-_]+(?:banner|notice|bar|wrapper|container|list|section|area|menu|links|inner|outer|block|module|widget|box|region|panel|content|items?|thread))*$/;

/**
 * Every chrome token holds one of these words (CHROME_TOKEN_RE's middle part), whatever
 * its case: a value without any of them cannot have a chrome token. One native test per
 * attribute instead of splitting, re-casing and matching each class name, which ran cold
 * on every element of a news page (about a millisecond on the seed article).
 */
const CHROME_WORD_RE = /nav|menu|breadcrumb|footer|cookie|consent|comment/i;

/** Whether a class/id attribute value has a chrome token (see CHROME_TOKEN_RE). */
export function hasChromeToken(value: string | null): boolean {
  if (value === null || value === '' || !CHROME_WORD_RE.test(value)) return false;
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

export function isSkipped(el: Element, mode: ChromeMode, skipSelector: string | undefined): boolean {
  if (isAlwaysSkipped(el, skipSelector)) return true;
  if (isNavChrome(el)) return true;
  return mode === 'page' && isPageChrome(el);
}

/** Whether text directly inside `el` belongs to `el`'s parent block (inline) or to `el`. */
export function isInline(el: Element): boolean {
  return INLINE_TAGS.has(el.localName);
}

/** Elements whose text is code or markup, not something a reader sees. */
export const NON_TEXT_PARENTS = new Set(['script', 'style', 'noscript', 'template']);

/** `data.trim().length` without making the trimmed string (this runs over every text node). */
export function trimmedLength(data: string): number {
  let start = 0;
  let end = data.length;
  while (start < end && isSpaceCode(data.charCodeAt(start))) start++;
  while (end > start && isSpaceCode(data.charCodeAt(end - 1))) end--;
  return end - start;
}

export function isSpaceCode(c: number): boolean {
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

/** Whether `el` or one of its ancestors up to (excluding) `stop` starts a skipped subtree. */
export function hasSkippedAncestor(
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
export function isInEditable(node: Node): boolean {
  const doc = node.ownerDocument;
  if (doc !== null && doc.designMode === 'on') return true;
  const start: Element | null = node.nodeType === 1 ? (node as Element) : node.parentElement;
  for (let cur = start; cur !== null; cur = cur.parentElement) {
    const v = cur.getAttribute('contenteditable');
    if (v !== null && v.toLowerCase() !== 'false') return true;
  }
  return false;
}

export function defaultMode(root: Element): ChromeMode {
  const tag = root.localName;
  return tag === 'body' || tag === 'html' ? 'page' : 'article';
}

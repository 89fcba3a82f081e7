/**
 * Chooses the element to read: the article body when the page has one (an `<article>`
 * holding enough of the page's text, `[itemprop=articleBody]`, `<main>`), else `<body>`.
 */
import { findAll, hasSkippedAncestor, NON_TEXT_PARENTS, trimmedLength } from './skip-rules';

/**
 * Counts the non-space characters of the text under `el`, leaving out scripts, styles and
 * templates. Native `textContent` and one pass over the string: no TreeWalker and no JS
 * per node, so a page of 100,000 words costs a few milliseconds, not a hundred.
 */
function textLength(el: Element): number {
  let n = nonSpace(el.textContent ?? '');
  for (const hidden of findAll(el, NON_TEXT_SELECTOR)) n -= nonSpace(hidden.textContent ?? '');
  return n;
}

const NON_TEXT_SELECTOR = [...NON_TEXT_PARENTS].join(', ');

/**
 * Whether `el` holds any non-space text outside scripts, styles and templates (the same
 * test as `textLength(el) > 0`), ending at the first such text node.
 */
function hasText(el: Element): boolean {
  if (NON_TEXT_PARENTS.has(el.localName)) return false;
  const walker = el.ownerDocument.createTreeWalker(el, NodeFilter.SHOW_TEXT);
  for (let n = walker.nextNode(); n !== null; n = walker.nextNode()) {
    if (trimmedLength((n as Text).data) === 0) continue;
    let p = n.parentElement;
    while (p !== null && p !== el && !NON_TEXT_PARENTS.has(p.localName)) p = p.parentElement;
    if (p === el) return true;
  }
  return false;
}

/**
 * `\s` is exactly the set of skip-rules' isSpaceCode (a unit test checks it). A native replace:
 * a loop in JS over the body's text ran cold, 2-3 ms on a news page.
 */
const SPACES = /\s+/g;

/** Up to this many characters are counted exactly. */
const EXACT_UP_TO = 65_536;
/** Beyond it, this many evenly spaced samples of SAMPLE_LENGTH characters give the share of non-space. */
const SAMPLES = 32;
const SAMPLE_LENGTH = 2_048;

/**
 * The non-space characters of `text`: exact up to 64 K characters; beyond, estimated from
 * 32 evenly spaced samples (64 K characters in all). The count only ranks candidates and
 * tests a share of a quarter, for which an estimate within a few per cent is plenty, and
 * counting every character of a 100,000-word page's text cost 12–18 ms in one task.
 */
export function nonSpace(text: string): number {
  if (text.length <= EXACT_UP_TO) return text.replace(SPACES, '').length;
  const step = (text.length - SAMPLE_LENGTH) / (SAMPLES - 1);
  let kept = 0;
  for (let i = 0; i < SAMPLES; i++) {
    const at = Math.round(i * step);
    kept += text.slice(at, at + SAMPLE_LENGTH).replace(SPACES, '').length;
  }
  return Math.round((kept / (SAMPLES * SAMPLE_LENGTH)) * text.length);
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

  const candidates = (selector: string): Element[] =>
    findAll(body, selector).filter((el) => !hasSkippedAncestor(el, body, 'page', undefined));
  const largest = (els: readonly Element[]): { el: Element; length: number } | null => {
    let best: { el: Element; length: number } | null = null;
    for (const el of els) {
      const length = textLength(el);
      if (length > 0 && (best === null || length > best.length)) best = { el, length };
    }
    return best;
  };

  // The body is measured only when an article needs the share test.
  const article = largest(candidates('article'));
  if (article !== null && article.length >= textLength(body) * ARTICLE_MIN_SHARE) return article.el;
  for (const selector of ['[itemprop="articleBody"], [itemprop="articlebody"]', 'main, [role="main"]']) {
    const els = candidates(selector);
    // A lone candidate needs no count, only some text: a 100,000-character <main> took
    // 2–3 ms to count.
    if (els.length === 1 && hasText(els[0]!)) return els[0]!;
    const best = els.length > 1 ? largest(els) : null;
    if (best !== null) return best.el;
  }
  return body;
}

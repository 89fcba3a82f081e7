/**
 * Chooses the element to read: the article body when the page has one (an `<article>`
 * holding enough of the page's text, `[itemprop=articleBody]`, `<main>`), else `<body>`.
 */
import { findAll, hasSkippedAncestor, NON_TEXT_PARENTS, trimmedLength } from './skip-rules';

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

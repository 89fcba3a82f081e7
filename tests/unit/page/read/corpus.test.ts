/**
 * Runs the page code over the shared corpus of real pages (outside the repo, never copied
 * in). Skips cleanly when the corpus is absent.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { detectPublicationDate } from '../../../../utils/page/read/article-date';
import { loadQuietly } from '../../../fixtures/quiet-dom';
import { findReadableRoot, iterateBlocks } from '../../../../utils/page/read';

/** Every block of `root`, as the content script's slices pull them. */
const collectBlocks = (...args: Parameters<typeof iterateBlocks>) => [...iterateBlocks(...args)];

const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..', '..', '..');
const corpusDir = path.resolve(repoRoot, '..', 'shared', 'corpus');
const pagesDir = path.join(corpusDir, 'pages');
const seedPath = path.join(corpusDir, 'seed-article-rfa-2019-07-03.html');

/**
 * Pages whose detected day legitimately differs from Readability's `publishedTime`, with the
 * reason. Empty today: every page with a reference date agrees.
 */
const KNOWN_EXCEPTIONS: Record<string, string> = {};

const load = loadQuietly;

interface Expected {
  publishedTime: string | null;
}

function pagesWithDates(): { name: string; day: string }[] {
  if (!existsSync(pagesDir)) return [];
  return readdirSync(pagesDir)
    .filter((name) => existsSync(path.join(pagesDir, name, 'expected-metadata.json')))
    .map((name) => {
      const meta = JSON.parse(
        readFileSync(path.join(pagesDir, name, 'expected-metadata.json'), 'utf8'),
      ) as Expected;
      return { name, day: meta.publishedTime?.slice(0, 10) ?? '' };
    })
    .filter((p) => p.day !== '');
}

describe.skipIf(!existsSync(pagesDir))('corpus: publication dates', () => {
  const pages = pagesWithDates();
  const results = new Map<string, string | null>();

  it('has pages with reference dates', () => {
    expect(pages.length).toBeGreaterThan(0);
  });

  it.each(pages)('$name is published on $day', ({ name, day }) => {
    const found = detectPublicationDate(load(path.join(pagesDir, name, 'source.html')), '');
    results.set(name, found?.date ?? null);
    if (name in KNOWN_EXCEPTIONS) return;
    expect(found?.date).toBe(day);
  });

  it('agrees with the reference on every page but the known exceptions', () => {
    const agree = pages.filter((p) => results.get(p.name) === p.day).length;
    console.info(`publication date: ${agree}/${pages.length} corpus pages agree with expected-metadata.json`);
    expect(agree).toBe(pages.filter((p) => !(p.name in KNOWN_EXCEPTIONS)).length);
  });
});

describe.skipIf(!existsSync(pagesDir))('corpus: blocks', () => {
  const names = existsSync(pagesDir)
    ? readdirSync(pagesDir).filter((n) => existsSync(path.join(pagesDir, n, 'source.html')))
    : [];

  it.each(names)('%s: scans without error, blocks consistent, nothing from scripts or editors', (name) => {
    const doc = load(path.join(pagesDir, name, 'source.html'));
    const root = findReadableRoot(doc);
    const blocks = collectBlocks(doc);
    for (const b of blocks) {
      expect(b.text).toBe(b.nodes.map((n) => n.data).join(''));
      expect(root.contains(b.element)).toBe(true);
      for (const n of b.nodes) {
        expect(
          n.parentElement!.closest(
            'script, style, textarea, pre, code, [contenteditable]:not([contenteditable="false"]), nav, [aria-hidden="true"]',
          ),
        ).toBeNull();
      }
    }
  });
});

describe.skipIf(!existsSync(seedPath))('corpus: seed article', () => {
  it('is dated 2019-07-03', () => {
    expect(detectPublicationDate(load(seedPath), '')).toEqual({
      date: '2019-07-03',
      source: 'meta',
    });
  });

  it('still finds 2019-07-03 from JSON-LD and <time> when the meta tags are gone', () => {
    const doc = load(seedPath);
    for (const m of Array.from(doc.querySelectorAll('meta'))) m.remove();
    expect(detectPublicationDate(doc, '')?.date).toBe('2019-07-03');
    for (const s of Array.from(doc.querySelectorAll('script'))) s.remove();
    expect(detectPublicationDate(doc, '')).toEqual({
      date: '2019-07-03',
      source: 'time',
    });
  });

  it('scans the article only, never the search field, comment box, editable note or code', () => {
    const doc = load(seedPath);
    const blocks = collectBlocks(doc);
    expect(findReadableRoot(doc).localName).toBe('article');
    expect(blocks.length).toBeGreaterThan(10);
    const nodes = new Set(blocks.flatMap((b) => b.nodes));
    const forbidden = Array.from(
      doc.querySelectorAll('nav, form, textarea, [contenteditable], pre, code, footer'),
    );
    expect(forbidden.length).toBeGreaterThan(0);
    for (const el of forbidden) {
      for (const n of nodes) expect(el.contains(n)).toBe(false);
    }
    // The headline and every paragraph of the article are there.
    const article = doc.querySelector('article')!;
    const h1 = article.querySelector('h1')!;
    expect(blocks.some((b) => b.element === h1)).toBe(true);
    expect(blocks.filter((b) => b.element.localName === 'h2').map((b) => b.section)).toEqual([2, 3, 4]);
  });
});

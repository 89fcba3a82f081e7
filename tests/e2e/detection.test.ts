/**
 * Mention detection is safe on hostile and unusual pages, in real Chromium with the built
 * extension: the page's DOM, layout and listeners stay as they were, editable regions and
 * code are never marked, and nothing the extension does shows up as a console error.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { build } from 'esbuild';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { collectErrors, type ErrorLog } from './fixtures/console';
import { allNearViewport, registeredMarkTops } from './fixtures/near-viewport';
import {
  appendingPage,
  deepPage,
  EMPTY_PAGES,
  frameContent,
  framePage,
  longPage,
  rtlPage,
  safetyPage,
  spaPage,
} from './fixtures/pages';
import {
  highlightedTexts,
  startSession,
  unavailable,
  waitForHighlights,
  type Session,
} from '../../scripts/chromium-session';

const skip = unavailable();

/** What a highlighted range covers, and where it sits in the page. */
interface MarkedRange {
  name: string;
  text: string;
  /** Id of the nearest ancestor element with one. */
  near: string;
  /** Whether it lies in a region we must never mark. */
  forbidden: boolean;
}

/**
 * Runs in the page before its own scripts: records the body's markup and layout at
 * DOMContentLoaded, which is before the content script (document_idle) can act.
 */
const RECORD_BEFORE = () => {
  document.addEventListener('DOMContentLoaded', () => {
    const layout = [...document.body.querySelectorAll('*')].map((el) => {
      const r = el.getBoundingClientRect();
      return `${el.localName} ${r.x},${r.y},${r.width},${r.height}`;
    });
    (window as unknown as { __before: unknown }).__before = {
      html: document.body.innerHTML,
      layout,
      at: performance.now(),
    };
  });
};

async function markedRanges(page: Page): Promise<MarkedRange[]> {
  return page.evaluate(() => {
    const registry = (CSS as unknown as { highlights: Map<string, Set<Range>> }).highlights;
    const out: MarkedRange[] = [];
    registry.forEach((highlight, name) => {
      if (!name.startsWith('backstory') || name === 'backstory-current') return;
      highlight.forEach((range) => {
        const node = range.startContainer;
        const el = node.nodeType === 1 ? (node as Element) : node.parentElement;
        out.push({
          name,
          text: range.toString(),
          near: el?.closest('[id]')?.id ?? '',
          forbidden: !!el?.closest(
            'input, textarea, [contenteditable]:not([contenteditable="false"]), [role="textbox"], code, pre',
          ),
        });
      });
    });
    return out;
  });
}

/** Waits until the content script has finished `n` full scans (its user-timing mark). */
async function waitForScans(page: Page, n = 1, timeout = 20_000): Promise<void> {
  await page.waitForFunction(
    (count) => performance.getEntriesByName('backstory-highlighted').length >= count,
    n,
    {
      timeout,
    },
  );
}

/** The body's markup and layout recorded at DOMContentLoaded, and when. */
async function before(page: Page): Promise<{ html: string; layout: string[]; at: number }> {
  return page.evaluate(
    () => (window as unknown as { __before: { html: string; layout: string[]; at: number } }).__before,
  );
}

describe.skipIf(!!skip)('mention detection in Chromium', () => {
  let s: Session;
  beforeAll(async () => {
    s = await startSession();
    // Mark every mention, not just the first per entity, so each paragraph can be checked.
    await s.worker.evaluate(() => chrome.storage.local.set({ density: 'all' }));
  });
  afterAll(async () => {
    await s?.close();
  });

  /** A new tab that records the page's state before we act, and every error it logs. */
  async function open(path: string): Promise<{ page: Page; errors: ErrorLog }> {
    const page = await s.context.newPage();
    await page.addInitScript(RECORD_BEFORE);
    const errors = await collectErrors(page);
    await page.goto(`${s.server.url}${path}`);
    return { page, errors };
  }

  it('sees errors from the content script world (the collector works)', async () => {
    s.server.setPage('/probe', safetyPage());
    const { page, errors } = await open('/probe');
    await waitForScans(page);
    // The content script's isolated world is one of the contexts we listen to.
    expect([...errors.origins]).toContain(`chrome-extension://${s.extensionId}`);
    // An exception in an isolated world is reported and attributed.
    const cdp = await s.context.newCDPSession(page);
    const frameId = (await cdp.send('Page.getFrameTree')).frameTree.frame.id;
    const world = await cdp.send('Page.createIsolatedWorld', { frameId, worldName: 'probe' });
    await cdp.send('Runtime.evaluate', {
      expression:
        "setTimeout(() => { throw new Error('backstory probe'); }); console.error('backstory probe');",
      contextId: world.executionContextId,
    });
    await expect.poll(() => errors.ours().length).toBe(2);
    await page.close();
  });

  it('leaves form fields, editors and code alone, and the DOM, layout and listeners untouched', async () => {
    s.server.setPage('/safety', safetyPage());
    const { page, errors } = await open('/safety');
    await waitForHighlights(page, 5);
    await waitForScans(page);
    const marked = await markedRanges(page);
    expect(marked.map((m) => m.text)).toEqual(['Huawei', 'Entity List', 'ZTE', 'NATO', 'Meng Wanzhou']);
    expect(marked.map((m) => m.near)).toEqual(['lead', 'lead', 'second', 'second', 'closing']);
    expect(marked.every((m) => m.name.startsWith('backstory-'))).toBe(true);

    const was = await before(page);
    const start = await page.evaluate(
      () => performance.getEntriesByName('backstory-start')[0]?.startTime ?? 0,
    );
    expect(was.at).toBeLessThan(start);
    const now = await page.evaluate(() => ({
      html: document.body.innerHTML,
      layout: [...document.body.querySelectorAll('*')].map((el) => {
        const r = el.getBoundingClientRect();
        return `${el.localName} ${r.x},${r.y},${r.width},${r.height}`;
      }),
    }));
    expect(now.html).toBe(was.html);
    expect(now.layout).toEqual(was.layout);

    // The page's own listener still fires on a marked paragraph.
    await page.click('#lead');
    expect(await page.evaluate(() => (window as unknown as { __clicks: number }).__clicks)).toBe(1);

    // Typing names into the editable regions never marks them; the text stays as typed.
    await page.fill('#box', 'Huawei and ZTE typed into the textarea');
    await page.click('#editor p');
    await page.keyboard.press('End');
    await page.keyboard.type(' and then ZTE and NATO typed');
    await page.click('#plain-editor');
    await page.keyboard.type(' Huawei');
    await page.evaluate(() => new Promise((r) => requestAnimationFrame(() => setTimeout(r, 100))));
    const afterTyping = await markedRanges(page);
    expect(afterTyping.filter((m) => m.forbidden)).toEqual([]);
    expect(afterTyping.map((m) => m.text)).toEqual(marked.map((m) => m.text));
    expect(await page.inputValue('#box')).toBe('Huawei and ZTE typed into the textarea');
    expect(await page.locator('#editor').innerText()).toContain('ZTE and NATO typed');

    expect(errors.all).toEqual([]);
    await page.close();
  });

  it('leaves the comment area of the seed-like demo page alone', async () => {
    // The demo article mirrors the seed page: nav with a search field, article, comments.
    const { page, errors } = await open('/article.html');
    await waitForHighlights(page, 5);
    await waitForScans(page);
    const marked = await markedRanges(page);
    expect(marked.filter((m) => m.forbidden)).toEqual([]);
    const inAside = await page.evaluate(() => {
      const registry = (CSS as unknown as { highlights: Map<string, Set<Range>> }).highlights;
      let n = 0;
      registry.forEach((h) =>
        h.forEach((r) => (n += r.startContainer.parentElement?.closest('aside, nav') ? 1 : 0)),
      );
      return n;
    });
    expect(inAside).toBe(0);
    expect((await before(page)).html).toBe(await page.evaluate(() => document.body.innerHTML));
    expect(errors.all).toEqual([]);
    await page.close();
  });

  it('works under a strict Content-Security-Policy', async () => {
    s.server.setPage(
      '/csp',
      safetyPage().replace('</body>', '<script>document.title = "scripts ran";</script></body>'),
      {
        'content-security-policy': "default-src 'none'; script-src 'none'; style-src 'none'; img-src 'none'",
      },
    );
    const { page, errors } = await open('/csp');
    await waitForHighlights(page, 5);
    expect(await page.title()).toBe('Backstory test page');
    expect(await highlightedTexts(page)).toEqual(['Huawei', 'Entity List', 'ZTE', 'NATO', 'Meng Wanzhou']);
    expect((await before(page)).html).toBe(await page.evaluate(() => document.body.innerHTML));
    expect(errors.ours()).toEqual([]);
    // Only the page's own blocked scripts complain.
    for (const e of errors.theirs()) expect(e.text).toMatch(/Content Security Policy/);
    await page.close();
  });

  it('marks names embedded in right-to-left text exactly', async () => {
    s.server.setPage('/rtl', rtlPage());
    const { page, errors } = await open('/rtl');
    await waitForHighlights(page, 5);
    const marked = await markedRanges(page);
    expect(marked.map((m) => [m.text, m.near])).toEqual([
      ['Huawei', 'ar'],
      ['Entity List', 'ar'],
      ['ZTE', 'he'],
      ['NATO', 'he'],
      ['Meng Wanzhou', 'mixed'],
    ]);
    expect((await before(page)).html).toBe(await page.evaluate(() => document.body.innerHTML));
    expect(errors.all).toEqual([]);
    await page.close();
  });

  it('copes with pages that have no text', async () => {
    for (const [name, html] of Object.entries(EMPTY_PAGES)) {
      const path = `/empty/${name}`;
      s.server.setPage(path, html);
      const { page, errors } = await open(path);
      await waitForScans(page);
      expect(await markedRanges(page), name).toEqual([]);
      expect(errors.all, name).toEqual([]);
      await page.close();
    }
  });

  // Chromium's own renderer crashes somewhere between 2,000 and 5,000 levels, with or
  // without the extension; deeper trees are covered by the unit tests.
  it('handles 2,000 levels of nesting', async () => {
    s.server.setPage('/deep', deepPage(2000));
    const { page, errors } = await open('/deep');
    await waitForHighlights(page, 3);
    expect(await highlightedTexts(page)).toEqual(['Huawei', 'ZTE', 'NATO']);
    expect(errors.all).toEqual([]);
    await page.close();
  });

  it('scans a 100,000-word page without freezing it', async () => {
    s.server.setPage('/long', longPage(100_000));
    const { page, errors } = await open('/long');
    await waitForScans(page, 1, 60_000);
    const result = await page.evaluate(() => {
      const start = performance.getEntriesByName('backstory-start')[0]!.startTime;
      const done = performance.getEntriesByName('backstory-highlighted')[0] as PerformanceMark;
      const ticks = (window as unknown as { __ticks: number[] }).__ticks.filter(
        (t) => t >= start && t <= done.startTime + 100,
      );
      let maxGap = 0;
      for (let i = 1; i < ticks.length; i++) maxGap = Math.max(maxGap, ticks[i]! - ticks[i - 1]!);
      return {
        maxGap,
        detail: done.detail as Record<string, number>,
        words: document.body.innerText.split(/\s+/).length,
      };
    });
    console.log(
      `[e2e] 100k words: ${result.words} words, ${result.detail.mentions} mentions, wall ${Math.round(result.detail.wallMs!)} ms, ` +
        `longest slice ${result.detail.longestSliceMs!.toFixed(1)} ms, longest page-side gap ${Math.round(result.maxGap)} ms`,
    );
    expect(result.words).toBeGreaterThanOrEqual(100_000);
    expect(result.detail.mentions).toBeGreaterThan(100);
    expect(result.detail.marked).toBe(result.detail.mentions);
    // A generous sanity bound (not a timing target): the page was never frozen for a second.
    expect(result.maxGap).toBeLessThan(1000);
    // Only the marks within a screen of the viewport are registered (near-viewport.ts); the
    // others are registered as the reader scrolls to them.
    const atTop = await page.evaluate(registeredMarkTops);
    expect(atTop.length).toBeLessThan(result.detail.mentions! / 4);
    expect(allNearViewport(atTop)).toBe(true);
    for (const at of [0.5, 1]) {
      await page.evaluate((f) => scrollTo(0, (document.documentElement.scrollHeight - innerHeight) * f), at);
      await expect.poll(async () => allNearViewport(await page.evaluate(registeredMarkTops))).toBe(true);
    }
    // The browser's own favicon request may 404 meanwhile: only Backstory's errors count here.
    expect(errors.ours()).toEqual([]);
    await page.close();
  });

  it('keeps up with a page that appends content forever', async () => {
    s.server.setPage('/feed', appendingPage(100));
    const { page, errors } = await open('/feed');
    await waitForHighlights(page, 1);
    // Updates 3, 6, 9 … name someone; wait for a late one to be marked.
    await expect
      .poll(async () => (await markedRanges(page)).some((m) => Number(m.near.slice(1)) >= 24), {
        timeout: 20_000,
      })
      .toBe(true);
    const marked = await markedRanges(page);
    const ids = marked.map((m) => Number(m.near.slice(1)));
    expect(ids.filter((n) => n > 0).every((n) => n % 3 === 0)).toBe(true);
    // Each named update is marked once, in order, with no gaps up to the latest marked one.
    const named = ids.filter((n) => n > 0);
    expect(named).toEqual(named.map((_, i) => (i + 1) * 3));
    expect(errors.all).toEqual([]);
    await page.close();
  });

  it('resets on an SPA navigation: only the new content is marked', async () => {
    s.server.setPage('/spa/first', spaPage());
    const { page, errors } = await open('/spa/first');
    await waitForHighlights(page, 2);
    expect(await highlightedTexts(page)).toEqual(['Huawei', 'NATO']);
    await page.evaluate(() => (window as unknown as { __navigate: () => void }).__navigate());
    expect(new URL(page.url()).pathname).toBe('/spa/second');
    await expect.poll(() => highlightedTexts(page), { timeout: 10_000 }).toEqual(['ZTE', 'Meng Wanzhou']);
    expect(errors.all).toEqual([]);
    await page.close();
  });

  it('runs in the top frame only: same-origin frames are left alone', async () => {
    s.server.setPage('/frames/top', framePage('/frames/inner'));
    s.server.setPage('/frames/inner', frameContent());
    const { page, errors } = await open('/frames/top');
    await waitForHighlights(page, 1);
    await waitForScans(page);
    expect(await highlightedTexts(page)).toEqual(['Huawei']);
    for (const frame of page.frames().filter((f) => f !== page.mainFrame())) {
      await frame.waitForLoadState();
      expect(
        await frame.evaluate(() => (CSS as unknown as { highlights: Map<string, unknown> }).highlights.size),
      ).toBe(0);
    }
    expect(page.frames()).toHaveLength(3);
    expect(errors.all).toEqual([]);
    await page.close();
  });

  describe('a React page that hydrates after the content script ran', () => {
    let work: string;
    beforeAll(async () => {
      work = mkdtempSync(join(tmpdir(), 'backstory-react-'));
      const dir = join(__dirname, 'fixtures', 'react');
      const client = await build({
        entryPoints: [join(dir, 'client.tsx')],
        bundle: true,
        format: 'iife',
        write: false,
        minify: true,
        define: { 'process.env.NODE_ENV': '"production"' },
        logLevel: 'silent',
      });
      await build({
        entryPoints: [join(dir, 'server.tsx')],
        bundle: true,
        platform: 'node',
        format: 'cjs',
        outfile: join(work, 'server.cjs'),
        define: { 'process.env.NODE_ENV': '"production"' },
        logLevel: 'silent',
      });
      const { render } = createRequire(__filename)(join(work, 'server.cjs')) as { render: () => string };
      s.server.setPage('/react/app.js', client.outputFiles[0]!.text, { 'content-type': 'text/javascript' });
      s.server.setPage(
        '/react',
        `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>React test</title></head>` +
          `<body><div id="root">${render()}</div><script src="/react/app.js"></script></body></html>`,
      );
    });
    afterAll(() => {
      rmSync(work, { recursive: true, force: true });
    });

    it('hydrates without an error and without a DOM change, and stays interactive', async () => {
      const { page, errors } = await open('/react');
      await waitForHighlights(page, 3);
      expect(await highlightedTexts(page)).toEqual(['Huawei', 'Entity List', 'NATO']);
      await page.waitForFunction(() => (window as unknown as { __hydrated?: boolean }).__hydrated === true);
      expect(await page.evaluate(() => document.body.innerHTML)).toBe((await before(page)).html);
      // React's own listeners work: the button reveals a paragraph, which gets marked.
      await page.click('#more');
      await expect.poll(() => highlightedTexts(page)).toEqual(['Huawei', 'Entity List', 'NATO', 'ZTE']);
      await page.click('#more');
      await expect.poll(() => highlightedTexts(page)).toEqual(['Huawei', 'Entity List', 'NATO']);
      expect(errors.all).toEqual([]);
      await page.close();
    });
  });
});

/**
 * Every saved page of the shared corpus loads with the extension: no console error from
 * the extension, and the page's DOM exactly as it was. The pages are offline copies whose
 * own scripts would fail or rewrite the DOM, so they are served with a CSP that blocks the
 * page's scripts (the content script is not subject to the page's CSP) and everything
 * from other hosts. Skips when ../shared/corpus is absent.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { collectErrors } from './fixtures/console';
import { CORPUS, startSession, unavailable, type Session } from '../../scripts/chromium-session';

const skip = unavailable() ?? (existsSync(join(CORPUS, 'pages')) ? undefined : `no corpus at ${CORPUS}`);
if (skip) console.log(`[e2e] corpus: ${skip}`);

const CSP = "default-src 'self' data: 'unsafe-inline'; script-src 'none'";
const SEED = 'seed-article-rfa-2019-07-03.html';

/** Records the body's markup at DOMContentLoaded, before the content script (document_idle) runs. */
const RECORD_BEFORE = () => {
  document.addEventListener('DOMContentLoaded', () => {
    (window as unknown as { __before: unknown }).__before = {
      html: document.body?.innerHTML ?? '',
      at: performance.now(),
    };
  });
};

interface Outcome {
  before: { html: string; at: number };
  html: string;
  started: number;
  detail: Record<string, number>;
}

/** Loads a page, waits for the content script's first full scan, and reads the result. */
async function visit(page: Page, url: string): Promise<Outcome> {
  await page.goto(url, { waitUntil: 'domcontentloaded' });
  await page.waitForFunction(() => performance.getEntriesByName('backstory-highlighted').length > 0, null, {
    timeout: 30_000,
  });
  return page.evaluate(() => {
    const done = performance.getEntriesByName('backstory-highlighted')[0] as PerformanceMark;
    return {
      before: (window as unknown as { __before: { html: string; at: number } }).__before,
      html: document.body?.innerHTML ?? '',
      started: performance.getEntriesByName('backstory-start')[0]?.startTime ?? Infinity,
      detail: done.detail as Record<string, number>,
    };
  });
}

describe.skipIf(!!skip)('the shared corpus in Chromium', () => {
  let s: Session;
  const names = skip
    ? []
    : readdirSync(join(CORPUS, 'pages')).filter((n) => existsSync(join(CORPUS, 'pages', n, 'source.html')));

  beforeAll(async () => {
    s = await startSession({ pagesRoot: CORPUS });
    for (const name of names)
      s.server.setPage(
        `/pages/${name}/source.html`,
        readFileSync(join(CORPUS, 'pages', name, 'source.html'), 'utf8'),
        {
          'content-security-policy': CSP,
        },
      );
  });
  afterAll(async () => {
    await s?.close();
  });

  it('has pages', () => {
    expect(names.length).toBeGreaterThan(0);
  });

  it("leaves the seed page's navigation, search box and comment area alone", async () => {
    const page = await s.context.newPage();
    await page.addInitScript(RECORD_BEFORE);
    const errors = await collectErrors(page);
    const result = await visit(page, `${s.server.url}/${SEED}`);
    const marked = await page.evaluate(() => {
      const registry = (CSS as unknown as { highlights: Map<string, Set<Range>> }).highlights;
      const out: { text: string; where: string }[] = [];
      registry.forEach((h, name) => {
        if (!name.startsWith('backstory')) return;
        h.forEach((r) => {
          const el = r.startContainer.parentElement;
          out.push({
            text: r.toString(),
            where: el?.closest('article, aside, nav, form')?.localName ?? 'other',
          });
        });
      });
      return out;
    });
    expect(marked.map((m) => m.text)).toEqual(expect.arrayContaining(['Huawei', 'NATO']));
    expect(new Set(marked.map((m) => m.where))).toEqual(new Set(['article']));
    expect(result.before.at).toBeLessThan(result.started);
    expect(result.html).toBe(result.before.html);
    expect(errors.ours()).toEqual([]);
    await page.close();
  });

  it('loads every corpus page without an error from the extension and without a DOM change', async () => {
    const rows: string[] = [];
    const failures: string[] = [];
    for (const name of names) {
      const page = await s.context.newPage();
      await page.addInitScript(RECORD_BEFORE);
      const errors = await collectErrors(page);
      const t0 = Date.now();
      const result = await visit(page, `${s.server.url}/pages/${name}/source.html`);
      rows.push(
        `${name.padEnd(22)} ${String(result.detail.blocks).padStart(5)} blocks ${String(result.detail.mentions).padStart(4)} mentions ` +
          `${String(Math.round(result.detail.wallMs ?? 0)).padStart(5)} ms scan, ${Date.now() - t0} ms total`,
      );
      if (!(result.before.at < result.started))
        failures.push(`${name}: markup recorded after the content script started`);
      if (result.html !== result.before.html) failures.push(`${name}: body markup changed`);
      for (const e of errors.ours()) failures.push(`${name}: ${e.kind} ${e.text} (${e.url})`);
      await page.close();
    }
    console.log(`[e2e] corpus:\n${rows.join('\n')}`);
    expect(failures).toEqual([]);
  }, 240_000);
});

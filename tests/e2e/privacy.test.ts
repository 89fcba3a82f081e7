/**
 * Privacy, tested rather than claimed: browsing the demo article and saved corpus pages
 * with the card, side panel, popup and options open, the extension makes no request of
 * its own beyond its packaged files; and what it keeps about browsing is only the open
 * tabs' reports (hostname only), gone when the tab closes. Corpus pages are served from
 * 127.0.0.1 with their scripts off; their own external resources are aborted and only
 * counted as theirs when the page's source names that host. Skips corpus pages when
 * ../shared/corpus is absent.
 */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  CORPUS,
  EXTENSION,
  highlightedTexts,
  startSession,
  unavailable,
  waitForHighlights,
  type Session,
} from '../../scripts/chromium-session';
import { dumpExtensionStores, openCard, popupFor, recordRequests, type Recorded } from './helpers';

const skip = unavailable();

/** Saved pages served under these paths; the seed article first. */
const CORPUS_PAGES = [
  'seed-article-rfa-2019-07-03.html',
  'pages/bbc-1/source.html',
  'pages/theverge/source.html',
]
  .map((p) => ({ path: `/corpus/${p}`, file: join(CORPUS, p) }))
  .filter((p) => existsSync(p.file));

/** The pages' own scripts would rewrite the DOM and call out to computed hosts: keep them off. */
const NO_SCRIPTS = { 'content-security-policy': "script-src 'none'" };

/** Hosts a saved page's markup names (its own images, styles, fonts, frames). */
function hostsNamedIn(html: string): Set<string> {
  const hosts = new Set<string>();
  for (const m of html.matchAll(/(?:https?:)?\/\/([a-z0-9.-]+\.[a-z]{2,})/gi)) hosts.add(m[1]!.toLowerCase());
  return hosts;
}

/** The resource URLs a document or the worker fetched, from its own performance timeline. */
function resourceUrls(target: Page | Session['worker']): Promise<string[]> {
  const read = () => performance.getEntriesByType('resource').map((e) => e.name);
  return 'goto' in target ? target.evaluate(read) : target.evaluate(read);
}

describe.skipIf(!!skip)('privacy in Chromium', () => {
  let s: Session;
  let requests: Recorded[];
  let own: string;
  /** Files a page may load from the extension (the content script's UI), from the manifest. */
  const accessible = new Set<string>();
  const pageHosts = new Map<string, Set<string>>();
  const visited: string[] = [];
  let baseline: Record<string, string>;

  beforeAll(async () => {
    s = await startSession();
    baseline = await dumpExtensionStores(s);
    requests = await recordRequests(s.context);
    own = `chrome-extension://${s.extensionId}/`;
    const manifest = JSON.parse(readFileSync(join(EXTENSION, 'manifest.json'), 'utf8'));
    for (const entry of manifest.web_accessible_resources ?? [])
      for (const r of entry.resources) accessible.add(r);
    for (const p of CORPUS_PAGES) {
      const html = readFileSync(p.file, 'utf8');
      s.server.setPage(p.path, html, NO_SCRIPTS);
      pageHosts.set(`${s.server.url}${p.path}`, hostsNamedIn(html));
    }
  });
  afterAll(async () => {
    await s?.close();
  });

  it('makes no request of its own while browsing with the card, panel, popup and options open', async () => {
    const article = await s.context.newPage();
    await article.goto(`${s.server.url}/article.html`);
    visited.push(article.url());
    await waitForHighlights(article, 5);
    await openCard(article, 'Huawei');
    await article.locator('backstory-card .bs-card-toggle').click();
    await article.locator('backstory-card .bs-card-related .bs-chip').first().click();

    for (const p of CORPUS_PAGES) {
      const page = await s.context.newPage();
      await page.goto(`${s.server.url}${p.path}`, { waitUntil: 'domcontentloaded' });
      visited.push(page.url());
      await page.waitForFunction(
        () => performance.getEntriesByName('backstory-highlighted').length > 0,
        null,
        {
          timeout: 30_000,
        },
      );
      const [first] = await highlightedTexts(page);
      if (first) await openCard(page, first);
    }

    const panel = await s.openExtensionPage('sidepanel.html');
    await panel.getByRole('button', { name: 'Search', exact: true }).click();
    await panel.getByRole('combobox').fill('huawei');
    await expect.poll(() => panel.locator('.bs-result-name').count()).toBeGreaterThan(0);
    await panel.getByRole('combobox').press('Enter');
    await expect.poll(() => panel.locator('#bs-entity-name').count()).toBe(1);
    const popup = await popupFor(s, article);
    await expect.poll(() => popup.locator('main').innerText(), { timeout: 10_000 }).toMatch(/mentions/);
    const options = await s.openExtensionPage('options.html');
    await options.locator('.bs-pack').first().waitFor();

    // The recorder sees the worker: a fetch it is told to make shows up as the worker's.
    const probe = `${s.server.url}/recorder-probe.txt`;
    await s.worker.evaluate(
      (url) =>
        fetch(url).then(
          () => undefined,
          () => undefined,
        ),
      probe,
    );
    await expect.poll(() => requests.some((r) => r.url === probe && r.from === 'worker')).toBe(true);

    const extensionContext = (r: Recorded) => r.from === 'worker' || r.from.startsWith('chrome-extension:');
    const fromExtension = requests.filter((r) => extensionContext(r) && r.url !== probe);
    expect(fromExtension.length).toBeGreaterThan(0); // its own pages' scripts and styles
    expect(fromExtension.filter((r) => !r.url.startsWith(own))).toEqual([]);

    // Pages: only the local server, a host the saved page itself names, or (the content
    // script's lazily loaded UI) one of the extension's web-accessible files.
    const strange = requests.filter((r) => {
      if (extensionContext(r) || r.url.startsWith(`${s.server.url}/`)) return false;
      if (r.url.startsWith('chrome-extension:')) return !accessible.has(new URL(r.url).pathname.slice(1));
      const host = new URL(r.url).hostname;
      return !(pageHosts.get(r.from)?.has(host) ?? false);
    });
    expect(strange).toEqual([]);

    // The performance timelines also cover what happened before the recorder started.
    const workerUrls = (await resourceUrls(s.worker)).filter((u) => u !== probe);
    expect(workerUrls.filter((u) => !u.startsWith(own))).toEqual([]);
    for (const page of [panel, popup, options])
      expect((await resourceUrls(page)).filter((u) => !u.startsWith(own))).toEqual([]);
    for (const page of [panel, popup, options]) await page.close();
  });

  it('keeps only the open tabs’ reports (hostname only) and drops them when a tab closes', async () => {
    expect(visited.length).toBeGreaterThan(0);
    const stores = await dumpExtensionStores(s);
    expect(Object.keys(stores).some((k) => k.startsWith('idb:'))).toBe(true);
    const port = new URL(s.server.url).port;
    const forbidden = [`127.0.0.1:${port}`, 'article.html', 'source.html', 'seed-article', '/corpus/'];
    // A page title counts unless the bundled data held it before browsing (a source's headline).
    const held = Object.values(baseline).join('\n');
    for (const page of s.context.pages()) {
      const title = await page.title();
      if (title && !page.url().startsWith('chrome-extension:') && !held.includes(title))
        forbidden.push(title);
    }
    for (const [where, text] of Object.entries(stores))
      for (const needle of forbidden) expect(text.includes(needle), `${where} holds "${needle}"`).toBe(false);
    // Nothing but settings, the compiled matcher and the pack data outlive a session.
    expect(stores['storage.local']).not.toContain('127.0.0.1');
    for (const [where, text] of Object.entries(stores))
      if (where.startsWith('idb:')) expect(text.includes('127.0.0.1'), where).toBe(false);

    // The session area: one report per open tab that runs the content script, keyed by tab.
    const tabKeys = () =>
      s.worker.evaluate(async () =>
        Object.keys(await chrome.storage.session.get()).filter((k) => k.startsWith('tab:')),
      );
    const before = await tabKeys();
    const page = await s.context.newPage();
    await page.goto(`${s.server.url}/article.html`);
    await waitForHighlights(page, 5);
    await expect.poll(async () => (await tabKeys()).length, { timeout: 10_000 }).toBe(before.length + 1);
    const key = (await tabKeys()).find((k) => !before.includes(k))!;
    const report = await s.worker.evaluate(async (k) => (await chrome.storage.session.get(k))[k], key);
    expect(report.site).toBe('127.0.0.1');
    expect(JSON.stringify(report)).not.toContain(port);
    await page.close();
    await expect.poll(tabKeys, { timeout: 10_000 }).toEqual(before);
    // Every browsed tab closed: no report is left at all.
    for (const p of s.context.pages()) if (!p.url().startsWith('chrome-extension:')) await p.close();
    await expect.poll(tabKeys, { timeout: 10_000 }).toEqual([]);
  });
});

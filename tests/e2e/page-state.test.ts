/**
 * The popup and the side panel describe the right page, found without tab URLs, and never
 * show a page that is gone: a tab that navigates to where Backstory does not run, a page
 * restored from the back/forward cache, and a panel opened as a page following the web tab
 * focused last.
 */
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { popupFor } from './helpers';
import { startSession, unavailable, waitForHighlights, type Session } from '../../scripts/chromium-session';

const skip = unavailable();
const NOT_RUNNING = 'Backstory is not running on this page.';

async function openPanel(s: Session): Promise<Page> {
  const panel = await s.openExtensionPage('sidepanel.html');
  await panel.setViewportSize({ width: 400, height: 900 });
  return panel;
}

const mainText = (page: Page) => page.locator('main').innerText();

describe.skipIf(!!skip)('page state without tab URLs', () => {
  let s: Session;
  beforeAll(async () => {
    s = await startSession({ bfcache: true });
    // A host the manifest does not cover, answered by the test itself (no network).
    await s.context.route('http://blog.example.test/**', (route) =>
      route.fulfill({
        contentType: 'text/html',
        body: '<!doctype html><title>Blog</title><main><p>Huawei and the Entity List.</p></main>',
      }),
    );
    s.server.setPage(
      '/zte.html',
      '<!doctype html><title>ZTE</title><main><article><h1>ZTE</h1>' +
        '<p>ZTE agreed to pay a penalty to settle the case.</p></article></main>',
    );
    s.server.setPage('/quiet.html', '<!doctype html><title>Quiet</title><p>Nothing of our topics.</p>');
  });
  afterAll(async () => {
    await s?.close();
  });

  it('a tab that leaves the article for a page where Backstory does not run shows no old entities', async () => {
    const article = await s.context.newPage();
    await article.goto(`${s.server.url}/article.html`);
    await waitForHighlights(article, 5);
    const panel = await openPanel(s);
    await expect.poll(() => mainText(panel), { timeout: 10_000 }).toContain('Huawei Technologies');
    const popup = await popupFor(s, article);
    await expect.poll(() => mainText(popup), { timeout: 10_000 }).toMatch(/\d+ mentions of \d+ entities/);

    await article.goto('http://blog.example.test/post');
    await expect.poll(() => mainText(panel), { timeout: 10_000 }).toContain(NOT_RUNNING);
    expect(await mainText(panel)).not.toContain('Huawei');
    await expect.poll(() => mainText(popup), { timeout: 10_000 }).toContain(NOT_RUNNING);
    expect(await mainText(popup)).not.toMatch(/mentions of/);
    const fresh = await popupFor(s, article);
    await expect.poll(() => mainText(fresh), { timeout: 10_000 }).toContain(NOT_RUNNING);
    for (const p of [article, panel, popup, fresh]) await p.close();
  });

  it('a page restored from the back/forward cache shows its entities again', async () => {
    const article = await s.context.newPage();
    await article.goto(`${s.server.url}/article.html`);
    await waitForHighlights(article, 5);
    await article.evaluate(
      () => ((window as unknown as { backstoryTestMark: number }).backstoryTestMark = 1),
    );
    const panel = await openPanel(s);
    await expect.poll(() => mainText(panel), { timeout: 10_000 }).toContain('Huawei Technologies');

    await article.bringToFront();
    await article.goto(`${s.server.url}/quiet.html`);
    await expect
      .poll(() => mainText(panel), { timeout: 10_000 })
      .toContain('No entities from your topics are mentioned on this page.');
    await article.goBack({ waitUntil: 'commit' }); // a restore fires no load event
    // The same document, restored (the mark survived): no new content script, no new scan.
    expect(
      await article.evaluate(() => (window as unknown as { backstoryTestMark?: number }).backstoryTestMark),
    ).toBe(1);
    await expect.poll(() => mainText(panel), { timeout: 10_000 }).toContain('Huawei Technologies');
    await article.close();
    await panel.close();
  });

  it('a panel opened as a page follows the web tab focused last', async () => {
    const article = await s.context.newPage();
    await article.goto(`${s.server.url}/article.html`);
    await waitForHighlights(article, 5);
    const zte = await s.context.newPage();
    await zte.goto(`${s.server.url}/zte.html`);
    await waitForHighlights(zte, 1);
    const panel = await openPanel(s);

    await article.bringToFront();
    await expect.poll(() => mainText(panel), { timeout: 10_000 }).toContain('Huawei Technologies');
    await zte.bringToFront();
    await expect.poll(() => mainText(panel), { timeout: 10_000 }).not.toContain('Huawei Technologies');
    expect(await mainText(panel)).toContain('ZTE');
    await article.bringToFront();
    await expect.poll(() => mainText(panel), { timeout: 10_000 }).toContain('Huawei Technologies');

    // ?tab= names the page outright, whatever is focused.
    const zteId = await s.worker.evaluate(async () => {
      const tabs = await chrome.tabs.query({});
      const reports = await chrome.storage.session.get();
      return tabs.find((t) => {
        const r = reports[`tab:${t.id}`] as { mentions: unknown[] } | undefined;
        return r && r.mentions.length === 1;
      })?.id;
    });
    expect(zteId).toBeTypeOf('number');
    const pinned = await s.openExtensionPage(`sidepanel.html?tab=${zteId}`);
    await expect.poll(() => mainText(pinned), { timeout: 10_000 }).toContain('ZTE');
    expect(await mainText(pinned)).not.toContain('Huawei Technologies');
    for (const p of [article, zte, panel, pinned]) await p.close();
  });
});

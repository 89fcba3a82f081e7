import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  bodyWithoutExtension,
  highlightedTexts,
  highlightsOf,
  startSession,
  unavailable,
  waitForHighlights,
  type Session,
} from '../../scripts/chromium-session';
import { popupFor } from './helpers';

const skip = unavailable();

describe.skipIf(!!skip)('the extension in Chromium', () => {
  let s: Session;
  beforeAll(async () => {
    s = await startSession();
  });
  afterAll(async () => {
    await s?.close();
  });

  it('starts the service worker and seeds the bundled pack', async () => {
    expect(s.worker.url()).toMatch(/^chrome-extension:\/\/[a-p]{32}\/background\.js$/);
    const stored = await s.worker.evaluate(async () => (await chrome.storage.local.get('matcher')).matcher);
    expect(stored.aliasCount).toBeGreaterThan(100);
    expect(stored.key).toContain('us-china-tech@');
  });

  it('runs the content script: highlights on the demo article, DOM untouched', async () => {
    const page = await s.context.newPage();
    await page.goto(`${s.server.url}/article.html`);
    await waitForHighlights(page, 5);
    const names = Object.keys(await highlightsOf(page));
    expect(names).toContain('backstory-underline-amber');
    const texts = await highlightedTexts(page);
    expect(texts).toEqual(expect.arrayContaining(['Huawei', 'Entity List', 'Meng Wanzhou', 'NATO']));
    // The DOM is exactly what the same browser shows without the extension.
    expect(await page.evaluate(() => document.body.innerHTML)).toBe(
      await bodyWithoutExtension(`${s.server.url}/article.html`),
    );
    await page.close();
  });

  it('shows the tab state in the popup', async () => {
    const article = await s.context.newPage();
    await article.goto(`${s.server.url}/article.html`);
    await waitForHighlights(article, 5);
    const popup = await popupFor(s, article);
    await expect
      .poll(() => popup.locator('main').innerText(), { timeout: 10_000 })
      .toMatch(/mentions of \d+ entities/);
    await popup.close();
    await article.close();
  });

  it('renders the side panel and options pages', async () => {
    const panel = await s.openExtensionPage('sidepanel.html');
    await expect.poll(() => panel.locator('nav').innerText()).toContain('On this page');
    const options = await s.openExtensionPage('options.html');
    await expect.poll(() => options.locator('h1').innerText()).toBe('Backstory options');
    await expect.poll(() => options.locator('.bs-pack').count()).toBe(1);
    await expect
      .poll(() => options.locator('.bs-pack').innerText())
      .toContain('US–China technology and security');
    await panel.close();
    await options.close();
  });
});

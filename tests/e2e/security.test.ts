/**
 * Security, end to end: the manifest opens no door to web pages (no externally_connectable,
 * no probe-able resources, the default extension-page CSP); a page cannot message or
 * fetch the extension; and a hostile pack is either refused (script links) or rendered
 * as inert text in the card, the side panel and options.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  HOSTILE_ALIAS,
  HOSTILE_NAME,
  HOSTILE_PACK_TITLE,
  HOSTILE_PAGE,
  IMG,
  SCRIPT,
  hostileLinkPack,
  hostileMarkupPack,
} from '../fixtures/hostile-pack';
import {
  EXTENSION,
  startSession,
  unavailable,
  waitForHighlights,
  type Session,
} from '../../scripts/chromium-session';
import { openCard } from './helpers';

const skip = unavailable();

/**
 * What hostile data would leave behind in a document (or the card's shadow root): the
 * flag its handlers set, elements carrying handlers, images and inline scripts, and any
 * link that is not http(s) or our own.
 */
async function traces(page: Page, root: 'document' | 'card' = 'document') {
  return page.evaluate((where) => {
    const scope: ParentNode | null | undefined =
      where === 'card' ? document.querySelector('backstory-card')?.shadowRoot : document;
    if (!scope) throw new Error('no card');
    const own = location.protocol === 'chrome-extension:' ? location.origin : '\u0000';
    return {
      pwned: (window as unknown as { __pwned?: unknown }).__pwned,
      handlers: scope.querySelectorAll('[onerror], [onload], [onclick]').length,
      images: [...scope.querySelectorAll('img')]
        .map((i) => i.getAttribute('src'))
        .filter((s) => s !== '/icon/32.png'),
      inlineScripts: scope.querySelectorAll('script:not([src])').length,
      badLinks: [...scope.querySelectorAll('a[href]')]
        .map((a) => a.getAttribute('href')!)
        .filter((h) => !/^https?:\/\//.test(h) && !h.startsWith(own)),
      text: (scope instanceof Document ? scope.body : (scope as ShadowRoot)).textContent ?? '',
    };
  }, root);
}

const CLEAN = { pwned: undefined, handlers: 0, images: [], inlineScripts: 0, badLinks: [] };

describe.skipIf(!!skip)('the manifest', () => {
  const manifest = skip ? {} : JSON.parse(readFileSync(join(EXTENSION, 'manifest.json'), 'utf8'));

  it('lets no web page connect, probe resources, or loosen the extension pages’ CSP', () => {
    expect(manifest).not.toHaveProperty('externally_connectable');
    for (const entry of manifest.web_accessible_resources ?? []) expect(entry.use_dynamic_url).toBe(true);
    const csp: unknown = manifest.content_security_policy;
    if (csp !== undefined) {
      const pages = String((csp as { extension_pages?: string }).extension_pages ?? '');
      expect(pages).not.toMatch(/unsafe-eval|unsafe-inline|https?:|\*/);
      expect(csp).not.toHaveProperty('sandbox');
    }
    // Host access is asked for one site at a time; nothing broad is granted at install.
    expect(manifest.host_permissions ?? []).toEqual([]);
  });
});

describe.skipIf(!!skip)('security in Chromium', () => {
  let s: Session;
  beforeAll(async () => {
    s = await startSession();
    s.server.setPage('/glass.html', HOSTILE_PAGE);
  });
  afterAll(async () => {
    await s?.close();
  });

  it('a web page can neither message the extension nor fetch its files', async () => {
    const page = await s.context.newPage();
    await page.goto(`${s.server.url}/article.html`);
    await waitForHighlights(page, 5);
    // Every packaged file a page might guess, and the web-accessible ones at their static URL.
    const manifest = JSON.parse(readFileSync(join(EXTENSION, 'manifest.json'), 'utf8'));
    const paths = [
      'manifest.json',
      'popup.html',
      'content-scripts/backstory.js',
      'icon/32.png',
      ...(manifest.web_accessible_resources ?? []).flatMap((e: { resources: string[] }) => e.resources),
    ];
    const probe = await page.evaluate(
      async ({ id, paths }) => {
        const runtime = (
          window as unknown as {
            chrome?: { runtime?: { sendMessage?: (id: string, message: unknown) => Promise<unknown> } };
          }
        ).chrome?.runtime;
        let message = 'no runtime';
        if (runtime?.sendMessage) {
          try {
            await runtime.sendMessage(id, { type: 'contentGetEntityCard', data: { entityId: 'x:y' } });
            message = 'delivered';
          } catch (error) {
            message = `refused: ${String(error)}`;
          }
        }
        const fetched: string[] = [];
        for (const path of paths) {
          try {
            await fetch(`chrome-extension://${id}/${path}`);
            fetched.push(path);
          } catch {
            // refused: the page cannot tell the extension is there
          }
        }
        return { message, fetched };
      },
      { id: s.extensionId, paths },
    );
    expect(probe.message).not.toBe('delivered');
    expect(probe.fetched).toEqual([]);
    await page.close();
  });

  it('refuses a pack with javascript:, data: and vbscript: links, listing each, and writes nothing', async () => {
    const options = await s.openExtensionPage('options.html');
    await options.locator('.bs-pack').first().waitFor();
    const packsBefore = await options.locator('.bs-pack').allInnerTexts();
    const matcherBefore = await s.worker.evaluate(
      async () => (await chrome.storage.local.get('matcher')).matcher.key,
    );
    await options.getByLabel('Import a pack (JSON)').setInputFiles({
      name: 'hostile-links.json',
      mimeType: 'application/json',
      buffer: Buffer.from(JSON.stringify(hostileLinkPack())),
    });
    const alert = options.getByRole('alert');
    await expect.poll(() => alert.innerText()).toContain('Nothing was changed.');
    const problems = await alert.locator('li').allInnerTexts();
    for (const path of [
      '$.events[0].sources[0].url',
      '$.events[0].sources[1].url',
      '$.events[1].sources[0].url',
    ])
      expect(problems.some((p) => p.startsWith(path) && p.includes('http(s)'))).toBe(true);
    expect(await options.locator('.bs-pack').allInnerTexts()).toEqual(packsBefore);
    expect(await s.worker.evaluate(async () => (await chrome.storage.local.get('matcher')).matcher.key)).toBe(
      matcherBefore,
    );
    const stored = await options.evaluate(
      () =>
        new Promise<string[]>((resolve, reject) => {
          const open = indexedDB.open('backstory');
          open.onerror = () => reject(open.error);
          open.onsuccess = () => {
            const db = open.result;
            const keys = db.transaction('packs').objectStore('packs').getAllKeys();
            keys.onsuccess = () => {
              resolve(keys.result.map(String));
              db.close();
            };
          };
        }),
    );
    expect(stored).not.toContain('hostile-links');
    expect(await traces(options)).toMatchObject(CLEAN);
    await options.close();
  });

  it('renders a pack full of markup as text in the card, side panel and options', async () => {
    const options = await s.openExtensionPage('options.html');
    await options.locator('.bs-pack').first().waitFor();
    await options.getByLabel('Import a pack (JSON)').setInputFiles({
      name: 'hostile-markup.json',
      mimeType: 'application/json',
      buffer: Buffer.from(JSON.stringify(hostileMarkupPack())),
    });
    await expect.poll(() => options.getByRole('status').innerText()).toContain('Pack imported.');
    await expect.poll(() => options.locator('.bs-pack', { hasText: 'Hostile test pack' }).count()).toBe(1);
    const inOptions = await traces(options);
    expect(inOptions).toMatchObject(CLEAN);
    expect(inOptions.text).toContain(HOSTILE_PACK_TITLE);
    expect(inOptions.text).toContain(`Hostile ${IMG}`);

    // The card on a page that mentions the entity.
    const page = await s.context.newPage();
    await page.goto(`${s.server.url}/glass.html`);
    await waitForHighlights(page, 1);
    await openCard(page, HOSTILE_ALIAS);
    await page.locator('backstory-card .bs-card-toggle').click();
    const inCard = await traces(page, 'card');
    expect(inCard).toMatchObject(CLEAN);
    for (const literal of [
      HOSTILE_NAME,
      `Glasswing opens a furnace ${IMG}`,
      `Founded ${SCRIPT}`,
      `Lattice Works ${SCRIPT}`,
    ])
      expect(inCard.text).toContain(literal);
    expect(await traces(page)).toMatchObject(CLEAN);
    // A related chip walks to the other entity, still as text.
    await page.locator('backstory-card .bs-card-related .bs-chip').first().click();
    await expect
      .poll(() => page.locator('backstory-card .bs-card-name').textContent())
      .toBe(`Lattice Works ${SCRIPT}`);
    expect(await traces(page, 'card')).toMatchObject(CLEAN);

    // The side panel: this page's list, search results, the entity page.
    await page.bringToFront();
    const panel = await s.openExtensionPage('sidepanel.html');
    await expect.poll(() => panel.locator('main').innerText(), { timeout: 10_000 }).toContain(HOSTILE_NAME);
    await panel.getByRole('button', { name: 'Search', exact: true }).click();
    const box = panel.getByRole('combobox');
    await box.fill('glasswing');
    await expect.poll(() => panel.locator('.bs-result-name').first().textContent()).toBe(HOSTILE_NAME);
    expect(await traces(panel)).toMatchObject(CLEAN);
    await box.press('Enter');
    await expect.poll(() => panel.locator('#bs-entity-name').textContent()).toBe(HOSTILE_NAME);
    const inPanel = await traces(panel);
    expect(inPanel).toMatchObject(CLEAN);
    for (const literal of [
      `In a year ${IMG}`,
      `The invented furnace is lit ${SCRIPT}.`,
      `Test Courier ${IMG}`,
      `Test Ledger ${SCRIPT}`,
    ])
      expect(inPanel.text).toContain(literal);
    const links = await panel
      .locator('a.bs-source')
      .evaluateAll((as) => as.map((a) => a.getAttribute('href')));
    expect(links.sort()).toEqual(['http://example.org/expansion', 'https://example.org/furnace']);
    expect(await traces(options)).toMatchObject(CLEAN);
    expect(await traces(page)).toMatchObject(CLEAN);
    for (const p of [panel, page, options]) await p.close();
  });
});

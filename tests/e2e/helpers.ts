/**
 * Helpers shared by the trust tests (privacy, security, accessibility, keyboard): opening
 * the card on a mention, recording every request, dumping the extension's stores, and
 * running axe-core in extension pages and inside the card's shadow root.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { BrowserContext, Page, Request } from 'playwright-core';
import { expect } from 'vitest';
import { ROOT, mentionPoint, type Session } from '../../scripts/chromium-session';

/** Hovers the mention `text` and waits until the card shows an entity. */
export async function openCard(page: Page, text: string): Promise<void> {
  const p = await mentionPoint(page, text);
  await page.mouse.move(p.x, p.y);
  await expect.poll(() => page.locator('backstory-card .bs-card-name').count(), { timeout: 5000 }).toBe(1);
}

/** Opens the popup as a tab that reads `target` as the active tab (as tests/e2e/popup.test.ts does). */
export async function popupFor(s: Session, target: Page): Promise<Page> {
  const popup = await s.openExtensionPage('popup.html');
  await popup.setViewportSize({ width: 360, height: 420 });
  await target.bringToFront();
  await popup.reload();
  return popup;
}

/** One request seen by the browser context, with who made it. */
export interface Recorded {
  url: string;
  /** 'worker' for a service worker, otherwise the URL of the top document of the tab that made it. */
  from: string;
}

/**
 * Records every request of the context (pages, extension pages and the service worker:
 * Playwright reports service-worker requests on the context) and aborts any that would
 * leave 127.0.0.1, so a saved page's own images and fonts never reach the network.
 */
export async function recordRequests(context: BrowserContext): Promise<Recorded[]> {
  const seen: Recorded[] = [];
  const from = (request: Request): string => {
    if (request.serviceWorker()) return 'worker';
    try {
      // The top document: a sub-frame's own URL is still empty while it is being requested.
      const frame = request.frame();
      return frame.page()?.mainFrame().url() ?? frame.url();
    } catch {
      return 'unknown';
    }
  };
  context.on('request', (request) => seen.push({ url: request.url(), from: from(request) }));
  await context.route(
    (url) => url.protocol !== 'chrome-extension:' && url.hostname !== '127.0.0.1',
    (route) => route.abort('blockedbyclient'),
  );
  return seen;
}

/** Every value of the extension's storage areas and IndexedDB databases, as JSON text per place. */
export async function dumpExtensionStores(s: Session): Promise<Record<string, string>> {
  const areas = await s.worker.evaluate(async () => ({
    local: JSON.stringify(await chrome.storage.local.get()),
    session: JSON.stringify(await chrome.storage.session.get()),
  }));
  const page = await s.openExtensionPage('options.html');
  try {
    const databases = await page.evaluate(async () => {
      const out: Record<string, string> = {};
      const request = <T>(r: IDBRequest<T>) =>
        new Promise<T>((resolve, reject) => {
          r.onsuccess = () => resolve(r.result);
          r.onerror = () => reject(r.error);
        });
      for (const info of await indexedDB.databases()) {
        if (!info.name) continue;
        const db = await request(indexedDB.open(info.name));
        for (const store of db.objectStoreNames) {
          const tx = db.transaction(store, 'readonly');
          const values = await request(tx.objectStore(store).getAll());
          const keys = await request(tx.objectStore(store).getAllKeys());
          out[`idb:${info.name}/${store}`] = JSON.stringify({ keys, values });
        }
        db.close();
      }
      return out;
    });
    return { 'storage.local': areas.local, 'storage.session': areas.session, ...databases };
  } finally {
    await page.close();
  }
}

const AXE_SOURCE = readFileSync(join(ROOT, 'node_modules', 'axe-core', 'axe.min.js'), 'utf8');

/** One axe violation, trimmed to what a report needs. */
export interface AxeFinding {
  id: string;
  impact: string | null;
  help: string;
  targets: string[];
}

/**
 * Runs axe-core in `page` (on `selector`, or the whole document) and returns its
 * violations. axe is evaluated as a string through the DevTools protocol: it is not
 * subject to the extension pages' CSP, and it does not change the page's DOM.
 */
export async function runAxe(page: Page, selector?: string): Promise<AxeFinding[]> {
  const loaded = await page.evaluate(() => 'axe' in window);
  if (!loaded) {
    const cdp = await page.context().newCDPSession(page);
    try {
      const result = await cdp.send('Runtime.evaluate', { expression: AXE_SOURCE });
      if (result.exceptionDetails) throw new Error(`axe failed to load: ${result.exceptionDetails.text}`);
    } finally {
      await cdp.detach();
    }
  }
  return page.evaluate(async (sel) => {
    type Axe = {
      run(
        context: unknown,
        options: unknown,
      ): Promise<{
        violations: {
          id: string;
          impact: string | null;
          help: string;
          nodes: { target: unknown[] }[];
        }[];
      }>;
    };
    const axe = (window as unknown as { axe: Axe }).axe;
    const results = await axe.run(sel ? { include: [[sel]] } : document, {
      resultTypes: ['violations'],
    });
    return results.violations.map((v) => ({
      id: v.id,
      impact: v.impact,
      help: v.help,
      targets: v.nodes.map((n) => JSON.stringify(n.target)),
    }));
  }, selector);
}

/** Fails on serious or critical findings; prints the rest so they are seen. */
export function expectNoSeriousViolations(where: string, findings: AxeFinding[]): void {
  const serious = findings.filter((f) => f.impact === 'serious' || f.impact === 'critical');
  const minor = findings.filter((f) => !serious.includes(f));
  if (minor.length > 0)
    console.log(
      `[axe] ${where}: ${minor.map((f) => `${f.id} (${f.impact}) ${f.targets.join(' ')}`).join('; ')}`,
    );
  expect(
    serious.map((f) => `${f.id} (${f.impact}): ${f.help} at ${f.targets.join(' ')}`),
    where,
  ).toEqual([]);
}

/**
 * Describes the focused element and whether its focus is visible: an outline that is
 * not `none` (and wider than 0), or a box shadow. Looks into the card's shadow root.
 */
export async function focusInfo(page: Page): Promise<{ text: string; tag: string; visible: boolean }> {
  return page.evaluate(() => {
    let el = document.activeElement;
    while (el?.shadowRoot?.activeElement) el = el.shadowRoot.activeElement;
    if (!el || el === document.body) return { text: '', tag: 'BODY', visible: false };
    const cs = getComputedStyle(el);
    const outline = cs.outlineStyle !== 'none' && parseFloat(cs.outlineWidth) > 0;
    const shadow = cs.boxShadow !== 'none' && cs.boxShadow !== '';
    return {
      text: (el.getAttribute('aria-label') ?? el.textContent ?? '').trim(),
      tag: el.tagName,
      visible: outline || shadow,
    };
  });
}

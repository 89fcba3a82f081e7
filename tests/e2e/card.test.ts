import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  mentionPoint,
  shotPath,
  ROOT,
  startSession,
  unavailable,
  waitForHighlights,
  type Session,
} from '../../scripts/chromium-session';

const skip = unavailable();

/** Sends a protocol message from the background to the active tab (stands in for the keyboard command). */
async function sendToTab(s: Session, type: string, data?: unknown): Promise<void> {
  await s.worker.evaluate(
    async ({ type, data }) => {
      const api = (
        globalThis as unknown as {
          chrome: {
            tabs: {
              query(q: object): Promise<{ id: number; url: string }[]>;
              sendMessage(id: number, m: unknown): Promise<unknown>;
            };
          };
        }
      ).chrome;
      const [tab] = await api.tabs.query({ active: true, lastFocusedWindow: true });
      await api.tabs.sendMessage(tab!.id, { id: 1, type, data, timestamp: Date.now() });
    },
    { type, data },
  );
}

const cardName = (page: Page) => page.locator('backstory-card .bs-card-name');

describe.skipIf(!!skip)('the hover card in Chromium', () => {
  let s: Session;
  beforeAll(async () => {
    s = await startSession();
    const demo = readFileSync(join(ROOT, 'scripts', 'demo', 'article.html'), 'utf8');
    // The same article under a CSP that forbids inline styles and scripts.
    s.server.setPage('/article-csp.html', demo, {
      'content-security-policy': "default-src 'self'; style-src 'self'; script-src 'self'; img-src 'self'",
    });
  });
  afterAll(async () => {
    await s?.close();
  });

  it('opens after a dwell, splits events around the article date, stays while hovered, walks to related, closes on Escape', async () => {
    const page = await s.context.newPage();
    await page.goto(`${s.server.url}/article.html`);
    await waitForHighlights(page, 5);
    const before = await page.evaluate(() => document.body.innerHTML);
    const p = await mentionPoint(page, 'Huawei');
    await page.mouse.move(p.x, p.y);
    await page.waitForTimeout(150);
    expect(await page.locator('backstory-card').count()).toBe(0); // still in the dwell
    await expect.poll(() => cardName(page).textContent(), { timeout: 5000 }).toBe('Huawei Technologies');
    const card = page.locator('backstory-card .bs-card');
    // The article is dated 2019-07-10: later events are set apart.
    await expect.poll(() => card.locator('.bs-card-since h3').textContent()).toBe('Since this article');
    expect(await card.locator('.bs-card-more').textContent()).toMatch(/^\d+ more since$/);
    const dates = await card.locator('.bs-card-events').first().locator('time').allTextContents();
    expect(dates.length).toBeGreaterThan(0);
    // Never over the mention.
    const box = (await card.boundingBox())!;
    expect(p.y < box.y || p.y > box.y + box.height).toBe(true);
    // caret: 'initial' keeps Playwright from styling the page's text fields (it would change the DOM).
    await page.screenshot({ path: shotPath('screenshots/card-light.png'), caret: 'initial' });

    // Travel into the card: it stays.
    await page.mouse.move(p.x, p.y + 12);
    await card.hover();
    await page.waitForTimeout(700);
    expect(await cardName(page).textContent()).toBe('Huawei Technologies');

    // A related chip (under "About …") opens that entity's card, with a way back.
    await card.locator('.bs-card-toggle').click();
    await card.locator('.bs-card-related .bs-chip', { hasText: 'Ren Zhengfei' }).click();
    await expect.poll(() => cardName(page).textContent()).toBe('Ren Zhengfei');
    await card.locator('button[aria-label="Back"]').click();
    await expect.poll(() => cardName(page).textContent()).toBe('Huawei Technologies');

    await page.keyboard.press('Escape');
    await expect.poll(() => page.locator('backstory-card').count()).toBe(0);
    const after = await page.evaluate(() => document.body.innerHTML);
    expect(after).toBe(before);
    await page.close();
  });

  it('closes when the pointer leaves mention and card; a pinned card stays', async () => {
    const page = await s.context.newPage();
    await page.goto(`${s.server.url}/article.html`);
    await waitForHighlights(page, 5);
    const p = await mentionPoint(page, 'NATO');
    await page.mouse.move(p.x, p.y);
    await expect.poll(() => cardName(page).count(), { timeout: 5000 }).toBe(1);
    await page.mouse.move(5, 5);
    await expect.poll(() => page.locator('backstory-card').count(), { timeout: 3000 }).toBe(0);

    await page.mouse.move(p.x, p.y);
    await expect.poll(() => cardName(page).count(), { timeout: 5000 }).toBe(1);
    await page.locator('backstory-card button[aria-pressed]').click();
    await page.mouse.move(5, 5);
    await page.waitForTimeout(800);
    expect(await cardName(page).count()).toBe(1);
    await page.locator('backstory-card button[aria-label="Close"]').click();
    await expect.poll(() => page.locator('backstory-card').count()).toBe(0);
    await page.close();
  });

  it('is reachable by keyboard alone: the command opens the card with focus in it, Tab cycles, Escape returns', async () => {
    const page = await s.context.newPage();
    await page.goto(`${s.server.url}/article.html`);
    await waitForHighlights(page, 5);
    await page.bringToFront();
    await sendToTab(s, 'tabNextMention');
    await expect.poll(() => cardName(page).count(), { timeout: 5000 }).toBe(1);
    const focused = () =>
      page.evaluate(() => {
        const host = document.activeElement;
        return host?.tagName === 'BACKSTORY-CARD'
          ? (host.shadowRoot?.activeElement?.textContent ?? '')
          : `page:${host?.tagName}`;
      });
    await expect.poll(focused).toBe('Open timeline');
    const seen = new Set<string>();
    for (let i = 0; i < 25; i++) {
      await page.keyboard.press('Tab');
      const f = await focused();
      expect(f.startsWith('page:')).toBe(false); // focus stays in the card
      seen.add(f);
    }
    expect(seen.size).toBeGreaterThan(3);
    await page.keyboard.press('Escape');
    await expect.poll(() => page.locator('backstory-card').count()).toBe(0);
    // The next command moves on to the next mention.
    await sendToTab(s, 'tabNextMention');
    await expect.poll(() => cardName(page).count(), { timeout: 5000 }).toBe(1);
    const current = await page.evaluate(() => {
      const registry = (CSS as unknown as { highlights: Map<string, Set<Range>> }).highlights;
      return [...(registry.get('backstory-current') ?? [])].map((r) => r.toString());
    });
    expect(current).toHaveLength(1);
    await page.keyboard.press('Escape');
    await page.close();
  });

  it('renders on a page whose CSP forbids inline styles', async () => {
    const page = await s.context.newPage();
    const errors: string[] = [];
    page.on('console', (m) => {
      if (m.type() === 'error' && /backstory|chrome-extension/i.test(m.text())) errors.push(m.text());
    });
    await page.goto(`${s.server.url}/article-csp.html`);
    await waitForHighlights(page, 5);
    const p = await mentionPoint(page, 'Huawei');
    await page.mouse.move(p.x, p.y);
    await expect.poll(() => cardName(page).count(), { timeout: 5000 }).toBe(1);
    const styled = await page.evaluate(() => {
      const card = document.querySelector('backstory-card')!.shadowRoot!.querySelector('.bs-card')!;
      const cs = getComputedStyle(card);
      return { width: cs.width, position: cs.position, radius: cs.borderTopLeftRadius };
    });
    expect(styled).toEqual({ width: '380px', position: 'fixed', radius: '10px' });
    expect(errors).toEqual([]);
    await page.close();
  });
});

describe.skipIf(!!skip)('the card’s controls', () => {
  let s: Session;
  beforeAll(async () => {
    s = await startSession();
  });
  afterAll(async () => {
    await s?.close();
  });

  const texts = (page: Page) =>
    page.evaluate(() => {
      const registry = (CSS as unknown as { highlights: Map<string, Set<Range>> }).highlights;
      const out: string[] = [];
      registry.forEach((h, name) => {
        if (name !== 'backstory-current') h.forEach((r) => out.push(r.toString()));
      });
      return out;
    });

  async function openCardOn(page: Page, text: string): Promise<void> {
    const p = await mentionPoint(page, text);
    await page.mouse.move(p.x, p.y);
    await expect.poll(() => cardName(page).count(), { timeout: 5000 }).toBe(1);
  }

  it('"Open timeline" asks the background to show the entity in the side panel', async () => {
    const page = await s.context.newPage();
    await page.goto(`${s.server.url}/article.html`);
    await waitForHighlights(page, 5);
    await openCardOn(page, 'ZTE');
    await page.locator('backstory-card .bs-card-primary').click();
    await expect
      .poll(() =>
        s.worker.evaluate(
          async () => (await chrome.storage.session.get('panelRequest')).panelRequest?.entityId,
        ),
      )
      .toBe('us-china-tech:zte');
    await page.close();
  });

  it('"Story so far" asks for the story, and an open panel shows it', async () => {
    // The previous test's request is seconds old: a panel opening now would still follow it.
    await s.worker.evaluate(() => chrome.storage.session.remove('panelRequest'));
    const page = await s.context.newPage();
    await page.goto(`${s.server.url}/article.html`);
    await waitForHighlights(page, 5);
    const panel = await s.openExtensionPage('sidepanel.html');
    await expect.poll(() => panel.locator('.bs-page-entities').count(), { timeout: 10_000 }).toBe(1);
    await page.bringToFront();
    await openCardOn(page, 'ZTE');
    await page.locator('backstory-card .bs-card-secondary', { hasText: 'Story so far' }).click();
    await expect
      .poll(() =>
        s.worker.evaluate(async () => (await chrome.storage.session.get('panelRequest')).panelRequest?.story),
      )
      .toBe(true);
    await expect.poll(() => panel.locator('.bs-story').count(), { timeout: 10_000 }).toBe(1);
    await panel.close();
    await page.close();
  });

  it('"Don’t highlight this term", "Hide topic" and "Turn off on this site" apply at once and are reversible', async () => {
    const page = await s.context.newPage();
    await page.goto(`${s.server.url}/article.html`);
    await waitForHighlights(page, 5);
    expect(await texts(page)).toContain('Wilbur Ross');

    await openCardOn(page, 'Wilbur Ross');
    await page.locator('backstory-card .bs-card-toggle').click();
    await page.locator('backstory-card .bs-card-controls button').first().click();
    await expect.poll(() => texts(page), { timeout: 10_000 }).not.toContain('Wilbur Ross');
    expect(
      await s.worker.evaluate(async () => (await chrome.storage.local.get('ignoredTerms')).ignoredTerms),
    ).toEqual([{ entityId: 'us-china-tech:wilbur-ross', text: 'Wilbur Ross' }]);
    await s.worker.evaluate(() => chrome.storage.local.set({ ignoredTerms: [] }));
    await expect.poll(() => texts(page), { timeout: 10_000 }).toContain('Wilbur Ross');

    await openCardOn(page, 'NATO');
    await page.locator('backstory-card .bs-card-toggle').click();
    await page.locator('backstory-card .bs-card-controls button', { hasText: 'Hide topic' }).click();
    await expect.poll(() => texts(page), { timeout: 10_000 }).not.toContain('NATO');
    await s.worker.evaluate(() => chrome.storage.local.set({ disabledTopics: [] }));
    await expect.poll(() => texts(page), { timeout: 10_000 }).toContain('NATO');

    await openCardOn(page, 'Huawei');
    await page.locator('backstory-card .bs-card-toggle').click();
    await page
      .locator('backstory-card .bs-card-controls button', { hasText: 'Turn off on this site' })
      .click();
    await expect.poll(() => texts(page), { timeout: 10_000 }).toEqual([]);
    expect(
      await s.worker.evaluate(async () => (await chrome.storage.local.get('disabledSites')).disabledSites),
    ).toEqual(['127.0.0.1']);
    await s.worker.evaluate(() => chrome.storage.local.set({ disabledSites: [] }));
    await expect.poll(() => texts(page), { timeout: 10_000 }).toContain('Huawei');
    await page.close();
  });
});

describe.skipIf(!!skip)('the hover card, dark theme', () => {
  it('follows prefers-color-scheme', async () => {
    const s = await startSession({ colorScheme: 'dark' });
    try {
      const page = await s.context.newPage();
      await page.goto(`${s.server.url}/article.html`);
      await waitForHighlights(page, 5);
      const p = await mentionPoint(page, 'Meng Wanzhou');
      await page.mouse.move(p.x, p.y);
      await expect.poll(() => cardName(page).count(), { timeout: 5000 }).toBe(1);
      const bg = await page.evaluate(
        () =>
          getComputedStyle(document.querySelector('backstory-card')!.shadowRoot!.querySelector('.bs-card')!)
            .backgroundColor,
      );
      expect(bg).toBe('rgb(31, 31, 36)');
      await page.waitForTimeout(200);
      await page.screenshot({ path: shotPath('screenshots/card-dark.png'), caret: 'initial' });
    } finally {
      await s.close();
    }
  });
});

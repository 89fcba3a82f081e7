/**
 * Keyboard alone: the side panel (search, pick a result, walk to a related entity, come
 * back) and options (topic switches, the reset confirmation and Escape), with the focus
 * visible at every stop.
 */
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startSession, unavailable, waitForHighlights, type Session } from '../../scripts/chromium-session';
import { focusInfo } from './helpers';

const skip = unavailable();

/**
 * Presses Tab (or Shift+Tab) until `wanted` describes the focused element, at most
 * `limit` times; every element focused on the way must show its focus.
 */
async function tabTo(
  page: Page,
  wanted: (f: { text: string; tag: string }) => boolean | Promise<boolean>,
  { limit = 60, back = false } = {},
): Promise<void> {
  const hidden: string[] = [];
  for (let i = 0; i < limit; i++) {
    await page.keyboard.press(back ? 'Shift+Tab' : 'Tab');
    const f = await focusInfo(page);
    if (f.tag !== 'BODY' && !f.visible) hidden.push(`${f.tag} "${f.text}"`);
    if (await wanted(f)) {
      expect(hidden, 'focus not visible on').toEqual([]);
      return;
    }
  }
  throw new Error(`focus never reached the wanted element in ${limit} presses`);
}

describe.skipIf(!!skip)('keyboard only', () => {
  let s: Session;
  beforeAll(async () => {
    s = await startSession();
  });
  afterAll(async () => {
    await s?.close();
  });

  it('walks the side panel: Search, a result, a related entity, and back', async () => {
    const article = await s.context.newPage();
    await article.goto(`${s.server.url}/article.html`);
    await waitForHighlights(article, 5);
    const panel = await s.openExtensionPage('sidepanel.html');
    await panel.setViewportSize({ width: 400, height: 900 });
    await expect.poll(() => panel.locator('.bs-page-entities').count(), { timeout: 10_000 }).toBe(1);
    const entityName = () => panel.locator('#bs-entity-name').textContent();

    await tabTo(panel, (f) => f.text === 'Search');
    await panel.keyboard.press('Enter');
    const box = panel.getByRole('combobox', { name: 'Search the Backstory dataset' });
    await expect.poll(() => box.evaluate((el) => el === document.activeElement)).toBe(true);
    await panel.keyboard.type('hua');
    await expect.poll(() => panel.locator('.bs-result').count()).toBeGreaterThan(1);
    const names = await panel.locator('.bs-result-name').allTextContents();
    await panel.keyboard.press('ArrowDown');
    await expect.poll(() => box.getAttribute('aria-activedescendant')).toBe('bs-result-1');
    expect(await panel.locator('#bs-result-1').getAttribute('aria-selected')).toBe('true');
    await panel.keyboard.press('Enter');
    await expect.poll(entityName).toBe(names[1]);

    const chips = await panel.locator('.bs-chips .bs-chip').allTextContents();
    expect(chips.length).toBeGreaterThan(0);
    await tabTo(panel, (f) => f.text === chips[0], { limit: 300 });
    await panel.keyboard.press('Enter');
    await expect.poll(entityName).toBe(chips[0]);

    // Back, from the keyboard: the button is the first stop of the panel.
    await tabTo(panel, (f) => f.text === 'Back', { limit: 300, back: true });
    await panel.keyboard.press('Enter');
    await expect.poll(entityName).toBe(names[1]);
    await panel.close();
    await article.close();
  });

  it('walks options: topic switches toggle with Space; Escape cancels the reset', async () => {
    const options = await s.openExtensionPage('options.html');
    await options.locator('.bs-pack').first().waitFor();
    const topics = options.locator('section[aria-labelledby="opt-topics"] input[type="checkbox"]');
    const count = await topics.count();
    expect(count).toBeGreaterThan(1);
    const focusedTopic = () =>
      options.evaluate(() => {
        const inputs = [...document.querySelectorAll('section[aria-labelledby="opt-topics"] input')];
        return inputs.indexOf(document.activeElement as Element);
      });

    // Tab through every topic switch in order.
    await tabTo(options, async () => (await focusedTopic()) === 0);
    for (let i = 1; i < count; i++) {
      await tabTo(options, () => true, { limit: 1 });
      expect(await focusedTopic()).toBe(i);
    }
    const disabled = () =>
      s.worker.evaluate(async () => (await chrome.storage.local.get('disabledTopics')).disabledTopics ?? []);
    await options.keyboard.press('Space');
    await expect.poll(disabled).toHaveLength(1);
    expect(await topics.nth(count - 1).isChecked()).toBe(false);
    await options.keyboard.press('Space');
    await expect.poll(disabled).toEqual([]);

    // Reset asks first; Escape cancels, changes nothing and gives focus back.
    await s.worker.evaluate(() => chrome.storage.local.set({ disabledSites: ['example.com'] }));
    await tabTo(options, (f) => f.text === 'Reset to defaults', { limit: 80 });
    await options.keyboard.press('Enter');
    await expect.poll(() => options.getByRole('alert').innerText()).toContain('Reset every setting');
    await expect.poll(async () => (await focusInfo(options)).text).toBe('Cancel');
    await options.keyboard.press('Escape');
    await expect.poll(() => options.getByRole('alert').count()).toBe(0);
    await expect.poll(() => focusInfo(options)).toMatchObject({ text: 'Reset to defaults', visible: true });
    expect(
      await s.worker.evaluate(async () => (await chrome.storage.local.get('disabledSites')).disabledSites),
    ).toEqual(['example.com']);
    await options.close();
  });
});

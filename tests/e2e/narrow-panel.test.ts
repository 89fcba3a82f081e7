/**
 * The side panel at Firefox's default sidebar width (about 250 px): every navigation tab
 * keeps its label on one line, and nothing overflows sideways.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startSession, unavailable, type Session } from '../../scripts/chromium-session';

const skip = unavailable();

describe.skipIf(!!skip)('the side panel in a 250 px sidebar', () => {
  let s: Session;
  beforeAll(async () => {
    s = await startSession();
  });
  afterAll(async () => {
    await s?.close();
  });

  it('keeps each tab label on one line and does not scroll sideways', async () => {
    const panel = await s.openExtensionPage('sidepanel.html');
    await panel.setViewportSize({ width: 250, height: 600 });
    await expect.poll(() => panel.locator('.bs-tab').count()).toBeGreaterThan(1);
    const tabs = await panel.evaluate(() =>
      [...document.querySelectorAll('.bs-tab')].map((el) => {
        const lineHeight = parseFloat(getComputedStyle(el).lineHeight) || 20;
        const range = document.createRange();
        range.selectNodeContents(el);
        return {
          label: el.textContent,
          lines: Math.round(range.getBoundingClientRect().height / lineHeight),
        };
      }),
    );
    expect(
      tabs.every((t) => t.lines === 1),
      JSON.stringify(tabs),
    ).toBe(true);
    expect(await panel.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(250);
    await panel.close();
  });
});

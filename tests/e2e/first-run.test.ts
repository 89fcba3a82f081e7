/**
 * The first-run page: opened once by installing; its example is marked by the real matcher and data, a mark opens the real card on hover and on
 * keyboard focus; axe finds nothing serious in light and dark.
 */
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { shotPath, startSession, unavailable, type Session } from '../../scripts/chromium-session';
import { expectNoSeriousViolations, focusInfo, runAxe } from './helpers';

const skip = unavailable();

const welcomePages = (s: Session) =>
  s.context.pages().filter((p) => p.url() === `chrome-extension://${s.extensionId}/welcome.html`);

/** The example's marks, and what the page's CSS.highlights registry paints. */
async function marksOf(page: Page) {
  return page.evaluate(() => {
    const registry = (CSS as unknown as { highlights: Map<string, Set<Range>> }).highlights;
    const painted: Record<string, string[]> = {};
    registry.forEach((h, name) => {
      painted[name] = [...h].map((r) => r.toString());
    });
    return {
      marks: [...document.querySelectorAll('.bs-demo-mark')].map((m) => m.textContent),
      painted,
    };
  });
}

describe.skipIf(!!skip)('first-run page', () => {
  let s: Session;
  let welcome: Page;

  beforeAll(async () => {
    s = await startSession({ keepFirstRun: true });
    welcome = s.firstRun!;
    await welcome.locator('[data-ready="true"]').waitFor();
  });
  afterAll(async () => {
    await s?.close();
  });

  it('opens once on install', async () => {
    expect(welcomePages(s)).toHaveLength(1);
    expect(
      await s.worker.evaluate(async () => (await chrome.storage.local.get('firstRun')).firstRun),
    ).toEqual({ noticeVersion: 1, reason: 'install' });
  });

  it('marks the example with the bundled pack and paints the marks with the highlighter’s style', async () => {
    const { marks, painted } = await marksOf(welcome);
    expect(marks).toEqual([
      'US Commerce Department',
      'Huawei',
      'Entity List',
      'foreign direct product rule',
      'TSMC',
      'Meng Wanzhou',
    ]);
    expect(painted).toEqual({ 'backstory-underline-amber': marks });
    // A change of style in the options reaches the example at once.
    await s.worker.evaluate(() =>
      chrome.storage.local.set({ appearance: { style: 'background', palette: 'green', dwellMs: 400 } }),
    );
    await expect
      .poll(async () => Object.keys((await marksOf(welcome)).painted))
      .toEqual(['backstory-background-green']);
    await s.worker.evaluate(() =>
      chrome.storage.local.set({ appearance: { style: 'underline', palette: 'amber', dwellMs: 400 } }),
    );
  });

  it('shows the real card on hover, and on keyboard focus', async () => {
    await welcome.bringToFront();
    await welcome.getByRole('button', { name: 'Entity List' }).hover();
    await expect.poll(() => welcome.locator('.bs-card-name').innerText()).toBe('Entity List');
    expect(await welcome.locator('.bs-card .bs-card-events li').count()).toBeGreaterThan(0);

    await welcome.locator('h1').click();
    await welcome.keyboard.press('Tab');
    expect(await focusInfo(welcome)).toMatchObject({ text: 'US Commerce Department', visible: true });
    await welcome.keyboard.press('Tab');
    expect(await focusInfo(welcome)).toMatchObject({ text: 'Huawei', visible: true });
    await expect.poll(() => welcome.locator('.bs-card-name').innerText()).toBe('Huawei Technologies');
    expect(
      await welcome.getByRole('button', { name: 'Huawei', exact: true }).getAttribute('aria-expanded'),
    ).toBe('true');

    // On past the last mark into its card, and Escape back out to the mark.
    for (const name of ['Entity List', 'foreign direct product rule', 'TSMC', 'Meng Wanzhou']) {
      await welcome.keyboard.press('Tab');
      expect(await focusInfo(welcome)).toMatchObject({ text: name, visible: true });
    }
    await expect.poll(() => welcome.locator('.bs-card-name').innerText()).toBe('Meng Wanzhou');
    await welcome.keyboard.press('Tab');
    expect(await welcome.evaluate(() => document.activeElement?.classList.contains('bs-card-slot'))).toBe(
      true,
    );
    expect((await focusInfo(welcome)).visible).toBe(true);
    await welcome.keyboard.press('Escape');
    await expect.poll(() => welcome.locator('.bs-card-slot').count()).toBe(0);
    expect(await focusInfo(welcome)).toMatchObject({ text: 'Meng Wanzhou', visible: true });
  });

  // Updates: Chromium does not bring back a --load-extension extension after runtime.reload(),
  // so "never on update" is tested in tests/unit/extension/first-run.test.ts.
});

/** Fresh profiles: the pictures show the bundled pack and default settings, nothing a test changed. */
for (const scheme of ['light', 'dark'] as const) {
  describe.skipIf(!!skip)(`first-run page, fresh profile (${scheme})`, () => {
    it('passes axe with a card open, and saves a screenshot', async () => {
      const s = await startSession({ colorScheme: scheme, keepFirstRun: true });
      try {
        const welcome = s.firstRun!;
        await welcome.locator('[data-ready="true"]').waitFor();
        expectNoSeriousViolations(`first-run (${scheme})`, await runAxe(welcome));
        await welcome.getByRole('button', { name: 'Huawei', exact: true }).hover();
        await expect.poll(() => welcome.locator('.bs-card-name').innerText()).toBe('Huawei Technologies');
        // The card fades in: axe measures contrast once it is fully drawn.
        await welcome.evaluate(() =>
          Promise.all(
            document
              .querySelector('.bs-card-slot')!
              .shadowRoot!.querySelector('.bs-card')!
              .getAnimations({ subtree: true })
              .map((a) => a.finished),
          ),
        );
        expectNoSeriousViolations(`first-run with a card (${scheme})`, await runAxe(welcome));
        await welcome.screenshot({ path: shotPath(`screenshots/welcome-${scheme}.png`), fullPage: true });
      } finally {
        await s.close();
      }
    });
  });
}

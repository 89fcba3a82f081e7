/**
 * axe-core on every surface, in light and dark themes: the popup, the side panel (page
 * list, story so far, search results, entity page), options, and the open card inside its shadow root.
 * Serious and critical violations (colour contrast among them) fail; the rest are printed.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { startSession, unavailable, waitForHighlights, type Session } from '../../scripts/chromium-session';
import { expectNoSeriousViolations, openCard, popupFor, runAxe } from './helpers';

const skip = unavailable();

for (const scheme of ['light', 'dark'] as const) {
  describe.skipIf(!!skip)(`accessibility (${scheme})`, () => {
    let s: Session;
    let article: Page;
    beforeAll(async () => {
      s = await startSession({ colorScheme: scheme });
      article = await s.context.newPage();
      await article.goto(`${s.server.url}/article.html`);
      await waitForHighlights(article, 5);
    });
    afterAll(async () => {
      await s?.close();
    });

    it('the popup', async () => {
      const popup = await popupFor(s, article);
      await expect.poll(() => popup.locator('main').innerText(), { timeout: 10_000 }).toMatch(/mentions/);
      expectNoSeriousViolations(`popup (${scheme})`, await runAxe(popup));
      await popup.close();
    });

    it('the side panel: page list, story so far, search results, entity page', async () => {
      await article.bringToFront();
      const panel = await s.openExtensionPage('sidepanel.html');
      await panel.setViewportSize({ width: 400, height: 900 });
      await expect
        .poll(() => panel.locator('.bs-page-entities').innerText(), { timeout: 10_000 })
        .toContain('Huawei');
      expectNoSeriousViolations(`side panel list (${scheme})`, await runAxe(panel));

      await panel.getByRole('button', { name: 'Story so far' }).click();
      await expect.poll(() => panel.locator('.bs-story .bs-event').count()).toBeGreaterThan(4);
      // The picture's line names an event while the keyboard is on it: check that state too.
      await panel.locator('.bs-strip').focus();
      await panel.keyboard.press('ArrowRight');
      expect(await panel.locator('.bs-strip-tip').innerText()).not.toBe('');
      expectNoSeriousViolations(`side panel story (${scheme})`, await runAxe(panel));

      await panel.getByRole('button', { name: 'Search', exact: true }).click();
      await panel.getByRole('combobox').fill('hua');
      await expect.poll(() => panel.locator('.bs-result').count()).toBeGreaterThan(0);
      expectNoSeriousViolations(`side panel search (${scheme})`, await runAxe(panel));

      await panel.getByRole('combobox').press('Enter');
      await expect.poll(() => panel.locator('#bs-entity-name').count()).toBe(1);
      expectNoSeriousViolations(`side panel entity (${scheme})`, await runAxe(panel));
      await panel.close();
    });

    it('options', async () => {
      const options = await s.openExtensionPage('options.html');
      await options.locator('.bs-pack').first().waitFor();
      expectNoSeriousViolations(`options (${scheme})`, await runAxe(options));
      // The reset confirmation and an import error are states of their own.
      await options.getByRole('button', { name: 'Reset to defaults' }).click();
      await options.getByLabel('Import a pack (JSON)').setInputFiles({
        name: 'broken.json',
        mimeType: 'application/json',
        buffer: Buffer.from('{"format": 1}'),
      });
      await expect.poll(() => options.locator('.bs-problems').count()).toBe(1);
      expectNoSeriousViolations(`options with alerts (${scheme})`, await runAxe(options));
      await options.close();
    });

    it('the open card', async () => {
      await article.bringToFront();
      await openCard(article, 'Huawei');
      await article.locator('backstory-card .bs-card-toggle').click();
      await expect.poll(() => article.locator('backstory-card .bs-card-since').count()).toBe(1);
      const findings = await runAxe(article, 'backstory-card');
      expectNoSeriousViolations(`card (${scheme})`, findings);
      // axe really looked inside the shadow root.
      const checked = await article.evaluate(async () => {
        const axe = (
          window as unknown as {
            axe: { run(c: unknown, o: unknown): Promise<{ passes: { nodes: { target: unknown[] }[] }[] }> };
          }
        ).axe;
        const r = await axe.run(
          { include: [['backstory-card']] },
          { resultTypes: ['passes'], runOnly: ['color-contrast'] },
        );
        return r.passes.flatMap((p) => p.nodes).length;
      });
      expect(checked).toBeGreaterThan(5);
    });
  });
}

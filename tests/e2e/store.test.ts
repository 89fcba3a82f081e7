/**
 * Store screenshots (1280×800, the size both stores take), made from the real extension on
 * the demo article and kept in docs/store/: the hover card, "Story so far" beside the
 * article as Chrome docks the side panel, and an entity's timeline with its card in dark.
 */
import { readFileSync } from 'node:fs';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import {
  mentionPoint,
  shotPath,
  startSession,
  unavailable,
  waitForHighlights,
  type Session,
} from '../../scripts/chromium-session';

const skip = unavailable();
const WIDTH = 1280;
const HEIGHT = 800;
/** Chrome's side panel opens at about this width. */
const PANEL_WIDTH = 400;

/** Hovers the first highlighted mention whose text is `text` and waits for its card. */
async function openCard(page: Page, text: string, name: string): Promise<void> {
  const point = await mentionPoint(page, text, 'upper');
  await page.mouse.move(point.x, point.y);
  await expect
    .poll(() => page.locator('backstory-card .bs-card-name').textContent(), { timeout: 5000 })
    .toBe(name);
  // Let the card's fade-in finish.
  await page.waitForTimeout(300);
}

/**
 * The side panel on one entity, as a PNG of PANEL_WIDTH×HEIGHT: its top (name, summary, key
 * facts) or its timeline around the article's own date.
 */
async function panelShot(s: Session, entity: string, at: 'top' | 'article'): Promise<Buffer> {
  const panel = await s.openExtensionPage('sidepanel.html');
  await panel.setViewportSize({ width: PANEL_WIDTH, height: HEIGHT });
  const button = panel.getByRole('button', { name: entity, exact: true });
  await expect.poll(() => button.count(), { timeout: 10_000 }).toBe(1);
  await button.click();
  await expect.poll(() => panel.locator('#bs-entity-name').textContent()).toBe(entity);
  const marker = panel.getByRole('separator', { name: 'This article' });
  await expect.poll(() => marker.count()).toBe(1);
  if (at === 'article') await marker.evaluate((el) => el.scrollIntoView({ block: 'center' }));
  const shot = await panel.screenshot();
  await panel.close();
  return shot;
}

/** "Story so far" for the article, as a PNG of PANEL_WIDTH×HEIGHT: the picture and the first events. */
async function storyShot(s: Session): Promise<Buffer> {
  const panel = await s.openExtensionPage('sidepanel.html');
  await panel.setViewportSize({ width: PANEL_WIDTH, height: HEIGHT });
  await panel.getByRole('button', { name: 'Story so far' }).click();
  await expect
    .poll(() => panel.locator('.bs-story .bs-event').count(), { timeout: 10_000 })
    .toBeGreaterThan(4);
  // The picture names the last event before the article, as the keyboard would.
  await panel.locator('.bs-strip').focus();
  const shot = await panel.screenshot();
  await panel.close();
  return shot;
}

/** Lays the article and the panel side by side, as Chrome shows a docked side panel. */
async function compose(
  s: Session,
  article: Buffer,
  panel: Buffer,
  out: string,
  dark: boolean,
): Promise<void> {
  const page = await s.context.newPage();
  await page.setViewportSize({ width: WIDTH, height: HEIGHT });
  const src = (png: Buffer) => `data:image/png;base64,${png.toString('base64')}`;
  const divider = dark ? '#3c3c44' : '#d0d4da';
  await page.setContent(
    `<body style="margin:0;display:flex;overflow:hidden">` +
      `<img src="${src(article)}" width="${WIDTH - PANEL_WIDTH - 1}" height="${HEIGHT}">` +
      `<div style="width:1px;background:${divider}"></div>` +
      `<img src="${src(panel)}" width="${PANEL_WIDTH}" height="${HEIGHT}"></body>`,
  );
  await page.evaluate(() => Promise.all([...document.images].map((img) => img.decode())));
  await page.screenshot({ path: out });
  await page.close();
}

/** Width, height and colour type from a PNG's IHDR chunk. */
function pngHeader(file: string): { width: number; height: number; colorType: number } {
  const bytes = readFileSync(file);
  return { width: bytes.readUInt32BE(16), height: bytes.readUInt32BE(20), colorType: bytes[25]! };
}

async function articlePage(s: Session, width: number): Promise<Page> {
  const page = await s.context.newPage();
  await page.setViewportSize({ width, height: HEIGHT });
  await page.goto(`${s.server.url}/article.html`);
  await waitForHighlights(page, 5);
  return page;
}

describe.skipIf(!!skip)('store screenshots', () => {
  it.each([
    { scheme: 'light' as const, files: ['screenshot-1-card.png', 'screenshot-2-panel.png'] },
    { scheme: 'dark' as const, files: ['screenshot-3-dark.png'] },
  ])('saves the $scheme screenshots at 1280×800', async ({ scheme, files }) => {
    const s = await startSession({ colorScheme: scheme });
    try {
      if (scheme === 'light') {
        const page = await articlePage(s, WIDTH);
        await openCard(page, 'Huawei', 'Huawei Technologies');
        // caret: 'initial' keeps Playwright from styling the page's text fields (it would change the DOM).
        await page.screenshot({ path: shotPath(`store/${files[0]!}`), caret: 'initial' });
        await page.close();

        const article = await articlePage(s, WIDTH - PANEL_WIDTH - 1);
        const panel = await storyShot(s);
        await compose(
          s,
          await article.screenshot({ caret: 'initial' }),
          panel,
          shotPath(`store/${files[1]!}`),
          false,
        );
        await article.close();
      } else {
        // Dark: another entity's card, with its timeline beside it.
        const article = await articlePage(s, WIDTH - PANEL_WIDTH - 1);
        const panel = await panelShot(s, 'Entity List', 'article');
        await article.bringToFront();
        await openCard(article, 'Entity List', 'Entity List');
        await compose(
          s,
          await article.screenshot({ caret: 'initial' }),
          panel,
          shotPath(`store/${files[0]!}`),
          true,
        );
        await article.close();
      }
    } finally {
      await s.close();
    }
    for (const file of files) {
      // Both stores take 1280×800; Chrome's asks for PNGs without alpha (colour type 2).
      expect(pngHeader(shotPath(`store/${file}`)), file).toEqual({
        width: WIDTH,
        height: HEIGHT,
        colorType: 2,
      });
    }
  });
});

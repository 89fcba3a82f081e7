/**
 * The options page against a live article in another tab: topics, pack import (valid
 * and broken), the site off list. Every change must show on the article without a reload.
 */
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { smallPack } from '../fixtures/packs';
import {
  shotPath,
  highlightedTexts,
  highlightsOf,
  startSession,
  unavailable,
  waitForHighlights,
  type Session,
} from '../../scripts/chromium-session';

const skip = unavailable();

/** A pack of our own writing: one invented company the demo article never mentions. */
function ownPack() {
  return smallPack({
    id: 'e2e-own',
    title: 'Test pack: Quillfeather Instruments',
    topics: [{ id: 'instruments', label: 'Instruments', description: 'Invented instrument makers.' }],
    entities: [
      {
        id: 'quillfeather',
        name: 'Quillfeather Instruments',
        kind: 'company',
        summary: 'An invented maker of survey instruments, written for the end-to-end tests.',
        aliases: ['Quillfeather Instruments', 'Quillfeather'],
        topics: ['instruments'],
        facts: [],
        related: [],
      },
    ],
    events: [
      {
        id: 'founded',
        date: '2001-03-04',
        title: 'Quillfeather Instruments is founded',
        description: 'The invented company opens its first workshop.',
        entities: ['quillfeather'],
        topics: ['instruments'],
        importance: 3,
        sources: [{ publisher: 'Test Gazette', title: 'A workshop opens', url: 'https://example.org/quill' }],
      },
    ],
  });
}

const OWN_PAGE = `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Survey news</title></head>
<body><main><article><h1>Surveyors choose new tools</h1>
<p>Field teams in the valley said this week that they had switched to theodolites made by Quillfeather Instruments,
citing lighter tripods and longer batteries.</p>
<p>Quillfeather did not comment on prices, and the teams expect the rest of the season to be quiet.</p>
</article></main></body></html>`;

async function total(page: Page): Promise<number> {
  return (await highlightedTexts(page)).length;
}

describe.skipIf(!!skip)('options page', () => {
  let s: Session;
  let article: Page;
  let options: Page;

  beforeAll(async () => {
    s = await startSession();
    article = await s.context.newPage();
    await article.goto(`${s.server.url}/article.html`);
    await waitForHighlights(article, 5);
    options = await s.openExtensionPage('options.html');
    await options.locator('.bs-pack').first().waitFor();
  });
  afterAll(async () => {
    await s?.close();
  });

  it('turns a topic off and on, and the article follows without a reload', async () => {
    const before = await highlightedTexts(article);
    expect(before).toContain('Entity List');
    const topic = options.getByRole('switch', { name: /^Export controls/i });
    await topic.uncheck();
    await expect.poll(() => highlightedTexts(article), { timeout: 10_000 }).not.toContain('Entity List');
    expect((await highlightedTexts(article)).length).toBeLessThan(before.length);
    await topic.check();
    await expect.poll(() => total(article), { timeout: 10_000 }).toBe(before.length);
    expect(await highlightedTexts(article)).toContain('Entity List');
    // The page was never reloaded: the article's own navigation entry is the first and only one.
    expect(await article.evaluate(() => performance.getEntriesByType('navigation').length)).toBe(1);
  });

  it('imports a valid pack and highlights its entity on a served page', async () => {
    await options.getByLabel('Import a pack (JSON)').setInputFiles({
      name: 'own.json',
      mimeType: 'application/json',
      buffer: Buffer.from(JSON.stringify(ownPack())),
    });
    await expect.poll(() => options.getByRole('status').innerText()).toContain('Pack imported.');
    await expect.poll(() => options.locator('.bs-pack').count()).toBe(2);
    const own = options.locator('.bs-pack', { hasText: 'Quillfeather' });
    await expect.poll(() => own.innerText()).toContain('1 entities, 1 events, up to 2024-12-31');
    expect(await own.innerText()).toContain('Imported');

    s.server.setPage('/own.html', OWN_PAGE);
    const page = await s.context.newPage();
    await page.goto(`${s.server.url}/own.html`);
    await expect
      .poll(() => highlightedTexts(page), { timeout: 15_000 })
      .toContain('Quillfeather Instruments');
    await page.close();
  });

  it('lists the problems of a broken pack and changes nothing', async () => {
    const packsBefore = await options.locator('.bs-pack').allInnerTexts();
    const matcherBefore = await s.worker.evaluate(
      async () => (await chrome.storage.local.get('matcher')).matcher.key,
    );
    const broken = { ...ownPack(), id: 'e2e-broken', asOf: '2024-02-30', entities: [{ id: 'nameless' }] };
    await options.getByLabel('Import a pack (JSON)').setInputFiles({
      name: 'broken.json',
      mimeType: 'application/json',
      buffer: Buffer.from(JSON.stringify(broken)),
    });
    const alert = options.getByRole('alert');
    await expect.poll(() => alert.innerText()).toContain('Nothing was changed.');
    expect(await alert.locator('li').count()).toBeGreaterThan(1);
    expect(await alert.innerText()).toContain('$.entities[0]');
    expect(await options.locator('.bs-pack').allInnerTexts()).toEqual(packsBefore);
    expect(await s.worker.evaluate(async () => (await chrome.storage.local.get('matcher')).matcher.key)).toBe(
      matcherBefore,
    );
  });

  it('turns a site off and back on', async () => {
    const before = await total(article);
    await options.getByRole('textbox', { name: 'Site to turn off' }).fill('127.0.0.1');
    await options.getByRole('button', { name: 'Turn off on site' }).click();
    await expect.poll(() => total(article), { timeout: 10_000 }).toBe(0);
    await options.getByRole('button', { name: 'Turn Backstory back on for 127.0.0.1' }).click();
    await expect.poll(() => total(article), { timeout: 10_000 }).toBe(before);
  });

  it('previews the chosen style and colour with the highlighter’s own stylesheet', async () => {
    await options.bringToFront();
    const painted = () =>
      options.evaluate(() => {
        const out: Record<string, string[]> = {};
        (CSS as unknown as { highlights: Map<string, Set<Range>> }).highlights.forEach((h, name) => {
          out[name] = [...h].map((r) => r.toString());
        });
        return out;
      });
    await expect.poll(painted).toEqual({ 'backstory-underline-amber': ['Huawei'] });
    await options.getByRole('radio', { name: 'Tinted background' }).check();
    await options.getByRole('radio', { name: 'Green' }).check();
    await expect.poll(painted).toEqual({ 'backstory-background-green': ['Huawei'] });
    // The article in the other tab follows the same setting.
    await expect
      .poll(async () => Object.keys(await highlightsOf(article)).filter((n) => n !== 'backstory-current'))
      .toEqual(['backstory-background-green']);
    await options.getByRole('radio', { name: /^None/ }).check();
    await expect.poll(painted).toEqual({});
    expect(await options.getByText('No mark is drawn').count()).toBe(1);
  });
});

/**
 * Screenshots come from fresh profiles (the bundled pack alone, default settings), never
 * from a session a test has changed.
 */
for (const scheme of ['light', 'dark'] as const) {
  describe.skipIf(!!skip)(`options page, fresh profile (${scheme})`, () => {
    it('shows the bundled pack alone, and saves a screenshot', async () => {
      const s = await startSession({ colorScheme: scheme });
      try {
        const options = await s.openExtensionPage('options.html');
        await options.locator('.bs-pack').first().waitFor();
        expect(await options.locator('.bs-pack').count()).toBe(1);
        expect(await options.locator('.bs-pack').innerText()).toContain('Bundled');
        // The switches slide, except for readers who asked for less motion.
        const master = options.getByRole('switch', { name: 'Backstory is on' });
        const motion = () => master.evaluate((el) => getComputedStyle(el).transitionDuration);
        expect(await motion()).not.toBe('0s');
        await options.emulateMedia({ reducedMotion: 'reduce' });
        expect(await motion()).toBe('0s');
        await options.emulateMedia({ reducedMotion: 'no-preference' });
        await options.screenshot({ path: shotPath(`screenshots/options-${scheme}.png`), fullPage: true });
      } finally {
        await s.close();
      }
    });
  });
}

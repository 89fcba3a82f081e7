/**
 * The Chromium session the end-to-end tests and the benchmarks share (tooling, so it lives
 * with the scripts, not under tests/): Debian's Chromium (or $CHROME_PATH) driven by playwright-core,
 * with the built extension from .output/chrome-mv3 loaded into a fresh profile, and
 * local pages served from 127.0.0.1.
 */
import { existsSync, mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium, type BrowserContext, type Page, type Worker } from 'playwright-core';
// @ts-expect-error plain JS helper shared with npm start
import { CHROMIUM_FLAGS as FLAGS, findBrowser } from './browser.mjs';
import { skipChecker } from './e2e-skip';
// @ts-expect-error plain JS helper shared with npm start
import { serve } from './serve.mjs';

export const ROOT = fileURLToPath(new URL('..', import.meta.url));
/** The unpacked build under test; BACKSTORY_EXTENSION_DIR points elsewhere (e.g. a copy while rebuilding). */
export const EXTENSION = process.env.BACKSTORY_EXTENSION_DIR ?? join(ROOT, '.output', 'chrome-mv3');
export const SHARED = resolve(ROOT, '..', 'shared');
export const CORPUS = join(SHARED, 'corpus');

const browserPath: string | undefined = findBrowser();

/**
 * Why e2e tests cannot run here, or undefined when they can; the reason is printed once
 * per run. Under CI a missing browser or build is an error, never a skip.
 */
export const unavailable = skipChecker({
  tag: '[e2e]',
  browser: 'Chromium',
  browserPath,
  installHint: 'install chromium or set CHROME_PATH',
  debianPackage: 'chromium',
  extensionDir: EXTENSION,
  buildCommand: 'npm run build',
  suite: 'end-to-end tests',
});

/** The browser e2e tests drive, for logs. */
export const BROWSER_PATH = browserPath;

/** The temporary screenshot folder: the e2e run's (its global setup makes and removes it), else one made on first use. */
let shotsTmp: string | undefined;
function shotsDir(): string {
  return (shotsTmp ??= process.env.BACKSTORY_SHOTS_DIR ?? mkdtempSync(join(tmpdir(), 'backstory-shots-')));
}

/**
 * Where a test saves a screenshot (`rel` under docs/, e.g. `screenshots/card-light.png`):
 * docs/ itself only under `npm run screenshots` (BACKSTORY_SCREENSHOTS=1), a temporary
 * folder otherwise, so `npm test` never writes a tracked file. The folder exists on return.
 */
export function shotPath(rel: string): string {
  const path = process.env.BACKSTORY_SCREENSHOTS === '1' ? join(ROOT, 'docs', rel) : join(shotsDir(), rel);
  mkdirSync(dirname(path), { recursive: true });
  return path;
}

export interface Server {
  url: string;
  setPage(path: string, body: string, headers?: Record<string, string>): void;
  close(): Promise<void>;
}

export interface Session {
  context: BrowserContext;
  worker: Worker;
  extensionId: string;
  server: Server;
  /** The first-run page installing opened, when `keepFirstRun` kept it open. */
  firstRun: Page | undefined;
  /** Opens an extension page (popup.html, sidepanel.html, options.html). */
  openExtensionPage(name: string): Promise<Page>;
  close(): Promise<void>;
}

export const CHROMIUM_FLAGS: string[] = FLAGS;

/** Starts Chromium with the extension and a local server for `pagesRoot`. */
export async function startSession(
  options: {
    pagesRoot?: string;
    colorScheme?: 'light' | 'dark';
    /** Keep the back/forward cache on (Playwright turns it off by default). */
    bfcache?: boolean;
    /** Leave the first-run page that installing opened (closed by default, so tests start with no tab). */
    keepFirstRun?: boolean;
  } = {},
): Promise<Session> {
  const profile = mkdtempSync(join(tmpdir(), 'backstory-e2e-'));
  const context = await chromium.launchPersistentContext(profile, {
    executablePath: browserPath,
    headless: true,
    colorScheme: options.colorScheme ?? 'light',
    viewport: { width: 1200, height: 900 },
    args: [...CHROMIUM_FLAGS, `--disable-extensions-except=${EXTENSION}`, `--load-extension=${EXTENSION}`],
    ...(options.bfcache ? { ignoreDefaultArgs: ['--disable-back-forward-cache'] } : {}),
  });
  const worker =
    context.serviceWorkers()[0] ?? (await context.waitForEvent('serviceworker', { timeout: 30_000 }));
  const extensionId = new URL(worker.url()).host;
  const server: Server = await serve({ root: options.pagesRoot ?? join(ROOT, 'scripts', 'demo') });
  // The dataset is seeded by the worker on install; wait until the matcher is stored.
  await worker.evaluate(async () => {
    for (let i = 0; i < 200; i++) {
      const found = await chrome.storage.local.get('matcher');
      if (found.matcher) return;
      await new Promise((r) => setTimeout(r, 50));
    }
    throw new Error('matcher never stored');
  });
  const firstRun = await firstRunPage(context, worker, extensionId);
  if (firstRun && !options.keepFirstRun) await firstRun.close();
  return {
    context,
    worker,
    extensionId,
    server,
    firstRun: options.keepFirstRun ? firstRun : undefined,
    async openExtensionPage(name) {
      const page = await context.newPage();
      await page.goto(`chrome-extension://${extensionId}/${name}`);
      return page;
    },
    async close() {
      await context.close();
      await server.close();
      rmSync(profile, { recursive: true, force: true });
    },
  };
}

/**
 * The first-run page installing opened, once the background has recorded it (it records
 * after the tab exists); undefined for a build without one.
 */
async function firstRunPage(context: BrowserContext, worker: Worker, extensionId: string) {
  if (!existsSync(join(EXTENSION, 'welcome.html'))) return undefined;
  await worker.evaluate(async () => {
    for (let i = 0; i < 200; i++) {
      if ((await chrome.storage.local.get('firstRun')).firstRun) return;
      await new Promise((r) => setTimeout(r, 50));
    }
    throw new Error('the install was never recorded');
  });
  const url = `chrome-extension://${extensionId}/welcome.html`;
  for (let i = 0; i < 200; i++) {
    const page = context.pages().find((p) => p.url() === url);
    if (page) return page;
    await new Promise((r) => setTimeout(r, 50));
  }
  throw new Error('the first-run page never opened');
}

/**
 * The body of `url` as the same Chromium shows it without the extension (a separate
 * browser, same flags), once loaded and settled: what "the DOM is untouched" compares to.
 */
export async function bodyWithoutExtension(url: string): Promise<string> {
  const browser = await chromium.launch({
    executablePath: browserPath,
    headless: true,
    args: CHROMIUM_FLAGS,
  });
  try {
    const page = await browser.newPage({ viewport: { width: 1200, height: 900 } });
    await page.goto(url);
    await page.waitForLoadState('networkidle');
    return await page.evaluate(() => document.body.innerHTML);
  } finally {
    await browser.close();
  }
}

/** Names of the entries in the page's CSS.highlights registry and their range counts. */
export async function highlightsOf(page: Page): Promise<Record<string, number>> {
  return page.evaluate(() => {
    const out: Record<string, number> = {};
    const registry = (CSS as unknown as { highlights: Map<string, Set<AbstractRange>> }).highlights;
    registry.forEach((highlight, name) => {
      out[name] = highlight.size;
    });
    return out;
  });
}

/** The highlighted texts, in registry order. */
export async function highlightedTexts(page: Page): Promise<string[]> {
  return page.evaluate(() => {
    const registry = (CSS as unknown as { highlights: Map<string, Set<Range>> }).highlights;
    const texts: string[] = [];
    registry.forEach((highlight, name) => {
      if (name === 'backstory-current') return;
      highlight.forEach((range) => texts.push(range.toString()));
    });
    return texts;
  });
}

/** Waits until the page has at least `min` Backstory highlight ranges. */
export async function waitForHighlights(page: Page, min = 1, timeout = 15_000): Promise<void> {
  await page.waitForFunction(
    (n) => {
      const registry = (CSS as unknown as { highlights: Map<string, Set<AbstractRange>> }).highlights;
      let total = 0;
      registry.forEach((h, name) => {
        if (name.startsWith('backstory') && name !== 'backstory-current') total += h.size;
      });
      return total >= n;
    },
    min,
    { timeout },
  );
}

/**
 * Centre of the first highlighted mention whose text is `text`, scrolled into view (the
 * middle of the viewport, or its upper half when a card must have room below). Read from
 * the page's own CSS.highlights: the one way tests and benchmarks find a mention.
 */
export async function mentionPoint(
  page: Page,
  text: string,
  place: 'center' | 'upper' = 'center',
): Promise<{ x: number; y: number }> {
  const point = await page.evaluate(
    ([wanted, where]) => {
      const registry = (CSS as unknown as { highlights: Map<string, Set<Range>> }).highlights;
      for (const [name, highlight] of registry) {
        if (!name.startsWith('backstory') || name === 'backstory-current') continue;
        for (const range of highlight) {
          if (range.toString() !== wanted) continue;
          if (where === 'center') range.startContainer.parentElement?.scrollIntoView({ block: 'center' });
          else {
            const top = range.getClientRects()[0]!.top;
            if (top < 0 || top > innerHeight / 2) window.scrollBy(0, top - innerHeight / 4);
          }
          const r = range.getClientRects()[0]!;
          return { x: r.left + r.width / 2, y: r.top + r.height / 2 };
        }
      }
      return null;
    },
    [text, place] as const,
  );
  if (!point) throw new Error(`no highlighted mention "${text}"`);
  return point;
}

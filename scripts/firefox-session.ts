/**
 * The Firefox session the Firefox end-to-end tests share (tooling, beside
 * chromium-session.ts): Debian's firefox-esr (or $FIREFOX_PATH) driven by puppeteer-core
 * over WebDriver BiDi, headless, with the Firefox build from .output/firefox-mv3 installed
 * as a temporary add-on into a fresh profile, and local pages served from 127.0.0.1.
 */
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { delimiter, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import puppeteer, { type Browser, type ConsoleMessage, type Page } from 'puppeteer-core';
import type { Server } from './chromium-session';
import { skipChecker } from './e2e-skip';
// @ts-expect-error plain JS helper shared with npm start
import { serve } from './serve.mjs';

export const ROOT = fileURLToPath(new URL('..', import.meta.url));
/** The unpacked Firefox build under test; BACKSTORY_FIREFOX_EXTENSION_DIR points elsewhere. */
export const EXTENSION = process.env.BACKSTORY_FIREFOX_EXTENSION_DIR ?? join(ROOT, '.output', 'firefox-mv3');
/** The add-on id of the Firefox build (wxt.config.ts). */
const ADDON_ID = 'backstory@backstory.invalid';
/** A fixed moz-extension:// host, so tests can open the extension's pages. */
export const EXTENSION_UUID = '0b5a1e4c-6f0e-4c55-9d0b-b4c0d5e7a001';
export const EXTENSION_ORIGIN = `moz-extension://${EXTENSION_UUID}`;

const NAMES = ['firefox-esr', 'firefox'];

/** $FIREFOX_PATH, then firefox-esr or firefox on PATH, then Debian's /usr/bin/firefox-esr. */
export function findFirefox(env = process.env): string | undefined {
  if (env.FIREFOX_PATH && existsSync(env.FIREFOX_PATH)) return env.FIREFOX_PATH;
  for (const dir of (env.PATH ?? '').split(delimiter)) {
    for (const name of NAMES) {
      const candidate = join(dir, name);
      if (existsSync(candidate)) return candidate;
    }
  }
  return existsSync('/usr/bin/firefox-esr') ? '/usr/bin/firefox-esr' : undefined;
}

const firefoxPath = findFirefox();

/** The browser the suite drives, and its version, for logs. */
export const FIREFOX_PATH = firefoxPath;
export function firefoxVersion(): string {
  if (!firefoxPath) return 'none';
  return spawnSync(firefoxPath, ['--version'], { encoding: 'utf8' }).stdout?.trim() || 'version unknown';
}

/**
 * Why the Firefox e2e tests cannot run here, or undefined when they can; the reason is
 * printed once per run. Under CI a missing Firefox or build is an error, never a skip.
 */
export const unavailable = skipChecker({
  tag: '[e2e-firefox]',
  browser: 'Firefox',
  browserPath: firefoxPath,
  installHint: 'install firefox-esr or set FIREFOX_PATH',
  debianPackage: 'firefox-esr',
  extensionDir: EXTENSION,
  buildCommand: 'npm run build:firefox',
  suite: 'Firefox end-to-end tests',
});

/** One console message or uncaught error seen in a page of the session. */
export interface Logged {
  type: string;
  text: string;
  where: string;
}

export interface FirefoxSession {
  browser: Browser;
  server: Server;
  /** Every console message and page error of the pages opened through the session. */
  logs: Logged[];
  /**
   * Every error the Browser Console holds from the extension since Firefox started: the
   * background page (which WebDriver BiDi does not show), extension pages, content scripts
   * and the card; uncaught errors, CSP violations (an eval probe), console.error.
   */
  extensionErrors(): Promise<string[]>;
  /** A new tab, loaded with `url` (an http page or an extension page such as options.html). */
  open(url: string): Promise<Page>;
  /** The URL of an extension page (options.html, sidepanel.html, popup.html). */
  extensionUrl(name: string): string;
  close(): Promise<void>;
}

/** Navigates `page` with BiDi's browsingContext.navigate (page.goto hangs on moz-extension:// pages). */
export async function navigate(browser: Browser, page: Page, url: string): Promise<void> {
  // The BiDi browser and frame are puppeteer internals: the public types do not name them.
  const context = (page.mainFrame() as unknown as { _id: string })._id;
  await (browser as unknown as Bidi).connection.send('browsingContext.navigate', {
    context,
    url,
    wait: 'complete',
  });
}

type Bidi = {
  connection: { send(method: string, params: Record<string, unknown>): Promise<{ result: unknown }> };
};

/**
 * Reads the Browser Console (the parent process's console service, which content and
 * extension processes report to) from the browser window's privileged context; this needs
 * `--remote-allow-system-access`. Errors and CSP violations only (warnings and infos are
 * left out), from a file of the extension or naming its origin.
 */
async function extensionErrors(browser: Browser): Promise<string[]> {
  const expression = `JSON.stringify(Services.console.getMessageArray().flatMap((m) => {
    if (!(m instanceof Ci.nsIScriptError)) return [];
    if (m.flags & (Ci.nsIScriptError.warningFlag | Ci.nsIScriptError.infoFlag)) return [];
    const origin = ${JSON.stringify(EXTENSION_ORIGIN)};
    if (!m.sourceName.startsWith(origin) && !m.errorMessage.includes(origin)) return [];
    return [m.category + ' ' + m.sourceName.slice(origin.length) + ': ' + m.errorMessage];
  }))`;
  return JSON.parse(await inBrowserWindow(browser, expression)) as string[];
}

/**
 * Evaluates `expression` (which must give a string) in the browser window's privileged
 * context (chrome://browser/content/browser.xhtml); needs `--remote-allow-system-access`.
 */
export async function inBrowserWindow(browser: Browser, expression: string): Promise<string> {
  const { connection } = browser as unknown as Bidi;
  const tree = (await connection.send('browsingContext.getTree', { 'moz:scope': 'chrome' })).result as {
    contexts: { context: string; url: string }[];
  };
  const chrome = tree.contexts.find((c) => c.url === 'chrome://browser/content/browser.xhtml');
  if (!chrome) throw new Error('no browser window');
  const answer = (await connection.send('script.evaluate', {
    expression,
    target: { context: chrome.context },
    awaitPromise: true,
  })) as { result: { type: string; result?: { value?: string }; exceptionDetails?: { text: string } } };
  if (answer.result.type !== 'success' || typeof answer.result.result?.value !== 'string')
    throw new Error(`browser window: ${answer.result.exceptionDetails?.text ?? 'no string returned'}`);
  return answer.result.result.value;
}

/** Starts Firefox with the Backstory add-on and a local server for `pagesRoot`. */
export async function startSession(options: { pagesRoot?: string } = {}): Promise<FirefoxSession> {
  const browser = await puppeteer.launch({
    browser: 'firefox',
    executablePath: firefoxPath,
    headless: true,
    // Needed to navigate a tab to a moz-extension:// page over BiDi, and to read the Browser Console.
    args: ['--remote-allow-system-access'],
    defaultViewport: { width: 1200, height: 900 },
    extraPrefsFirefox: {
      'extensions.webextensions.uuids': JSON.stringify({ [ADDON_ID]: EXTENSION_UUID }),
      // Lets an extension page call browser.action.openPopup() (the real toolbar popup).
      'extensions.openPopupWithoutUserGesture.enabled': true,
    },
  });
  const server: Server = await serve({ root: options.pagesRoot ?? join(ROOT, 'scripts', 'demo') });
  const logs: Logged[] = [];
  const watch = (page: Page) => {
    page.on('console', (m: ConsoleMessage) =>
      logs.push({ type: m.type(), text: m.text(), where: page.url() }),
    );
    page.on('pageerror', (e: unknown) =>
      logs.push({ type: 'pageerror', text: String(e), where: page.url() }),
    );
  };
  try {
    await browser.installExtension(EXTENSION);
    const session: FirefoxSession = {
      browser,
      server,
      logs,
      extensionUrl: (name) => `${EXTENSION_ORIGIN}/${name}`,
      extensionErrors: () => extensionErrors(browser),
      async open(url) {
        const page = await browser.newPage();
        watch(page);
        if (url.startsWith('moz-extension:')) await navigate(browser, page, url);
        else await page.goto(url, { waitUntil: 'load' });
        return page;
      },
      async close() {
        await browser.close();
        await server.close();
      },
    };
    // The dataset is seeded by the background on install; wait until the matcher is stored.
    const probe = await session.open(session.extensionUrl('options.html'));
    // Polled from here: waitForFunction compiles its predicate with Function(), which the
    // extension page's CSP blocks on Firefox 140.
    const seeded = () =>
      probe.evaluate(async () => {
        type Local = { get(k: string): Promise<Record<string, unknown>> };
        const api = (globalThis as unknown as { browser: { storage: { local: Local } } }).browser;
        return !!(await api.storage.local.get('matcher')).matcher;
      });
    for (let i = 0; !(await seeded()); i++) {
      if (i > 300) throw new Error('matcher never stored');
      await new Promise((r) => setTimeout(r, 100));
    }
    await probe.close();
    return session;
  } catch (e) {
    await browser.close();
    await server.close();
    throw e;
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

/** The number of Backstory mention ranges on the page (the current-mention highlight aside). */
export async function mentionCount(page: Page): Promise<number> {
  const all = await highlightsOf(page);
  return Object.entries(all)
    .filter(([name]) => name.startsWith('backstory') && name !== 'backstory-current')
    .reduce((sum, [, n]) => sum + n, 0);
}

/**
 * Waits until the page has at least `min` Backstory highlight ranges. Polled from here:
 * puppeteer's waitForFunction compiles its predicate with Function(), which a strict page
 * CSP blocks on Firefox 140.
 */
export async function waitForHighlights(page: Page, min = 1, timeout = 20_000): Promise<void> {
  const end = Date.now() + timeout;
  for (;;) {
    const n = await mentionCount(page);
    if (n >= min) return;
    if (Date.now() > end) throw new Error(`waited ${timeout} ms for ${min} highlights, saw ${n}`);
    await new Promise((r) => setTimeout(r, 100));
  }
}

/** Centre of the first highlighted mention whose text is `text`, scrolled to the middle of the viewport. */
export async function mentionPoint(page: Page, text: string): Promise<{ x: number; y: number }> {
  const point = await page.evaluate((wanted: string) => {
    const registry = (CSS as unknown as { highlights: Map<string, Set<Range>> }).highlights;
    let found: Range | undefined;
    registry.forEach((highlight, name) => {
      if (found || !name.startsWith('backstory') || name === 'backstory-current') return;
      highlight.forEach((range) => {
        if (!found && range.toString() === wanted) found = range;
      });
    });
    if (!found) return null;
    found.startContainer.parentElement?.scrollIntoView({ block: 'center' });
    const r = found.getClientRects()[0]!;
    return { x: r.left + r.width / 2, y: r.top + r.height / 2 };
  }, text);
  if (!point) throw new Error(`no highlighted mention "${text}"`);
  return point;
}

/**
 * Per-tab page reports and which tab each window is "about", in storage.session: what
 * the popup and the side panel show, never written to disk, surviving a service-worker
 * restart, and never stale. No tab URL is needed anywhere here: a tab that has a report
 * is one where Backstory runs; a tab without one is a page where it does not (or not yet).
 *
 * - A report is saved when the content script sends it, dropped when its tab starts
 *   loading a new document and when the tab closes.
 * - Per window, the recently focused tabs are remembered ("page tabs"), from
 *   tabs.onActivated, windows.onFocusChanged and the reports themselves: the side panel
 *   opened as a page follows the last focused one that has a report (its own tab has
 *   none, so it never picks itself).
 */
import { browser } from 'wxt/browser';
import type { PageReport } from '../shared/protocol';

const REPORT_PREFIX = 'tab:';
const PAGE_TABS_KEY = 'pageTabs';
const reportKey = (tabId: number) => `${REPORT_PREFIX}${tabId}`;

/** Tabs of each window, most recently focused first, and the window focused last. */
export interface PageTabs {
  byWindow: Record<string, number[]>;
  lastWindow?: number;
}

export const NO_PAGE_TABS: PageTabs = { byWindow: {} };

/** How many recently focused tabs are remembered per window. */
const RECENT = 12;

/** Pure: `tabId` in `windowId` came to the front. */
export function withFocused(state: PageTabs, tabId: number, windowId: number): PageTabs {
  const list = state.byWindow[windowId] ?? [];
  if (list[0] === tabId && state.lastWindow === windowId) return state;
  const next = [tabId, ...list.filter((id) => id !== tabId)].slice(0, RECENT);
  return { byWindow: { ...state.byWindow, [windowId]: next }, lastWindow: windowId };
}

/** Pure: `tabId` is gone (closed). */
export function withoutTab(state: PageTabs, tabId: number): PageTabs {
  const byWindow: Record<string, number[]> = {};
  for (const [windowId, list] of Object.entries(state.byWindow)) {
    const kept = list.filter((id) => id !== tabId);
    if (kept.length > 0) byWindow[windowId] = kept;
  }
  return { ...state, byWindow };
}

/**
 * Pure: the tab a page of ours describes. `param` is `?tab=` of a panel opened as a page;
 * `ownTab` is the tab our page itself lives in (none for a real side panel or popup);
 * `activeTabId` is the active tab of our page's window. A panel opened as a page takes
 * the most recently focused tab that has a report: in its own window, then in the window
 * focused last, then anywhere. It never picks itself (it has no report).
 */
export function pickPageTab(input: {
  param?: number;
  ownTab?: { id?: number; windowId?: number };
  activeTabId?: number;
  pageTabs: PageTabs;
  hasReport: (tabId: number) => boolean;
}): number | undefined {
  if (input.param !== undefined) return input.param;
  if (!input.ownTab) return input.activeTabId;
  const { byWindow, lastWindow } = input.pageTabs;
  const windows = [input.ownTab.windowId, lastWindow, ...Object.keys(byWindow).map(Number)];
  for (const windowId of windows) {
    if (windowId === undefined) continue;
    const found = byWindow[windowId]?.find((id) => id !== input.ownTab?.id && input.hasReport(id));
    if (found !== undefined) return found;
  }
  return undefined;
}

/** Whether a storage.session key is a tab's report. */
export const isReportKey = (key: string): boolean => key.startsWith(REPORT_PREFIX);

/** Everything the background keeps in storage.session: every open tab's report and the page tabs. */
export async function getSessionState(): Promise<{ pageTabs: PageTabs; reported: Set<number> }> {
  const all = await browser.storage.session.get();
  const reported = new Set(
    Object.keys(all)
      .filter(isReportKey)
      .map((k) => Number(k.slice(REPORT_PREFIX.length))),
  );
  return { pageTabs: (all[PAGE_TABS_KEY] as PageTabs | undefined) ?? NO_PAGE_TABS, reported };
}

export async function getTabReport(tabId: number): Promise<PageReport | undefined> {
  const key = reportKey(tabId);
  const found = await browser.storage.session.get(key);
  return found[key] as PageReport | undefined;
}

export async function getPageTabs(): Promise<PageTabs> {
  const found = await browser.storage.session.get(PAGE_TABS_KEY);
  return (found[PAGE_TABS_KEY] as PageTabs | undefined) ?? NO_PAGE_TABS;
}

// Writes of the page-tab record are read-modify-write: one at a time.
let queue: Promise<unknown> = Promise.resolve();
function updatePageTabs(change: (state: PageTabs) => PageTabs): Promise<void> {
  const run = queue.then(async () => {
    const before = await getPageTabs();
    const after = change(before);
    if (after !== before) await browser.storage.session.set({ [PAGE_TABS_KEY]: after });
  });
  queue = run.catch(() => undefined);
  return run;
}

/** Saves a tab's report; the tab the reader is looking at also counts as focused (a first load). */
export async function saveTabReport(
  tab: { id: number; windowId?: number; active?: boolean },
  report: PageReport,
): Promise<void> {
  await browser.storage.session.set({ [reportKey(tab.id)]: report });
  if (tab.active && tab.windowId !== undefined)
    await updatePageTabs((s) => withFocused(s, tab.id, tab.windowId!));
}

/** The tab is loading a new document: what it reported is about a page that is gone. */
export async function dropTabReport(tabId: number): Promise<void> {
  await browser.storage.session.remove(reportKey(tabId));
}

/** The tab closed. */
export async function dropTab(tabId: number): Promise<void> {
  await dropTabReport(tabId);
  await updatePageTabs((s) => withoutTab(s, tabId));
}

/** A tab came to the front of its window. */
export function noteActivated(tabId: number, windowId: number): Promise<void> {
  return updatePageTabs((s) => withFocused(s, tabId, windowId));
}

/**
 * How long after a tab's load completes the background waits for the page's own report
 * before asking for it: the page reports when it is idle after its scan, within about a
 * second of `load` (its idle callback's timeout).
 */
export const RESEND_AFTER_MS = 2000;

/**
 * Wires the report bookkeeping into the background. Call synchronously at the top of
 * main(). `resend` asks a tab's content script for its report again (a page restored
 * from the back/forward cache, or one whose report was dropped by a same-page load).
 */
export function registerTabListeners(
  resend: (tabId: number) => Promise<PageReport | undefined>,
  resendAfterMs = RESEND_AFTER_MS,
): void {
  browser.tabs.onRemoved.addListener((tabId) => void dropTab(tabId).catch(logError));
  browser.tabs.onActivated.addListener(
    ({ tabId, windowId }) => void noteActivated(tabId, windowId).catch(logError),
  );
  browser.windows?.onFocusChanged.addListener((windowId) => {
    if (windowId === browser.windows.WINDOW_ID_NONE) return;
    void browser.tabs
      .query({ active: true, windowId })
      .then(([tab]) => (tab?.id !== undefined ? noteActivated(tab.id, windowId) : undefined))
      .catch(logError);
  });
  // `status` needs no URL permission. A new document drops the old report at once; when
  // a page still has no report a while after loading completes (a bfcache restore, a page
  // whose script reported before the drop) the script, if any, is asked again. Asked at
  // once, nearly every page would answer before its own first report: a needless message,
  // report and answer on the page's main thread while it loads.
  browser.tabs.onUpdated.addListener((tabId, info, tab) => {
    if (info.status === 'loading') void dropTabReport(tabId).catch(logError);
    if (info.status === 'complete')
      setTimeout(
        () =>
          void (async () => {
            if (await getTabReport(tabId)) return;
            const report = await resend(tabId).catch(() => undefined);
            if (report)
              await saveTabReport({ id: tabId, windowId: tab.windowId, active: tab.active }, report);
          })().catch(logError),
        resendAfterMs,
      );
  });
}

/** Watches one tab's report; returns the unsubscribe function. */
export function watchTabReport(
  tabId: number,
  onChange: (report: PageReport | undefined) => void,
): () => void {
  const key = reportKey(tabId);
  const listener = (changes: Record<string, { newValue?: unknown }>, area: string) => {
    if (area === 'session' && key in changes) onChange(changes[key]?.newValue as PageReport | undefined);
  };
  browser.storage.onChanged.addListener(listener);
  return () => browser.storage.onChanged.removeListener(listener);
}

/** Watches the page-tab record and every tab's report; returns the unsubscribe function. */
export function watchPageTabs(onChange: () => void): () => void {
  const listener = (changes: Record<string, unknown>, area: string) => {
    if (area === 'session' && Object.keys(changes).some((k) => k === PAGE_TABS_KEY || isReportKey(k)))
      onChange();
  };
  browser.storage.onChanged.addListener(listener);
  return () => browser.storage.onChanged.removeListener(listener);
}

function logError(error: unknown): void {
  console.error('[backstory] tab bookkeeping failed', error);
}

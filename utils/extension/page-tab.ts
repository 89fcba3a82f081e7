/**
 * The web page a popup or side panel describes, found without `tab.url` (the browser
 * gives URLs only with permissions Backstory does not ask for):
 * - `?tab=<id>` on a panel opened as a page names it outright;
 * - a real side panel or popup describes the active tab of its own window;
 * - a panel opened as a page (it lives in a tab of its own) describes the last focused
 *   tab that has a Backstory report, in its window or else anywhere (the background keeps
 *   the focus record and the reports; see utils/extension/tabs.ts).
 */
import { browser } from 'wxt/browser';
import { getSessionState, pickPageTab, watchPageTabs } from './tabs';

/** `?tab=<id>` of our page's address, when it is a whole number. */
export function tabParam(search: string): number | undefined {
  const value = new URLSearchParams(search).get('tab');
  return value !== null && /^\d+$/.test(value) ? Number(value) : undefined;
}

export async function findPageTab(search = location.search): Promise<number | undefined> {
  const param = tabParam(search);
  if (param !== undefined) return param;
  const ownTab = await browser.tabs.getCurrent();
  const [active] = ownTab ? [] : await browser.tabs.query({ active: true, currentWindow: true });
  const { pageTabs, reported } = await getSessionState();
  return pickPageTab({ ownTab, activeTabId: active?.id, pageTabs, hasReport: (id) => reported.has(id) });
}

/**
 * Calls `onChange` with the page tab now and whenever it may have changed (a tab switch,
 * a window focus, a report arriving or dropped). Returns the unsubscribe.
 */
export function followPageTab(onChange: (tabId: number | undefined) => void): () => void {
  let run = 0;
  const refresh = () => {
    const mine = ++run;
    void findPageTab().then((id) => mine === run && onChange(id));
  };
  refresh();
  const onActivated = () => refresh();
  const onFocus = () => refresh();
  browser.tabs.onActivated.addListener(onActivated);
  browser.windows?.onFocusChanged.addListener(onFocus);
  const unwatch = watchPageTabs(refresh);
  return () => {
    run++;
    browser.tabs.onActivated.removeListener(onActivated);
    browser.windows?.onFocusChanged.removeListener(onFocus);
    unwatch();
  };
}

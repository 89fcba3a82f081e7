/**
 * The web page the side panel (or popup) is about: the active tab of the last focused
 * window, or, when that tab is one of our own pages (sidepanel.html opened as a tab),
 * the web tab used most recently before it.
 */
import { browser } from 'wxt/browser';

export interface TabLike {
  id?: number;
  url?: string;
  active?: boolean;
  lastAccessed?: number;
  windowId?: number;
}

/** Picks the page tab from a window's tabs; pure, for tests. */
export function pickPageTab(tabs: readonly TabLike[], ownOrigin: string): TabLike | undefined {
  const isOwn = (t: TabLike) => t.url?.startsWith(ownOrigin) ?? false;
  const active = tabs.find((t) => t.active);
  if (active && !isOwn(active)) return active;
  return [...tabs].filter((t) => !isOwn(t)).sort((a, b) => (b.lastAccessed ?? 0) - (a.lastAccessed ?? 0))[0];
}

export async function findPageTab(): Promise<TabLike | undefined> {
  const tabs = await browser.tabs.query({ lastFocusedWindow: true });
  return pickPageTab(tabs, browser.runtime.getURL('/'));
}

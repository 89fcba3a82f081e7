/**
 * Per-tab page reports, in storage.session: what the popup and side panel show for the
 * open tabs, dropped when a tab closes, never written to disk, and surviving a
 * service-worker restart.
 */
import { browser } from 'wxt/browser';
import type { PageReport } from '../messaging';

const keyFor = (tabId: number) => `tab:${tabId}`;

export async function saveTabReport(tabId: number, report: PageReport): Promise<void> {
  await browser.storage.session.set({ [keyFor(tabId)]: report });
}

export async function getTabReport(tabId: number): Promise<PageReport | undefined> {
  const key = keyFor(tabId);
  const found = await browser.storage.session.get(key);
  return found[key] as PageReport | undefined;
}

export async function dropTab(tabId: number): Promise<void> {
  await browser.storage.session.remove(keyFor(tabId));
}

/** Watches one tab's report; returns the unsubscribe function. */
export function watchTabReport(
  tabId: number,
  onChange: (report: PageReport | undefined) => void,
): () => void {
  const key = keyFor(tabId);
  const listener = (changes: Record<string, { newValue?: unknown }>, area: string) => {
    if (area === 'session' && key in changes) onChange(changes[key]?.newValue as PageReport | undefined);
  };
  browser.storage.onChanged.addListener(listener);
  return () => browser.storage.onChanged.removeListener(listener);
}

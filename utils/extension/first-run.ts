/**
 * The first-run page (entrypoints/welcome): opened once, when Backstory is installed.
 * An update opens it again only when FIRST_RUN_NOTICE_VERSION was raised, i.e. when the
 * page says something a reader already using Backstory must know.
 */
import { browser } from 'wxt/browser';
import { storage } from 'wxt/utils/storage';

/**
 * Raise this (by one) only when the first-run page gains something every existing reader
 * must know; an update then opens it once more. 1 is the page itself.
 */
export const FIRST_RUN_NOTICE_VERSION = 1;

/** What the last `runtime.onInstalled` decided; `noticeVersion` is the notice the reader has seen. */
export interface FirstRunRecord {
  noticeVersion: number;
  /** The reason of the last install event handled ('install', 'update', …), for diagnostics and tests. */
  reason: string;
}

export const firstRunStorage = storage.defineItem<FirstRunRecord | null>('local:firstRun', {
  fallback: null,
  version: 1,
});

/**
 * Whether an install event should open the first-run page. `seen` is the notice version
 * stored at the last event, or undefined when none was stored (a fresh install, or an
 * update from a version older than the first-run page: those readers know Backstory
 * already, so for them the baseline notice counts as seen).
 */
export function shouldOpenFirstRun(
  reason: string,
  seen: number | undefined,
  current: number = FIRST_RUN_NOTICE_VERSION,
): boolean {
  if (reason === 'install') return true;
  if (reason === 'update') return current > (seen ?? 1);
  // 'chrome_update', 'browser_update', 'shared_module_update': nothing of ours changed.
  return false;
}

/** The page's path in the build. */
export const FIRST_RUN_PAGE = '/welcome.html';

/**
 * Handles `runtime.onInstalled`: opens the first-run page when it should, then records
 * the decision (after the tab exists, so whoever reads the record sees the tab too).
 */
export async function onInstalledFirstRun(reason: string): Promise<boolean> {
  const stored = await firstRunStorage.getValue();
  const open = shouldOpenFirstRun(reason, stored?.noticeVersion);
  if (open) await browser.tabs.create({ url: browser.runtime.getURL(FIRST_RUN_PAGE) });
  // Nothing stored and nothing opened: installed before the page existed (the baseline).
  const noticeVersion = open ? FIRST_RUN_NOTICE_VERSION : (stored?.noticeVersion ?? 1);
  await firstRunStorage.setValue({ noticeVersion, reason });
  return open;
}

/**
 * What the content script keeps in `storage.local`, read and watched through the raw API:
 * one `get` returns everything the first paint needs (the page settings; the matcher stays
 * in the background), and one `storage.local.onChanged` listener follows them and the
 * matcher's changes. WXT's storage items (settings.ts,
 * matcher-store.ts) define the same keys; their definitions cost a page about a millisecond
 * at evaluation and one storage read each, which the raw API does not.
 */
import { browser } from 'wxt/browser';
import {
  PAGE_KEYS,
  PAGE_STORAGE_KEYS,
  pageSetting,
  pageSettingsFrom,
  type PageSettings,
} from '../shared/setting-values';

/** `matcherStorage`'s key in `storage.local`. */
export const MATCHER_KEY = 'matcher';

/** The `storage.local` keys of lists a card action appends to (see settings.ts). */
export const LIST_KEYS = {
  ignoredTerms: 'ignoredTerms',
  disabledTopics: 'disabledTopics',
  disabledSites: 'disabledSites',
} as const;

export interface PageData {
  settings: PageSettings;
}

/**
 * Everything the first paint needs from storage, in one read: the page settings. The
 * matcher is not read here: the background matches the page's text (remote-matcher.ts).
 */
export async function readPageData(): Promise<PageData> {
  return { settings: pageSettingsFrom(await browser.storage.local.get([...PAGE_STORAGE_KEYS])) };
}

/**
 * Calls `onSettings` with each setting that changed (one call each) and `onMatcher` when the matcher
 * did, as the WXT items' `watch` would (fallbacks for removed values). Returns the
 * function that stops watching.
 */
export function watchPageData(
  onSettings: (patch: Partial<PageSettings>) => void,
  onMatcher: () => void,
): () => void {
  const keys = Object.keys(PAGE_KEYS) as (keyof typeof PAGE_KEYS)[];
  const listener = (changes: Record<string, { newValue?: unknown }>) => {
    for (const key of keys) {
      const change = changes[PAGE_KEYS[key]];
      // One call per setting, as one watcher per item made them. Written by the current
      // items, so already in the current version.
      if (change) onSettings({ [key]: pageSetting(key, change.newValue) });
    }
    if (changes[MATCHER_KEY]) onMatcher();
  };
  browser.storage.local.onChanged.addListener(listener);
  return () => browser.storage.local.onChanged.removeListener(listener);
}

/** Appends `value` to the stored list under `key` (absent = empty). */
export async function appendToStoredList(key: string, value: unknown): Promise<void> {
  const current = (await browser.storage.local.get(key))[key];
  await browser.storage.local.set({ [key]: [...(Array.isArray(current) ? current : []), value] });
}

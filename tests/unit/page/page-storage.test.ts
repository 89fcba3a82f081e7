/**
 * The content script's one raw storage read and its watcher give what WXT's storage items
 * give (settings.ts, matcher-store.ts): same keys, same fallbacks, the same migrations of
 * values an older version stored.
 */
import { describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { matcherStorage, type StoredMatcher } from '../../../utils/shared/matcher-store';
import { PAGE_KEYS } from '../../../utils/shared/setting-values';
import {
  appearanceStorage,
  densityStorage,
  disabledSitesStorage,
  disabledTopicsStorage,
  enabledStorage,
  ignoredTermsStorage,
} from '../../../utils/shared/settings';
import {
  appendToStoredList,
  LIST_KEYS,
  MATCHER_KEY,
  readPageData,
  watchPageData,
} from '../../../utils/page/page-storage';

const items = {
  enabled: enabledStorage,
  disabledSites: disabledSitesStorage,
  density: densityStorage,
  appearance: appearanceStorage,
};

async function viaItems() {
  return {
    enabled: await enabledStorage.getValue(),
    disabledSites: await disabledSitesStorage.getValue(),
    density: await densityStorage.getValue(),
    appearance: await appearanceStorage.getValue(),
  };
}

const MATCHER: StoredMatcher = { key: 'k1', data: '{"v":3}\nAAAA', aliasCount: 1 };

describe('page storage keys', () => {
  it('are the WXT items’ keys', () => {
    for (const [name, item] of Object.entries(items))
      expect(item.key).toBe(`local:${PAGE_KEYS[name as keyof typeof PAGE_KEYS]}`);
    expect(matcherStorage.key).toBe(`local:${MATCHER_KEY}`);
    expect(ignoredTermsStorage.key).toBe(`local:${LIST_KEYS.ignoredTerms}`);
    expect(disabledTopicsStorage.key).toBe(`local:${LIST_KEYS.disabledTopics}`);
    expect(disabledSitesStorage.key).toBe(`local:${LIST_KEYS.disabledSites}`);
  });
});

describe('readPageData', () => {
  it('gives the items’ fallbacks from an empty store', async () => {
    const data = await readPageData();
    expect(data).toEqual({ settings: await viaItems() });
  });

  it('gives stored values in one read, and never reads the matcher', async () => {
    await enabledStorage.setValue(false);
    await densityStorage.setValue('all');
    await appearanceStorage.setValue({ style: 'background', palette: 'blue', dwellMs: 250 });
    await disabledSitesStorage.setValue(['example.com']);
    await matcherStorage.setValue(MATCHER);
    const get = vi.spyOn(fakeBrowser.storage.local, 'get');
    const data = await readPageData();
    expect(get).toHaveBeenCalledTimes(1);
    expect(data.settings).toEqual(await viaItems());
    expect(data.settings.appearance.palette).toBe('blue');
    // The matcher stays in the background: the page does not copy it.
    expect(get.mock.calls[0]![0]).not.toContain('matcher');
    expect(data).not.toHaveProperty('matcher');
  });

  it('migrates values an older version stored, as the items do', async () => {
    await fakeBrowser.storage.local.set({
      appearance: { style: 'background' },
      appearance$: { v: 1 },
      disabledSites: ['https://www.Example.com/news', 'example.com', 'not a site'],
    });
    const raw = (await readPageData()).settings;
    await appearanceStorage.migrate();
    await disabledSitesStorage.migrate();
    expect(raw).toEqual(await viaItems());
    expect(raw.disabledSites).toEqual(['example.com']);
    expect(raw.appearance).toMatchObject({ style: 'background', palette: 'amber' });
  });
});

describe('watchPageData', () => {
  it('reports each changed setting as the items’ watchers would, and the matcher', async () => {
    const onSettings = vi.fn();
    const onMatcher = vi.fn();
    const stop = watchPageData(onSettings, onMatcher);
    await densityStorage.setValue('all');
    await densityStorage.removeValue();
    await fakeBrowser.storage.local.set({
      enabled: false,
      appearance: { style: 'none', palette: 'green', dwellMs: 0 },
    });
    await matcherStorage.setValue(MATCHER);
    await matcherStorage.removeValue();
    expect(onSettings.mock.calls.map((c) => c[0])).toEqual([
      { density: 'all' },
      { density: 'first-per-entity' },
      { enabled: false },
      { appearance: { style: 'none', palette: 'green', dwellMs: 0 } },
    ]);
    expect(onMatcher).toHaveBeenCalledTimes(2);
    stop();
    await densityStorage.setValue('all');
    expect(onSettings).toHaveBeenCalledTimes(4);
  });
});

describe('appendToStoredList', () => {
  it('appends to what the items read', async () => {
    await appendToStoredList(LIST_KEYS.ignoredTerms, { entityId: 'e1', text: 'acme' });
    await appendToStoredList(LIST_KEYS.ignoredTerms, { entityId: 'e2', text: 'beta' });
    await appendToStoredList(LIST_KEYS.disabledTopics, 'chips');
    expect(await ignoredTermsStorage.getValue()).toEqual([
      { entityId: 'e1', text: 'acme' },
      { entityId: 'e2', text: 'beta' },
    ]);
    expect(await disabledTopicsStorage.getValue()).toEqual(['chips']);
  });
});

/**
 * Settings in storage (WXT's fake browser): fallbacks, the migrations from each older
 * shape, site normalization, the off list, and reset.
 */
import { describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import {
  DEFAULT_APPEARANCE,
  appearanceStorage,
  densityStorage,
  disabledSitesStorage,
  disabledTopicsStorage,
  isSiteDisabled,
  normalizeSite,
  resetSettings,
  userSitesStorage,
  withSiteEnabled,
} from '../../../utils/shared/settings';

/** Writes a value the way an older version of the item left it: the raw value and its version meta. */
async function storeOld(key: string, value: unknown, version: number): Promise<void> {
  await fakeBrowser.storage.local.set({ [key]: value, [`${key}$`]: { v: version } });
}

async function rawMeta(key: string): Promise<unknown> {
  return (await fakeBrowser.storage.local.get(`${key}$`))[`${key}$`];
}

describe('fallbacks', () => {
  it('reads defaults from an empty store', async () => {
    expect(await appearanceStorage.getValue()).toEqual(DEFAULT_APPEARANCE);
    expect(await densityStorage.getValue()).toBe('first-per-entity');
    expect(await disabledSitesStorage.getValue()).toEqual([]);
    expect(await userSitesStorage.getValue()).toEqual([]);
  });
});

describe('migrations', () => {
  it('appearance v1 (style only) becomes v2 with the default palette and dwell', async () => {
    await storeOld('appearance', { style: 'background' }, 1);
    await appearanceStorage.migrate();
    expect(await appearanceStorage.getValue()).toEqual({
      style: 'background',
      palette: 'amber',
      dwellMs: 400,
    });
    expect(await rawMeta('appearance')).toEqual({ v: 2 });
  });

  it('appearance v1 with an unknown style falls back to underline', async () => {
    await storeOld('appearance', { style: 'wavy' }, 1);
    await appearanceStorage.migrate();
    expect(await appearanceStorage.getValue()).toEqual(DEFAULT_APPEARANCE);
  });

  it('appearance already at v2 is left alone', async () => {
    const current = { style: 'none', palette: 'blue', dwellMs: 900 };
    await storeOld('appearance', current, 2);
    await appearanceStorage.migrate();
    expect(await appearanceStorage.getValue()).toEqual(current);
  });

  it('disabled sites v1 (text as typed) become bare hostnames', async () => {
    // A v1 item wrote no version meta: its absence means v1.
    await fakeBrowser.storage.local.set({
      disabledSites: [
        'https://www.Example.com/news/today',
        'example.com',
        'blog.example.org ',
        'not a site',
        42,
        'http://127.0.0.1:8080/x',
      ],
    });
    await disabledSitesStorage.migrate();
    expect(await disabledSitesStorage.getValue()).toEqual(['example.com', 'blog.example.org', '127.0.0.1']);
    expect(await rawMeta('disabledSites')).toEqual({ v: 2 });
  });

  it('disabled sites v1 that are not a list become an empty list', async () => {
    await storeOld('disabledSites', 'example.com', 1);
    await disabledSitesStorage.migrate();
    expect(await disabledSitesStorage.getValue()).toEqual([]);
  });
});

describe('normalizeSite', () => {
  it.each([
    ['example.com', 'example.com'],
    ['  WWW.Example.COM ', 'example.com'],
    ['https://news.example.co.uk/a/b?c=d', 'news.example.co.uk'],
    ['example.com/path', 'example.com'],
    ['localhost', 'localhost'],
    ['http://[::1]:3000/', '[::1]'],
  ])('%j → %j', (input, expected) => {
    expect(normalizeSite(input)).toBe(expected);
  });

  it.each(['', '   ', 'two words', 'http://', 'exa_mple.com'])('rejects %j', (input) => {
    expect(normalizeSite(input)).toBeUndefined();
  });
});

describe('the off list', () => {
  it('counts parent domains', () => {
    expect(isSiteDisabled('www.example.com', ['example.com'])).toBe(true);
    expect(isSiteDisabled('example.com', ['www.example.com'])).toBe(false);
    expect(isSiteDisabled('notexample.com', ['example.com'])).toBe(false);
  });

  it('turning a site off adds it without www', () => {
    expect(withSiteEnabled(['a.org'], 'www.Example.com', false)).toEqual(['a.org', 'example.com']);
    expect(withSiteEnabled(['example.com'], 'example.com', false)).toEqual(['example.com']);
  });

  it('turning a site on removes every entry that covers it, parents included', () => {
    const off = ['example.com', 'news.example.com', 'other.org'];
    expect(withSiteEnabled(off, 'news.example.com', true)).toEqual(['other.org']);
    expect(isSiteDisabled('news.example.com', withSiteEnabled(off, 'news.example.com', true))).toBe(false);
  });
});

describe('resetSettings', () => {
  it('puts settings back but keeps the sites whose permission the user granted', async () => {
    await appearanceStorage.setValue({ style: 'none', palette: 'green', dwellMs: 1000 });
    await disabledTopicsStorage.setValue(['p:trade']);
    await disabledSitesStorage.setValue(['example.com']);
    await userSitesStorage.setValue(['blog.example.org']);
    await resetSettings();
    expect(await appearanceStorage.getValue()).toEqual(DEFAULT_APPEARANCE);
    expect(await disabledTopicsStorage.getValue()).toEqual([]);
    expect(await disabledSitesStorage.getValue()).toEqual([]);
    expect(await userSitesStorage.getValue()).toEqual(['blog.example.org']);
  });
});

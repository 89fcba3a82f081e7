/**
 * The per-site permission model: which URLs the manifest covers, and the site service
 * that keeps the registered content script in step with the user's sites. The fake
 * browser has no `permissions` or `scripting`; a small in-memory model stands in.
 */
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import {
  CONTENT_CSS,
  CONTENT_JS,
  USER_SCRIPT_ID,
  addUserSite,
  injectIntoTab,
  onSitesGranted,
  onSitesRevoked,
  removeUserSite,
  syncUserSiteScripts,
  userHostsIn,
} from '../../../utils/extension/user-sites';
import {
  hostOfOrigin,
  isStaticSiteUrl,
  isWebUrl,
  matchesPattern,
  originsOf,
  requestSiteAccess,
} from '../../../utils/extension/permissions';
import { userSitesStorage } from '../../../utils/shared/settings';

interface Registered {
  id: string;
  matches?: string[];
  js?: string[];
  css?: string[];
  runAt?: string;
}

/** Granted origins and registered scripts, as the browser would keep them. */
function installFakes() {
  const granted = new Set<string>();
  const registered = new Map<string, Registered>();
  const calls: string[] = [];
  const injected: { tabId: number; files: string[]; kind: 'js' | 'css' }[] = [];
  const b = fakeBrowser as unknown as Record<string, Record<string, unknown>>;
  b.permissions = {
    request: vi.fn(async ({ origins = [] }: { origins?: string[] }) => {
      origins.forEach((o) => granted.add(o));
      return true;
    }),
    contains: vi.fn(async ({ origins = [] }: { origins?: string[] }) => origins.every((o) => granted.has(o))),
    remove: vi.fn(async ({ origins = [] }: { origins?: string[] }) => {
      origins.forEach((o) => granted.delete(o));
      return true;
    }),
  };
  b.scripting = {
    getRegisteredContentScripts: vi.fn(async ({ ids }: { ids?: string[] } = {}) =>
      [...registered.values()].filter((s) => !ids || ids.includes(s.id)).map((s) => structuredClone(s)),
    ),
    registerContentScripts: vi.fn(async (scripts: Registered[]) => {
      calls.push('register');
      for (const s of scripts) {
        if (registered.has(s.id)) throw new Error(`Duplicate script ID '${s.id}'`);
        registered.set(s.id, structuredClone(s));
      }
    }),
    updateContentScripts: vi.fn(async (scripts: Registered[]) => {
      calls.push('update');
      for (const s of scripts) {
        if (!registered.has(s.id)) throw new Error(`Nonexistent script ID '${s.id}'`);
        registered.set(s.id, { ...registered.get(s.id)!, ...structuredClone(s) });
      }
    }),
    unregisterContentScripts: vi.fn(async ({ ids }: { ids: string[] }) => {
      calls.push('unregister');
      ids.forEach((id) => registered.delete(id));
    }),
    executeScript: vi.fn(async ({ target, files }: { target: { tabId: number }; files: string[] }) => {
      injected.push({ tabId: target.tabId, files, kind: 'js' });
      return [];
    }),
    insertCSS: vi.fn(async ({ target, files }: { target: { tabId: number }; files: string[] }) => {
      injected.push({ tabId: target.tabId, files, kind: 'css' });
    }),
  };
  return { granted, registered, calls, injected };
}

let fake: ReturnType<typeof installFakes>;
beforeEach(() => {
  fake = installFakes();
});

describe('match patterns and the static list', () => {
  it('matches the manifest pattern forms', () => {
    expect(matchesPattern('https://*.example.com/*', 'https://example.com/a')).toBe(true);
    expect(matchesPattern('https://*.example.com/*', 'https://news.example.com/a?b')).toBe(true);
    expect(matchesPattern('https://*.example.com/*', 'http://example.com/a')).toBe(false);
    expect(matchesPattern('https://*.example.com/*', 'https://notexample.com/')).toBe(false);
    expect(matchesPattern('*://blog.example.org/*', 'http://blog.example.org/x')).toBe(true);
    expect(matchesPattern('*://blog.example.org/*', 'ftp://blog.example.org/x')).toBe(false);
    expect(matchesPattern('http://127.0.0.1/*', 'http://127.0.0.1:8123/article.html')).toBe(true);
    expect(matchesPattern('not a pattern', 'https://example.com/')).toBe(false);
  });

  it('knows where the manifest content script runs', () => {
    expect(isStaticSiteUrl('https://www.theguardian.com/world/x')).toBe(true);
    expect(isStaticSiteUrl('https://en.wikipedia.org/wiki/X')).toBe(true);
    expect(isStaticSiteUrl('http://127.0.0.1:4000/article.html')).toBe(true);
    expect(isStaticSiteUrl('https://blog.example.org/post')).toBe(false);
    // The news sites are declared for https only.
    expect(isStaticSiteUrl('http://www.theguardian.com/')).toBe(false);
    expect(isStaticSiteUrl(undefined)).toBe(false);
  });

  it('tells web pages from the rest', () => {
    expect(isWebUrl('https://example.org/')).toBe(true);
    expect(isWebUrl('file:///tmp/a.html')).toBe(false);
    expect(isWebUrl('chrome://extensions')).toBe(false);
  });

  it('asks for one exact host, both schemes, and reads it back', () => {
    expect(originsOf('blog.example.org')).toEqual(['*://blog.example.org/*']);
    expect(hostOfOrigin('*://blog.example.org/*')).toBe('blog.example.org');
    expect(hostOfOrigin('*://*/*')).toBeUndefined();
    expect(hostOfOrigin('https://*.example.com/*')).toBeUndefined();
  });

  it('requests the permission with that origin', async () => {
    expect(await requestSiteAccess('blog.example.org')).toBe(true);
    expect(fakeBrowser.permissions.request).toHaveBeenCalledWith({ origins: ['*://blog.example.org/*'] });
  });

  it('ignores static and wildcard origins in permission events', () => {
    expect(
      userHostsIn({
        origins: ['*://blog.example.org/*', '*://www.theguardian.com/*', '*://*/*', 'https://x.org/*'],
      }),
    ).toEqual(['blog.example.org']);
    expect(userHostsIn({})).toEqual([]);
  });
});

describe('syncUserSiteScripts', () => {
  it('does nothing without user sites', async () => {
    expect(await syncUserSiteScripts()).toBe('current');
    expect(fake.calls).toEqual([]);
  });

  it('registers one script for every granted site', async () => {
    fake.granted.add('*://b.example.org/*').add('*://a.example.org/*');
    await userSitesStorage.setValue(['b.example.org', 'a.example.org']);
    expect(await syncUserSiteScripts()).toBe('registered');
    expect(fake.registered.get(USER_SCRIPT_ID)).toEqual({
      id: USER_SCRIPT_ID,
      matches: ['*://a.example.org/*', '*://b.example.org/*'],
      js: [CONTENT_JS],
      css: [CONTENT_CSS],
      runAt: 'document_idle',
      allFrames: false,
    });
    // Nothing changed: nothing to do.
    expect(await syncUserSiteScripts()).toBe('current');
    expect(fake.calls).toEqual(['register']);
  });

  it('updates the registration when a site is added, and unregisters when none is left', async () => {
    fake.granted.add('*://a.example.org/*');
    await userSitesStorage.setValue(['a.example.org']);
    await syncUserSiteScripts();
    fake.granted.add('*://c.example.net/*');
    await userSitesStorage.setValue(['a.example.org', 'c.example.net']);
    expect(await syncUserSiteScripts()).toBe('updated');
    expect(fake.registered.get(USER_SCRIPT_ID)?.matches).toEqual([
      '*://a.example.org/*',
      '*://c.example.net/*',
    ]);
    await userSitesStorage.setValue([]);
    expect(await syncUserSiteScripts()).toBe('unregistered');
    expect(fake.registered.size).toBe(0);
  });

  it('re-registers a script the browser lost (e.g. a new session)', async () => {
    fake.granted.add('*://a.example.org/*');
    await userSitesStorage.setValue(['a.example.org']);
    await syncUserSiteScripts();
    fake.registered.clear();
    expect(await syncUserSiteScripts()).toBe('registered');
    expect(fake.registered.has(USER_SCRIPT_ID)).toBe(true);
  });

  it('drops sites whose permission was revoked in the browser', async () => {
    fake.granted.add('*://a.example.org/*');
    await userSitesStorage.setValue(['a.example.org', 'revoked.example.org']);
    await syncUserSiteScripts();
    expect(await userSitesStorage.getValue()).toEqual(['a.example.org']);
    expect(fake.registered.get(USER_SCRIPT_ID)?.matches).toEqual(['*://a.example.org/*']);
  });

  it('serializes concurrent calls: one registration, never a duplicate id', async () => {
    fake.granted.add('*://a.example.org/*');
    await userSitesStorage.setValue(['a.example.org']);
    const results = await Promise.all([syncUserSiteScripts(), syncUserSiteScripts(), syncUserSiteScripts()]);
    expect(results).toEqual(['registered', 'current', 'current']);
  });
});

describe('turning sites on and off', () => {
  it('addUserSite keeps a sorted list without duplicates', async () => {
    await addUserSite('b.example.org');
    await addUserSite('a.example.org');
    await addUserSite('b.example.org');
    expect(await userSitesStorage.getValue()).toEqual(['a.example.org', 'b.example.org']);
  });

  it('a granted permission remembers the site, registers it and starts on its open tabs', async () => {
    const open = await fakeBrowser.tabs.create({ url: 'https://blog.example.org/post' });
    await fakeBrowser.tabs.create({ url: 'https://elsewhere.example.com/' });
    fake.granted.add('*://blog.example.org/*');
    const query = vi.spyOn(fakeBrowser.tabs, 'query').mockResolvedValue([open]);
    const inject = vi.fn(async (tabId: number) =>
      injectIntoTab(tabId, () => Promise.reject(new Error('none'))),
    );
    await onSitesGranted({ origins: ['*://blog.example.org/*'] }, inject);
    expect(inject).toHaveBeenCalledTimes(1);
    expect(query).toHaveBeenCalledWith({ url: ['*://blog.example.org/*'] });
    expect(await userSitesStorage.getValue()).toEqual(['blog.example.org']);
    expect(fake.registered.get(USER_SCRIPT_ID)?.matches).toEqual(['*://blog.example.org/*']);
    expect(fake.injected).toEqual([
      { tabId: open.id, files: [CONTENT_CSS], kind: 'css' },
      { tabId: open.id, files: [CONTENT_JS], kind: 'js' },
    ]);
  });

  it('a grant for a static site changes nothing', async () => {
    await onSitesGranted({ origins: ['*://www.theguardian.com/*'] });
    expect(await userSitesStorage.getValue()).toEqual([]);
    expect(fake.calls).toEqual([]);
  });

  it('removeUserSite gives the permission back and drops the site', async () => {
    fake.granted.add('*://a.example.org/*').add('*://b.example.org/*');
    await userSitesStorage.setValue(['a.example.org', 'b.example.org']);
    await syncUserSiteScripts();
    await removeUserSite('a.example.org');
    expect(fakeBrowser.permissions.remove).toHaveBeenCalledWith({ origins: ['*://a.example.org/*'] });
    expect(fake.granted.has('*://a.example.org/*')).toBe(false);
    expect(await userSitesStorage.getValue()).toEqual(['b.example.org']);
    // The background's listeners then bring the registration in line.
    await onSitesRevoked({ origins: ['*://a.example.org/*'] });
    expect(fake.registered.get(USER_SCRIPT_ID)?.matches).toEqual(['*://b.example.org/*']);
  });

  it('a permission revoked in the browser removes the last site and the registration', async () => {
    fake.granted.add('*://a.example.org/*');
    await userSitesStorage.setValue(['a.example.org']);
    await syncUserSiteScripts();
    fake.granted.clear();
    await onSitesRevoked({ origins: ['*://a.example.org/*'] });
    expect(await userSitesStorage.getValue()).toEqual([]);
    expect(fake.registered.size).toBe(0);
  });
});

describe('injectIntoTab', () => {
  const answers = () => Promise.resolve({ mentions: [] });
  const silent = () =>
    Promise.reject(new Error('Could not establish connection. Receiving end does not exist.'));

  it('leaves a tab alone whose content script answers', async () => {
    const ping = vi.fn(answers);
    expect(await injectIntoTab(7, ping)).toBe('running');
    expect(ping).toHaveBeenCalledWith(7);
    expect(fake.injected).toEqual([]);
  });

  it('injects CSS then script into a tab where nothing answers', async () => {
    expect(await injectIntoTab(7, silent)).toBe('injected');
    expect(fake.injected).toEqual([
      { tabId: 7, files: [CONTENT_CSS], kind: 'css' },
      { tabId: 7, files: [CONTENT_JS], kind: 'js' },
    ]);
  });

  it('reports a failure when the browser refuses to inject', async () => {
    (fakeBrowser.scripting.executeScript as unknown as ReturnType<typeof vi.fn>).mockRejectedValue(
      new Error('Cannot access contents of the page'),
    );
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => undefined);
    expect(await injectIntoTab(7, silent)).toBe('failed');
    warn.mockRestore();
  });
});

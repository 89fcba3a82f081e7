/**
 * Sites the user turned on outside the manifest's news list. The list lives in
 * `userSitesStorage`; the browser holds one host permission per site; and one
 * registered content script (`backstory-user-sites`) covers them all. The background is
 * the only context that registers or unregisters it (`syncUserSiteScripts`), so two
 * pages can never race to register the same id. Pages add or remove sites through the
 * storage list and the permission itself.
 */
import { browser } from 'wxt/browser';
import { hasSiteAccess, hostOfOrigin, isStaticSiteUrl, originsOf } from './permissions';
import { toTab } from '../shared/messaging';
import { userSitesStorage } from '../shared/settings';

export const USER_SCRIPT_ID = 'backstory-user-sites';
/** The built content script (WXT names it after the entrypoint). */
export const CONTENT_JS = '/content-scripts/backstory.js';
export const CONTENT_CSS = '/content-scripts/backstory.css';

/** Adds a site to the list of user sites (idempotent). */
export async function addUserSite(host: string): Promise<void> {
  const sites = await userSitesStorage.getValue();
  if (!sites.includes(host)) await userSitesStorage.setValue([...sites, host].sort());
}

/**
 * Turns a user site off for good: gives the permission back and drops it from the
 * list (the background then updates the registration). Tabs already open keep their
 * script until they reload.
 */
export async function removeUserSite(host: string): Promise<void> {
  await browser.permissions.remove({ origins: originsOf(host) }).catch(() => false);
  const sites = await userSitesStorage.getValue();
  if (sites.includes(host)) await userSitesStorage.setValue(sites.filter((s) => s !== host));
}

/**
 * Starts the content script in a tab that is not running it yet, so a site works the
 * moment it is turned on, without a reload. A script already there answers the ping and
 * is left alone; should two callers inject at once, WXT stops the older copy.
 */
export async function injectIntoTab(
  tabId: number,
  ping: (tabId: number) => Promise<unknown> = (id) => toTab.sendMessage('tabGetReport', undefined, id),
): Promise<'running' | 'injected' | 'failed'> {
  try {
    await ping(tabId);
    return 'running';
  } catch {
    // no content script answered: inject it
  }
  try {
    await browser.scripting.insertCSS({ target: { tabId }, files: [CONTENT_CSS] });
    await browser.scripting.executeScript({ target: { tabId }, files: [CONTENT_JS] });
    return 'injected';
  } catch (error) {
    console.warn('[backstory] could not start on this tab', error);
    return 'failed';
  }
}

let queue: Promise<unknown> = Promise.resolve();

/**
 * Brings the registered content script in line with the user sites whose permission is
 * still granted (a site revoked in the browser's own settings is dropped from the list).
 * Registered scripts normally persist across sessions; this re-registers them when they
 * do not. Calls are serialized. Returns what it did.
 */
export function syncUserSiteScripts(): Promise<'registered' | 'updated' | 'unregistered' | 'current'> {
  const run = queue.then(syncNow, syncNow);
  queue = run.catch(() => undefined);
  return run;
}

async function syncNow(): Promise<'registered' | 'updated' | 'unregistered' | 'current'> {
  const sites = await userSitesStorage.getValue();
  const granted: string[] = [];
  for (const site of sites) if (await hasSiteAccess(site)) granted.push(site);
  if (granted.length !== sites.length) await userSitesStorage.setValue(granted);

  const matches = granted.flatMap(originsOf).sort();
  const [existing] = await browser.scripting.getRegisteredContentScripts({ ids: [USER_SCRIPT_ID] });
  if (matches.length === 0) {
    if (!existing) return 'current';
    await browser.scripting.unregisterContentScripts({ ids: [USER_SCRIPT_ID] });
    return 'unregistered';
  }
  const script = {
    id: USER_SCRIPT_ID,
    matches,
    js: [CONTENT_JS],
    css: [CONTENT_CSS],
    runAt: 'document_idle' as const,
    allFrames: false,
  };
  if (!existing) {
    await browser.scripting.registerContentScripts([script]);
    return 'registered';
  }
  if (sameList(existing.matches ?? [], matches)) return 'current';
  await browser.scripting.updateContentScripts([script]);
  return 'updated';
}

function sameList(a: readonly string[], b: readonly string[]): boolean {
  const sorted = [...a].sort();
  return sorted.length === b.length && sorted.every((v, i) => v === b[i]);
}

/** Hosts of the site permissions in a permissions event that the static list does not cover. */
export function userHostsIn(permissions: { origins?: string[] }): string[] {
  return (permissions.origins ?? []).flatMap((origin) => {
    const host = hostOfOrigin(origin);
    return host && !isStaticSiteUrl(`https://${host}/`) ? [host] : [];
  });
}

/**
 * A site permission was granted (from our popup, or from the browser's own site-access
 * menu): remember the site and start on its open tabs.
 */
export async function onSitesGranted(
  permissions: { origins?: string[] },
  inject: (tabId: number) => Promise<unknown> = injectIntoTab,
): Promise<void> {
  const hosts = userHostsIn(permissions);
  if (hosts.length === 0) return;
  for (const host of hosts) await addUserSite(host);
  await syncUserSiteScripts();
  const tabs = await browser.tabs.query({ url: hosts.flatMap(originsOf) });
  await Promise.all(tabs.map((tab) => (tab.id === undefined ? undefined : inject(tab.id))));
}

/** A site permission was taken back (by us or in the browser's settings): forget the site. */
export async function onSitesRevoked(permissions: { origins?: string[] }): Promise<void> {
  const hosts = userHostsIn(permissions);
  if (hosts.length === 0) return;
  const sites = await userSitesStorage.getValue();
  const kept = sites.filter((s) => !hosts.includes(s));
  if (kept.length !== sites.length) await userSitesStorage.setValue(kept);
  await syncUserSiteScripts();
}

/**
 * Wires the site service into the background. Call synchronously at the top of main():
 * a worker woken by a permission change must hear the event that woke it.
 */
export function registerSiteListeners(): void {
  browser.permissions.onAdded.addListener((p) => void onSitesGranted(p).catch(logError));
  browser.permissions.onRemoved.addListener((p) => void onSitesRevoked(p).catch(logError));
  // The list changes from the popup and the options page; only here is it registered.
  userSitesStorage.watch(() => void syncUserSiteScripts().catch(logError));
  browser.runtime.onStartup.addListener(() => void syncUserSiteScripts().catch(logError));
  void syncUserSiteScripts().catch(logError);
}

function logError(error: unknown): void {
  console.error('[backstory] updating the user sites failed', error);
}

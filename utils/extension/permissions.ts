/**
 * The per-site permission model, as extension pages see it. Backstory runs without
 * asking on the manifest's news sites (CONTENT_MATCHES); anywhere else it needs that one
 * site's host permission, requested from the popup when the user turns it on there.
 * The manifest declares every http(s) host as an optional host permission only so that
 * any single site can be asked for; nothing beyond the static list is granted at install.
 */
import { browser } from 'wxt/browser';
import { CONTENT_MATCHES } from '../shared/sites';

/** The host permission Backstory asks for on one site: that exact host, http and https. */
export function originsOf(host: string): string[] {
  return [`*://${host}/*`];
}

/** The host of an origin pattern we asked for (see `originsOf`), or undefined for any other pattern. */
export function hostOfOrigin(origin: string): string | undefined {
  const match = /^\*:\/\/([^/*]+)\/\*$/.exec(origin);
  return match?.[1];
}

/**
 * Whether `url` is matched by a WebExtension match pattern of the forms the manifest
 * uses (`scheme://host/path`, `*` scheme for http and https, `*.` for a domain and its
 * subdomains, `*` in the path). Ports are ignored, as the browser ignores them.
 */
export function matchesPattern(pattern: string, url: string): boolean {
  const parts = /^(\*|https?):\/\/(\*|(?:\*\.)?[^/*]+)(\/.*)$/.exec(pattern);
  if (!parts) return false;
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return false;
  }
  const [, scheme, host, path] = parts as unknown as [string, string, string, string];
  const protocol = parsed.protocol.slice(0, -1);
  if (scheme === '*' ? protocol !== 'http' && protocol !== 'https' : protocol !== scheme) return false;
  const hostname = parsed.hostname;
  if (host !== '*') {
    if (host.startsWith('*.')) {
      const domain = host.slice(2);
      if (hostname !== domain && !hostname.endsWith(`.${domain}`)) return false;
    } else if (hostname !== host) return false;
  }
  const pathRe = new RegExp(`^${path.split('*').map(escapeRegExp).join('.*')}$`);
  return pathRe.test(parsed.pathname + parsed.search);
}

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/** True when the manifest's content script already runs on `url` (no permission to ask). */
export function isStaticSiteUrl(url: string | undefined): boolean {
  return !!url && CONTENT_MATCHES.some((pattern) => matchesPattern(pattern, url));
}

/** True for pages a site permission could cover: http and https only. */
export function isWebUrl(url: string | undefined): boolean {
  return !!url && /^https?:\/\//i.test(url);
}

/**
 * Asks the browser for one site's permission. Call it synchronously from the click
 * handler, before any `await`: the browser only shows the prompt during a user gesture.
 */
export function requestSiteAccess(host: string): Promise<boolean> {
  return browser.permissions.request({ origins: originsOf(host) });
}

/** Whether the browser currently grants Backstory `host`. */
export function hasSiteAccess(host: string): Promise<boolean> {
  return browser.permissions.contains({ origins: originsOf(host) });
}

/**
 * Every user setting, one `storage.defineItem` each, with fallbacks and versioned
 * migrations. Content scripts read these directly (storage is not the page's origin).
 */
import { storage } from 'wxt/utils/storage';

export type Density = 'all' | 'first-per-entity' | 'first-per-section';
export type HighlightStyle = 'underline' | 'background' | 'none';

/**
 * Highlight colours come as palettes whose light and dark variants were checked for
 * WCAG AA contrast against white and near-black pages (see tests/unit/contrast.test.ts).
 */
export const PALETTES = ['amber', 'blue', 'green', 'magenta'] as const;
export type Palette = (typeof PALETTES)[number];

export interface Appearance {
  style: HighlightStyle;
  palette: Palette;
  /** Delay before a card opens on hover, in ms. */
  dwellMs: number;
}

/** What a content script needs of the settings to mark a page. */
export interface PageSettings {
  enabled: boolean;
  disabledSites: string[];
  density: Density;
  appearance: Appearance;
}

export const DEFAULT_APPEARANCE: Appearance = {
  style: 'underline',
  palette: 'amber',
  dwellMs: 400,
};

/** Global on/off switch. */
export const enabledStorage = storage.defineItem<boolean>('local:enabled', {
  fallback: true,
  version: 1,
});

/** How many mentions of an entity are marked. */
export const densityStorage = storage.defineItem<Density>('local:density', {
  fallback: 'first-per-entity',
  version: 1,
});

/** v1 stored only the style; v2 adds the palette and the hover dwell. */
export const appearanceStorage = storage.defineItem<Appearance>('local:appearance', {
  fallback: DEFAULT_APPEARANCE,
  version: 2,
  migrations: {
    2: (old: unknown): Appearance => {
      const style =
        old && typeof old === 'object' && 'style' in old ? (old as { style: unknown }).style : undefined;
      return {
        ...DEFAULT_APPEARANCE,
        style: style === 'background' || style === 'none' || style === 'underline' ? style : 'underline',
      };
    },
  },
});

/** Topic ids the user turned off (absent = on, so new topics start enabled). */
export const disabledTopicsStorage = storage.defineItem<string[]>('local:disabledTopics', {
  fallback: [],
  version: 1,
});

/**
 * A site as the user means it: the hostname of whatever they typed or pasted
 * ("https://www.Example.com/news" → "example.com"), without a leading "www.", or
 * undefined when it names no host.
 */
export function normalizeSite(input: string): string | undefined {
  const text = input.trim().toLowerCase();
  if (!text) return undefined;
  let host: string;
  try {
    host = new URL(/^[a-z][a-z0-9+.-]*:\/\//.test(text) ? text : `http://${text}`).hostname;
  } catch {
    return undefined;
  }
  host = host.replace(/^www\./, '').replace(/\.$/, '');
  // A hostname, an IPv4 address or a bracketed IPv6 address; nothing else is a site.
  return /^(\[[0-9a-f:.]+\]|[a-z0-9-]+(\.[a-z0-9-]+)*)$/.test(host) ? host : undefined;
}

/** Hostnames, normalized and without duplicates; entries that name no host are dropped. */
function normalizeSites(old: unknown): string[] {
  if (!Array.isArray(old)) return [];
  const sites = old.flatMap((entry) => (typeof entry === 'string' ? (normalizeSite(entry) ?? []) : []));
  return [...new Set(sites)];
}

/**
 * Hostnames where Backstory stays off. v1 kept the text typed into the options page as
 * it was (URLs, "www." prefixes, duplicates); v2 keeps bare hostnames only.
 */
export const disabledSitesStorage = storage.defineItem<string[]>('local:disabledSites', {
  fallback: [],
  version: 2,
  migrations: { 2: normalizeSites },
});

/**
 * Hostnames outside the manifest's news sites where the user turned Backstory on from
 * the popup (and granted that site's permission). The background keeps the registered
 * content script in step with this list; see utils/extension/user-sites.ts.
 */
export const userSitesStorage = storage.defineItem<string[]>('local:userSites', {
  fallback: [],
  version: 1,
});

/** Alias texts (normalized) the user asked never to highlight, with the entity they belonged to. */
export interface TermOverride {
  entityId: string;
  text: string;
}
export const ignoredTermsStorage = storage.defineItem<TermOverride[]>('local:ignoredTerms', {
  fallback: [],
  version: 1,
});

/** Whether `site` (a hostname) is switched off, counting parent domains: off on example.com is off on www.example.com. */
export function isSiteDisabled(site: string, disabled: readonly string[]): boolean {
  const host = site.toLowerCase();
  return disabled.some((d) => host === d || host.endsWith(`.${d}`));
}

/**
 * The off list after switching `site` on or off. On removes every entry that covers the
 * site (a parent domain too, or it would stay off); off adds the site without "www.".
 */
export function withSiteEnabled(disabled: readonly string[], site: string, enabled: boolean): string[] {
  const host = site.toLowerCase();
  if (enabled) return disabled.filter((d) => !isSiteDisabled(host, [d]));
  return [...new Set([...disabled, normalizeSite(host) ?? host])];
}

/** Every item, for "reset to defaults". */
export const allSettings = [
  enabledStorage,
  densityStorage,
  appearanceStorage,
  disabledTopicsStorage,
  disabledSitesStorage,
  ignoredTermsStorage,
] as const;

/**
 * Puts every setting back to its fallback. The sites the user turned on stay: they
 * mirror permissions the browser holds, which only removing the site gives back.
 */
export async function resetSettings(): Promise<void> {
  await Promise.all(allSettings.map((item) => item.removeValue()));
}

/**
 * The settings' values, defaults and migrations, without the storage item definitions:
 * pure, so the content script can read and normalise them from one raw `storage.local`
 * read (settings.ts defines the items on top of these; a unit test keeps both in step).
 */

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

/** Migration of `appearance` from v1 (the style only) to v2 (palette and hover dwell added). */
export function appearanceFromV1(old: unknown): Appearance {
  const style =
    old && typeof old === 'object' && 'style' in old ? (old as { style: unknown }).style : undefined;
  return {
    ...DEFAULT_APPEARANCE,
    style: style === 'background' || style === 'none' || style === 'underline' ? style : 'underline',
  };
}

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
export function normalizeSites(old: unknown): string[] {
  if (!Array.isArray(old)) return [];
  const sites = old.flatMap((entry) => (typeof entry === 'string' ? (normalizeSite(entry) ?? []) : []));
  return [...new Set(sites)];
}

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

/** `storage.local` keys of what a page needs, as settings.ts and matcher-store.ts define them. */
export const PAGE_KEYS = {
  enabled: 'enabled',
  disabledSites: 'disabledSites',
  density: 'density',
  appearance: 'appearance',
} as const;
/** Item versions (settings.ts); older stored values are migrated on read. */
const VERSIONS = { disabledSites: 2, appearance: 2 } as const;

/** Every key one raw read needs: the values and the version metadata WXT keeps beside them. */
export const PAGE_STORAGE_KEYS: string[] = [
  ...Object.values(PAGE_KEYS),
  `${PAGE_KEYS.disabledSites}$`,
  `${PAGE_KEYS.appearance}$`,
];

function storedVersion(meta: unknown): number {
  const v = meta && typeof meta === 'object' ? (meta as { v?: unknown }).v : undefined;
  return typeof v === 'number' ? v : 1;
}

/**
 * One page setting from its raw stored value, as the WXT item would give it: the fallback
 * when absent, migrated when stored by an older version (`version`: the stored one).
 */
export function pageSetting<K extends keyof PageSettings>(
  key: K,
  raw: unknown,
  version: number = key in VERSIONS ? VERSIONS[key as keyof typeof VERSIONS] : 1,
): PageSettings[K] {
  const value = (() => {
    switch (key) {
      case 'enabled':
        return raw ?? true;
      case 'density':
        return raw ?? 'first-per-entity';
      case 'disabledSites':
        return raw == null ? [] : version < VERSIONS.disabledSites ? normalizeSites(raw) : raw;
      default:
        return raw == null ? DEFAULT_APPEARANCE : version < VERSIONS.appearance ? appearanceFromV1(raw) : raw;
    }
  })();
  return value as PageSettings[K];
}

/** The page settings from one raw `storage.local.get(PAGE_STORAGE_KEYS)` result. */
export function pageSettingsFrom(raw: Record<string, unknown>): PageSettings {
  return {
    enabled: pageSetting('enabled', raw[PAGE_KEYS.enabled]),
    disabledSites: pageSetting(
      'disabledSites',
      raw[PAGE_KEYS.disabledSites],
      storedVersion(raw[`${PAGE_KEYS.disabledSites}$`]),
    ),
    density: pageSetting('density', raw[PAGE_KEYS.density]),
    appearance: pageSetting(
      'appearance',
      raw[PAGE_KEYS.appearance],
      storedVersion(raw[`${PAGE_KEYS.appearance}$`]),
    ),
  };
}

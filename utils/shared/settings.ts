/**
 * Every user setting, one `storage.defineItem` each, with fallbacks and versioned
 * migrations. The values, their defaults and migrations live in setting-values.ts, which
 * the content script reads raw in one storage call (no item definitions at page load).
 */
import { storage } from 'wxt/utils/storage';
import {
  appearanceFromV1,
  DEFAULT_APPEARANCE,
  normalizeSites,
  type Appearance,
  type Density,
} from './setting-values';

export * from './setting-values';

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
  migrations: { 2: appearanceFromV1 },
});

/** Topic ids the user turned off (absent = on, so new topics start enabled). */
export const disabledTopicsStorage = storage.defineItem<string[]>('local:disabledTopics', {
  fallback: [],
  version: 1,
});

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

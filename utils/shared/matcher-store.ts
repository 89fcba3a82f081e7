/**
 * The compiled matcher, kept in storage.local by the background so a page load reads
 * it without waking the service worker or rebuilding the automaton.
 */
import { storage } from 'wxt/utils/storage';

export interface StoredMatcher {
  /** The snapshot key it was compiled from. */
  key: string;
  /** `serializeMatcher` output. */
  data: string;
  /** Fingerprint of what it was made from (packs, topics, ignored terms); see refreshMatcher. */
  source?: string;
  /** How many aliases it holds (diagnostics, popup). */
  aliasCount: number;
}

export const matcherStorage = storage.defineItem<StoredMatcher | null>('local:matcher', {
  fallback: null,
  version: 1,
});

/**
 * The fingerprint of what the stored matcher was made from (`StoredMatcher.source`), kept
 * apart so that a waking service worker checks it without reading the whole matcher.
 */
export const matcherSourceStorage = storage.defineItem<string | null>('local:matcherSource', {
  fallback: null,
  version: 1,
});

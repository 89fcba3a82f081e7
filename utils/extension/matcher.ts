/**
 * The matcher's one owner: only the background calls refreshMatcher, which compiles the
 * snapshot (matcher-snapshot.ts) and keeps it in storage.local for content scripts.
 */
import type { BackstoryDatabase } from '../../data/db';
import { MATCHER_FORMAT_VERSION } from '../core/matcher';
import { matcherSourceStorage, matcherStorage } from '../shared/matcher-store';
import { disabledTopicsStorage, ignoredTermsStorage } from '../shared/settings';
import { compileSnapshot, getMatcherSnapshot, hashString } from './matcher-snapshot';

/**
 * Recompiles the matcher when what it is made from changed. The sources (every pack's id,
 * version, state and write time; the disabled topics; the ignored terms) are compared
 * first, with the fingerprint kept beside the matcher, so a service worker that wakes up
 * often reads only the small packs store and three small items, never the matcher itself.
 */
export async function refreshMatcher(db: BackstoryDatabase): Promise<'compiled' | 'current'> {
  const [disabledTopics, ignoredTerms, storedSource, packs] = await Promise.all([
    disabledTopicsStorage.getValue(),
    ignoredTermsStorage.getValue(),
    matcherSourceStorage.getValue(),
    db.getAll('packs'),
  ]);
  const source = hashString(
    JSON.stringify([
      MATCHER_FORMAT_VERSION,
      packs.map((p) => [p.id, p.version, p.enabled, p.installedAt]),
      [...disabledTopics].sort(),
      ignoredTerms,
    ]),
  );
  if (storedSource === source) return 'current';
  // Changed, or stored by a version that kept the fingerprint inside the matcher only.
  const stored = await matcherStorage.getValue();
  if (stored?.source === source) {
    await matcherSourceStorage.setValue(source);
    return 'current';
  }
  const snapshot = await getMatcherSnapshot(db, { disabledTopics, ignoredTerms });
  if (stored?.key === snapshot.key) {
    await matcherStorage.setValue({ ...stored, source });
    await matcherSourceStorage.setValue(source);
    return 'current';
  }
  await matcherStorage.setValue({
    key: snapshot.key,
    source,
    data: compileSnapshot(snapshot),
    aliasCount: snapshot.aliases.length,
  });
  // Written after the matcher: a worker stopped in between recompiles rather than trusting it.
  await matcherSourceStorage.setValue(source);
  return 'compiled';
}

/**
 * The background's data services: open the store, seed the bundled pack, keep the
 * compiled matcher in storage.local in step with packs and settings.
 */
import { openBackstoryDB, writePack, type BackstoryDatabase, type WriteOutcome } from '../../data/db';
import { getMatcherSnapshot } from '../../data/queries';
import { validatePack, type Problem } from '../../data/validate';
import { compileMatcher, serializeMatcher } from '../matcher';
import { matcherStorage } from '../matcher-store';
import { disabledTopicsStorage, ignoredTermsStorage } from '../settings';

let dbPromise: Promise<BackstoryDatabase> | undefined;

/** The store, opened once per service-worker life (a handle, not state). */
export function getDb(): Promise<BackstoryDatabase> {
  dbPromise ??= openBackstoryDB();
  return dbPromise;
}

export class PackRejectedError extends Error {
  constructor(readonly problems: Problem[]) {
    super(
      `pack rejected: ${problems.length} problem(s), first: ${problems[0]?.path} ${problems[0]?.message}`,
    );
  }
}

/**
 * Seeds the bundled pack unless the same or a newer version is stored. Safe to call on
 * every start: it is one read when nothing changed.
 */
export async function ensureBundledPack(db: BackstoryDatabase, bundled: unknown): Promise<WriteOutcome> {
  const result = validatePack(bundled);
  if (!result.ok) throw new PackRejectedError(result.problems);
  return writePack(db, result.pack, 'bundled', { onlyIfNewer: true });
}

/** Recompiles the matcher from the enabled packs and topics when its snapshot changed. */
export async function refreshMatcher(db: BackstoryDatabase): Promise<'compiled' | 'current'> {
  const [disabledTopics, ignoredTerms, stored] = await Promise.all([
    disabledTopicsStorage.getValue(),
    ignoredTermsStorage.getValue(),
    matcherStorage.getValue(),
  ]);
  const snapshot = await getMatcherSnapshot(db, { disabledTopics, ignoredTerms });
  if (stored?.key === snapshot.key) return 'current';
  const compiled = compileMatcher(snapshot.aliases);
  await matcherStorage.setValue({
    key: snapshot.key,
    data: serializeMatcher(compiled),
    aliasCount: snapshot.aliases.length,
  });
  return 'compiled';
}

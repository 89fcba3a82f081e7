/**
 * The background's data services: open the store, seed the bundled pack, keep the
 * compiled matcher in storage.local in step with packs and settings.
 */
import {
  compareVersions,
  openBackstoryDB,
  writePack,
  type BackstoryDatabase,
  type WriteOutcome,
} from '../../data/db';
import { validatePack, type Problem } from '../../data/validate';

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

/** A pack's id and version, read without validating the rest (undefined if they are not there). */
function packHead(data: unknown): { id: string; version: string } | undefined {
  if (typeof data !== 'object' || data === null) return undefined;
  const { id, version } = data as { id?: unknown; version?: unknown };
  return typeof id === 'string' && typeof version === 'string' ? { id, version } : undefined;
}

/**
 * Seeds the bundled pack unless the same or a newer version is stored. Safe to call on
 * every start of the service worker: when nothing changed it is one small read; the pack
 * itself is loaded (`load`) and validated only when it must be written.
 */
export async function ensureBundledPackFrom(
  db: BackstoryDatabase,
  head: { id: string; version: string } | undefined,
  load: () => Promise<unknown>,
): Promise<WriteOutcome> {
  const stored = head ? await db.get('packs', head.id) : undefined;
  if (head && stored && compareVersions(stored.version, head.version) >= 0) return 'unchanged';
  const result = validatePack(await load());
  if (!result.ok) throw new PackRejectedError(result.problems);
  return writePack(db, result.pack, 'bundled', { onlyIfNewer: true });
}

/** `ensureBundledPackFrom` for a pack already in memory. */
export function ensureBundledPack(db: BackstoryDatabase, bundled: unknown): Promise<WriteOutcome> {
  return ensureBundledPackFrom(db, packHead(bundled), async () => bundled);
}

/**
 * The snapshot the matcher is compiled from: every alias of the enabled packs and topics,
 * minus ignored terms, read from the store. Pure over the database (no storage.local),
 * so the benchmark times exactly this; `matcher.ts` owns compiling and storing it.
 */
import { aliasKey } from '../../data/alias-key';
import type { BackstoryDatabase } from '../../data/db';
import { compileMatcher, serializeMatcher } from '../core/matcher';
import type { MatcherSnapshot, SnapshotAlias } from '../core/matcher';

export interface SnapshotOptions {
  /** Topic keys the user turned off. */
  disabledTopics?: readonly string[];
  /** Alias texts (any case) the user asked never to highlight, per entity. */
  ignoredTerms?: readonly { entityId: string; text: string }[];
}

/**
 * Every alias of the enabled packs and topics, as the matcher compiles it. An entity
 * counts when at least one of its topics is on. The key changes with the content.
 */
export async function getMatcherSnapshot(
  db: BackstoryDatabase,
  { disabledTopics = [], ignoredTerms = [] }: SnapshotOptions = {},
): Promise<MatcherSnapshot> {
  const packs = (await db.getAll('packs')).filter((p) => p.enabled);
  const off = new Set(disabledTopics);
  const ignored = new Set(ignoredTerms.map((t) => `${t.entityId}\u0000${aliasKey(t.text)}`));
  const aliases: SnapshotAlias[] = [];
  for (const pack of packs.sort((a, b) => a.id.localeCompare(b.id))) {
    const entities = await db.getAllFromIndex('entities', 'packId', pack.id);
    for (const entity of entities) {
      if (!entity.topics.some((t) => !off.has(t))) continue;
      for (const alias of entity.aliases) {
        if (ignored.has(`${entity.key}\u0000${aliasKey(alias.text)}`)) continue;
        aliases.push({
          text: alias.text,
          entityId: entity.key,
          caseSensitive: alias.caseSensitive,
          ...(alias.context ? { context: alias.context } : {}),
          ...(alias.notAfter ? { notAfter: alias.notAfter } : {}),
          ...(alias.notBefore ? { notBefore: alias.notBefore } : {}),
        });
      }
    }
  }
  const packPart = packs.map((p) => `${p.id}@${p.version}`).join(',');
  return { key: `${packPart}|${hashString(JSON.stringify(aliases))}`, aliases };
}

/** FNV-1a, enough to tell two snapshots apart; not for security. */
export function hashString(text: string): string {
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    h ^= text.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return (h >>> 0).toString(16).padStart(8, '0');
}

/** Compiles a snapshot into the string content scripts load (what refreshMatcher stores). */
export function compileSnapshot(snapshot: MatcherSnapshot): string {
  return serializeMatcher(compileMatcher(snapshot.aliases));
}

/** Rebuilds a pack's JSON from the store, so a user can take an installed pack elsewhere. */
import type { BackstoryDatabase } from './db';
import { packKeyRange } from './records';
import { PACK_FORMAT, type Pack } from './schema';

export async function exportPack(db: BackstoryDatabase, packId: string): Promise<Pack | undefined> {
  const { lower, upper } = packKeyRange(packId);
  const range = IDBKeyRange.bound(lower, upper);
  const tx = db.transaction(['packs', 'topics', 'entities', 'events']);
  const [pack, topics, entities, events] = await Promise.all([
    tx.objectStore('packs').get(packId),
    tx.objectStore('topics').getAll(range),
    tx.objectStore('entities').getAll(range),
    tx.objectStore('events').getAll(range),
  ]);
  await tx.done;
  if (!pack) return undefined;
  const local = (key: string) => key.slice(packId.length + 1);
  return {
    format: PACK_FORMAT,
    id: pack.id,
    version: pack.version,
    title: pack.title,
    description: pack.description,
    asOf: pack.asOf,
    license: pack.license,
    topics: topics.map((t) => ({ id: t.id, label: t.label, description: t.description })),
    entities: entities.map((e) => ({
      id: e.id,
      name: e.name,
      kind: e.kind,
      summary: e.summary,
      aliases: e.aliases.map((a) =>
        !a.caseSensitive && !a.context
          ? a.text
          : {
              text: a.text,
              ...(a.caseSensitive ? { caseSensitive: true } : {}),
              ...(a.context ? { context: a.context } : {}),
            },
      ),
      topics: e.topics.map(local),
      facts: e.facts,
      related: e.related.map(local),
    })),
    events: events
      .sort((a, b) => a.startKey.localeCompare(b.startKey) || a.id.localeCompare(b.id))
      .map((e) => ({
        id: e.id,
        date: e.date,
        ...(e.end ? { end: e.end } : {}),
        title: e.title,
        description: e.description,
        entities: e.entities.map(local),
        topics: e.topics.map(local),
        importance: e.importance,
        sources: e.sources,
      })),
  };
}

/**
 * The IndexedDB store. Opened only in the extension's own origin (background, side
 * panel, popup, options): a content script never calls this.
 */
import { openDB, type DBSchema, type IDBPDatabase, type IDBPTransaction, type StoreNames } from 'idb';
import { aliasKey } from './alias-key';
import { startKey } from './dates';
import {
  keyOf,
  type AliasRecord,
  packKeyRange,
  type EntityRecord,
  type EventLinkRecord,
  type EventRecord,
  type PackOrigin,
  type PackRecord,
  type TopicRecord,
} from './records';
import type { Pack } from './schema';
import { aliasRule, packStats } from './validate';

export const DB_NAME = 'backstory';
export const DB_VERSION = 2;

export interface BackstoryDB extends DBSchema {
  packs: { key: string; value: PackRecord };
  topics: { key: string; value: TopicRecord; indexes: { packId: string } };
  entities: {
    key: string;
    value: EntityRecord;
    indexes: { packId: string; aliasKeys: string; topics: string; words: string };
  };
  events: { key: string; value: EventRecord; indexes: { packId: string; startKey: string } };
  eventLinks: { key: [string, string, string]; value: EventLinkRecord };
}

export type BackstoryDatabase = IDBPDatabase<BackstoryDB>;
type UpgradeTx = IDBPTransaction<BackstoryDB, StoreNames<BackstoryDB>[], 'versionchange'>;

/**
 * Schema history. Version 1 had packs, topics, entities (by alias, topic) and events
 * (by entity via a multiEntry index). Version 2 adds the search index on entities and
 * replaces the multiEntry event index by `eventLinks`, which orders an entity's events
 * by date. Each step keeps the data of the step before.
 */
export function openBackstoryDB(name = DB_NAME): Promise<BackstoryDatabase> {
  return openDB<BackstoryDB>(name, DB_VERSION, {
    async upgrade(db, oldVersion, _newVersion, tx) {
      if (oldVersion < 1) {
        db.createObjectStore('packs', { keyPath: 'id' });
        const topics = db.createObjectStore('topics', { keyPath: 'key' });
        topics.createIndex('packId', 'packId');
        const entities = db.createObjectStore('entities', { keyPath: 'key' });
        entities.createIndex('packId', 'packId');
        entities.createIndex('aliasKeys', 'aliasKeys', { multiEntry: true });
        entities.createIndex('topics', 'topics', { multiEntry: true });
        const events = db.createObjectStore('events', { keyPath: 'key' });
        events.createIndex('packId', 'packId');
        events.createIndex('startKey', 'startKey');
        // v1's index, dropped in v2.
        (events as unknown as IDBObjectStore).createIndex('entities', 'entities', { multiEntry: true });
      }
      if (oldVersion < 2) await upgradeToV2(db, tx);
    },
  });
}

async function upgradeToV2(db: BackstoryDatabase, tx: UpgradeTx): Promise<void> {
  const entities = tx.objectStore('entities');
  entities.createIndex('words', 'words', { multiEntry: true });
  const links = db.createObjectStore('eventLinks', { keyPath: ['entityKey', 'startKey', 'eventKey'] });
  const events = tx.objectStore('events');
  const rawEvents = events as unknown as { indexNames: DOMStringList; deleteIndex(name: string): void };
  if (rawEvents.indexNames.contains('entities')) rawEvents.deleteIndex('entities');
  for (let cursor = await events.openCursor(); cursor; cursor = await cursor.continue()) {
    for (const entityKey of cursor.value.entities) {
      const { startKey, key: eventKey, date, importance } = cursor.value;
      await links.put({ entityKey, startKey, eventKey, date, importance });
    }
  }
  for (let cursor = await entities.openCursor(); cursor; cursor = await cursor.continue()) {
    if (!cursor.value.words) await cursor.update({ ...cursor.value, words: searchWords(cursor.value) });
  }
}

/** Folded words of at least two characters from the name, aliases and summary. */
export function searchWords(entity: Pick<EntityRecord, 'name' | 'aliases' | 'summary'>): string[] {
  const text = [entity.name, ...entity.aliases.map((a) => a.text), entity.summary].join(' ');
  const words = new Set<string>();
  for (const word of aliasKey(text).split(/[^\p{L}\p{N}]+/u)) if (word.length >= 2) words.add(word);
  return [...words];
}

/** Turns a validated pack into the records the store keeps. */
export function packRecords(pack: Pack, origin: PackOrigin, now = Date.now()) {
  const k = (id: string) => keyOf(pack.id, id);
  const stats = packStats(pack);
  const packRecord: PackRecord = {
    id: pack.id,
    version: pack.version,
    title: pack.title,
    description: pack.description,
    asOf: pack.asOf,
    license: pack.license,
    origin,
    enabled: true,
    counts: {
      entities: stats.entities,
      events: stats.events,
      sources: stats.sources,
      topics: pack.topics.length,
    },
    installedAt: now,
  };
  const topics: TopicRecord[] = pack.topics.map((t) => ({ key: k(t.id), packId: pack.id, ...t }));
  const entities: EntityRecord[] = pack.entities.map((e) => {
    const aliases = e.aliases.map((a): AliasRecord => {
      const rule = aliasRule(a);
      return {
        text: rule.text,
        caseSensitive: rule.caseSensitive,
        ...(rule.context.length > 0 ? { context: rule.context } : {}),
        ...(rule.notAfter.length > 0 ? { notAfter: rule.notAfter } : {}),
        ...(rule.notBefore.length > 0 ? { notBefore: rule.notBefore } : {}),
      };
    });
    const record: EntityRecord = {
      key: k(e.id),
      packId: pack.id,
      id: e.id,
      name: e.name,
      kind: e.kind,
      summary: e.summary,
      aliases,
      topics: e.topics.map(k),
      facts: e.facts,
      related: e.related.map(k),
      aliasKeys: [...new Set([e.name, ...aliases.map((a) => a.text)].map(aliasKey))],
      words: [],
    };
    record.words = searchWords(record);
    return record;
  });
  const events: EventRecord[] = pack.events.map((e) => ({
    key: k(e.id),
    packId: pack.id,
    id: e.id,
    date: e.date,
    ...(e.end ? { end: e.end } : {}),
    startKey: startKey(e.date),
    title: e.title,
    description: e.description,
    entities: [...new Set(e.entities)].map(k),
    topics: e.topics.map(k),
    importance: e.importance,
    sources: e.sources,
  }));
  const links: EventLinkRecord[] = events.flatMap((e) =>
    e.entities.map((entityKey) => ({
      entityKey,
      startKey: e.startKey,
      eventKey: e.key,
      date: e.date,
      importance: e.importance,
    })),
  );
  return { packRecord, topics, entities, events, links };
}

export type WriteOutcome = 'written' | 'unchanged';

/**
 * Writes a validated pack in ONE transaction: its old records are deleted and the new
 * ones put, so a reader sees the old pack or the new one, never half of either. With
 * `onlyIfNewer`, a pack already stored at the same or a newer version is left alone,
 * checked inside the same transaction so two contexts seeding at once write it once.
 * A pack's `enabled` flag survives an update.
 */
export async function writePack(
  db: BackstoryDatabase,
  pack: Pack,
  origin: PackOrigin,
  { onlyIfNewer = false }: { onlyIfNewer?: boolean } = {},
): Promise<WriteOutcome> {
  const records = packRecords(pack, origin);
  const tx = db.transaction(['packs', 'topics', 'entities', 'events', 'eventLinks'], 'readwrite');
  const existing = await tx.objectStore('packs').get(pack.id);
  if (existing && onlyIfNewer && compareVersions(existing.version, pack.version) >= 0) {
    await tx.done;
    return 'unchanged';
  }
  if (existing) {
    records.packRecord.enabled = existing.enabled;
    // Strictly later than the version it replaces, so a rewrite is always noticed.
    records.packRecord.installedAt = Math.max(records.packRecord.installedAt, existing.installedAt + 1);
  }
  const writes: Promise<unknown>[] = [];
  try {
    writes.push(...deletePackRecords(tx, pack.id));
    writes.push(tx.objectStore('packs').put(records.packRecord));
    const topics = tx.objectStore('topics');
    for (const r of records.topics) writes.push(topics.put(r));
    const entities = tx.objectStore('entities');
    for (const r of records.entities) writes.push(entities.put(r));
    const events = tx.objectStore('events');
    for (const r of records.events) writes.push(events.put(r));
    const links = tx.objectStore('eventLinks');
    for (const r of records.links) writes.push(links.put(r));
    await Promise.all([...writes, tx.done]);
  } catch (error) {
    // A request that throws mid-way must not let the queued half commit.
    for (const w of writes) w.catch(() => undefined);
    try {
      tx.abort();
    } catch {
      // already finished or aborted
    }
    await tx.done.catch(() => undefined);
    throw error;
  }
  return 'written';
}

type WriteTx = IDBPTransaction<
  BackstoryDB,
  ('packs' | 'topics' | 'entities' | 'events' | 'eventLinks')[],
  'readwrite'
>;

function deletePackRecords(tx: WriteTx, packId: string): Promise<unknown>[] {
  const { lower, upper } = packKeyRange(packId);
  const range = IDBKeyRange.bound(lower, upper);
  return [
    tx.objectStore('topics').delete(range),
    tx.objectStore('entities').delete(range),
    tx.objectStore('events').delete(range),
    tx.objectStore('eventLinks').delete(IDBKeyRange.bound([lower], [upper])),
  ];
}

/** Removes a pack and everything in it, in one transaction. */
export async function removePack(db: BackstoryDatabase, packId: string): Promise<void> {
  const tx = db.transaction(['packs', 'topics', 'entities', 'events', 'eventLinks'], 'readwrite');
  await Promise.all([...deletePackRecords(tx, packId), tx.objectStore('packs').delete(packId), tx.done]);
}

/** Turns a pack on or off without touching its data. */
export async function setPackEnabled(db: BackstoryDatabase, packId: string, enabled: boolean): Promise<void> {
  const tx = db.transaction('packs', 'readwrite');
  const record = await tx.store.get(packId);
  if (record) await tx.store.put({ ...record, enabled });
  await tx.done;
}

/** Compares MAJOR.MINOR.PATCH versions numerically. */
export function compareVersions(a: string, b: string): number {
  const pa = a.split('.').map(Number);
  const pb = b.split('.').map(Number);
  for (let i = 0; i < 3; i++) {
    const d = (pa[i] ?? 0) - (pb[i] ?? 0);
    if (d !== 0) return d;
  }
  return 0;
}

/**
 * Read queries over the store, each an indexed lookup. Extension pages call these
 * directly; content scripts reach `getEntityCard` through a background message.
 * Results are plain data: components never see a database handle.
 */
import { aliasKey } from './alias-key';
import { isAfterKnowledge, relativeTo } from './dates';
import type { BackstoryDatabase } from './db';
import type { EntityRecord, EventRecord, PackRecord, TopicRecord } from './records';

/** An entity as the UI shows it, by name, for chips and links. */
export interface EntityRef {
  key: string;
  name: string;
  kind: EntityRecord['kind'];
}

/** An event with the entities it involves resolved to names. */
export interface TimelineItem extends Omit<EventRecord, 'entities'> {
  entities: EntityRef[];
}

export interface EntityCard {
  entity: Omit<EntityRecord, 'aliasKeys' | 'words'>;
  /** Up to four key facts. */
  facts: EntityRecord['facts'];
  /** The pack's asOf, when the article is dated after it: the card says the knowledge ends there. */
  knowledgeEnds?: string;
  /** The most important events up to the article (or the latest, without a date), oldest first. */
  before: TimelineItem[];
  /** The most important events after the article, oldest first. */
  after: TimelineItem[];
  /** Events after the article not shown in `after`. */
  moreAfter: number;
  /** All events up to the article / after it. */
  totalBefore: number;
  totalAfter: number;
  articleDate?: string;
  related: EntityRef[];
  topics: TopicRecord[];
}

/** The name-and-kind reference of an entity. */
export const ref = (e: EntityRecord): EntityRef => ({ key: e.key, name: e.name, kind: e.kind });

/** An entity mentioned on a page, with how often and where first. */
export interface PageEntity extends EntityRef {
  topics: string[];
  count: number;
  /** Order of the first mention in the document, 0-based. */
  order: number;
}

/**
 * Resolves a page report's mentions to entities in one read transaction, in the
 * report's order; mentions of entities no longer stored (a pack removed) are left out.
 * The popup and the side panel both show a page through this one function.
 */
export async function entitiesOfMentions(
  db: BackstoryDatabase,
  mentions: readonly { entityId: string; count: number; order: number }[],
): Promise<PageEntity[]> {
  const tx = db.transaction('entities');
  const records = await Promise.all(mentions.map((m) => tx.store.get(m.entityId)));
  await tx.done;
  return mentions.flatMap((m, i) => {
    const e = records[i];
    return e ? [{ ...ref(e), topics: e.topics, count: m.count, order: m.order }] : [];
  });
}

export async function relatedEntities(db: BackstoryDatabase, key: string): Promise<EntityRef[]> {
  const entity = await db.get('entities', key);
  if (!entity) return [];
  return resolveRefs(db, entity.related);
}

async function resolveRefs(db: BackstoryDatabase, keys: readonly string[]): Promise<EntityRef[]> {
  const tx = db.transaction('entities');
  const found = await Promise.all(keys.map((k) => tx.store.get(k)));
  await tx.done;
  return found.filter((e): e is EntityRecord => e !== undefined).map(ref);
}

export interface CardOptions {
  /** How many events the card shows in all (3 to 5; 4 keeps a card on one screen). */
  maxEvents?: number;
  /** At most this many of them after the article (more when the past is thin). */
  maxAfter?: number;
}

/**
 * Picks the events a card shows. Pure, so the rule is tested on its own: up to the
 * article, the latest one and then the most important (ties: the nearest to the
 * article); after it, the most important (ties: the soonest). Without a date, the
 * latest events.
 */
export function pickCardEvents<T extends Pick<EventRecord, 'date' | 'importance' | 'startKey' | 'key'>>(
  events: readonly T[],
  articleDate: string | undefined,
  { maxEvents = 4, maxAfter = 1 }: CardOptions = {},
): { before: T[]; after: T[]; totalBefore: number; totalAfter: number } {
  const byDate = (a: T, b: T) => a.startKey.localeCompare(b.startKey) || a.key.localeCompare(b.key);
  if (!articleDate) {
    const latest = [...events].sort(byDate).slice(-Math.min(maxEvents, 4));
    return { before: latest, after: [], totalBefore: events.length, totalAfter: 0 };
  }
  const before = events.filter((e) => relativeTo(e.date, articleDate) === 'before');
  const after = events.filter((e) => relativeTo(e.date, articleDate) === 'after');
  const pickAfter = [...after]
    .sort((a, b) => b.importance - a.importance || byDate(a, b))
    .slice(0, Math.min(maxAfter, after.length));
  const roomBefore = maxEvents - pickAfter.length;
  // The latest event before the article always leads in: it is where the story stands.
  const latest = [...before].sort(byDate).at(-1);
  const pickBefore = [...before]
    .sort(
      (a, b) =>
        (b === latest ? 1 : 0) - (a === latest ? 1 : 0) || b.importance - a.importance || byDate(b, a),
    )
    .slice(0, roomBefore);
  // Fill spare room with more events after the article when the past is thin.
  const spare = maxEvents - pickBefore.length - pickAfter.length;
  if (spare > 0) {
    const rest = [...after]
      .sort((a, b) => b.importance - a.importance || byDate(a, b))
      .filter((e) => !pickAfter.includes(e))
      .slice(0, spare);
    pickAfter.push(...rest);
  }
  return {
    before: pickBefore.sort(byDate),
    after: pickAfter.sort(byDate),
    totalBefore: before.length,
    totalAfter: after.length,
  };
}

/** Everything a hover card shows about one entity, chosen around the article's date. */
export async function getEntityCard(
  db: BackstoryDatabase,
  key: string,
  articleDate?: string,
  options?: CardOptions,
): Promise<EntityCard | undefined> {
  // One read transaction for everything the card shows.
  const tx = db.transaction(['entities', 'eventLinks', 'events', 'topics', 'packs']);
  const entities = tx.objectStore('entities');
  const entity = await entities.get(key);
  if (!entity) {
    await tx.done;
    return undefined;
  }
  // Choose from the link rows (date, importance), then read only the chosen events.
  const links = await tx.objectStore('eventLinks').getAll(IDBKeyRange.bound([key], [key, '\uffff']));
  const picked = pickCardEvents(
    links.map((l) => ({ key: l.eventKey, date: l.date, importance: l.importance, startKey: l.startKey })),
    articleDate,
    options,
  );
  const events = tx.objectStore('events');
  const [chosenBefore, chosenAfter] = await Promise.all(
    [picked.before, picked.after].map(async (list) =>
      (await Promise.all(list.map((c) => events.get(c.key)))).filter(
        (e): e is EventRecord => e !== undefined,
      ),
    ),
  );
  const refKeys = [
    ...new Set([...[...chosenBefore!, ...chosenAfter!].flatMap((e) => e.entities), ...entity.related]),
  ];
  const [refRecords, topics, pack] = await Promise.all([
    Promise.all(refKeys.map((k) => entities.get(k))),
    Promise.all(entity.topics.map((t) => tx.objectStore('topics').get(t))),
    tx.objectStore('packs').get(entity.packId),
  ]);
  await tx.done;
  const refs = new Map(
    refRecords.filter((e): e is EntityRecord => e !== undefined).map((e) => [e.key, ref(e)]),
  );
  const resolve = (keys: readonly string[]) =>
    keys.map((k) => refs.get(k)).filter((r): r is EntityRef => r !== undefined);
  const withRefs = (list: EventRecord[]): TimelineItem[] =>
    list.map((e) => ({ ...e, entities: resolve(e.entities) }));
  const before = withRefs(chosenBefore!);
  const after = withRefs(chosenAfter!);
  const related = resolve(entity.related);
  const { aliasKeys: _a, words: _w, ...shown } = entity;
  return {
    entity: shown,
    facts: entity.facts.slice(0, 4),
    before,
    after,
    moreAfter: picked.totalAfter - after.length,
    totalBefore: picked.totalBefore,
    totalAfter: picked.totalAfter,
    ...(articleDate ? { articleDate } : {}),
    ...(pack && isAfterKnowledge(articleDate, pack.asOf) ? { knowledgeEnds: pack.asOf } : {}),
    related,
    topics: topics.filter((t): t is TopicRecord => t !== undefined),
  };
}

export interface TimelineFilters {
  /** Only events in one of these topic keys. */
  topics?: readonly string[];
  minImportance?: number;
}

/** An entity's full timeline, oldest first, filtered. */
export async function getTimeline(
  db: BackstoryDatabase,
  key: string,
  filters: TimelineFilters = {},
): Promise<TimelineItem[]> {
  // One read transaction: the entity's links, its events, then the entities they involve.
  const tx = db.transaction(['eventLinks', 'events', 'entities']);
  const links = await tx.objectStore('eventLinks').getAll(IDBKeyRange.bound([key], [key, '\uffff']));
  const wanted = links.filter((l) => l.importance >= (filters.minImportance ?? 1));
  const events = tx.objectStore('events');
  const records = (await Promise.all(wanted.map((l) => events.get(l.eventKey)))).filter(
    (e): e is EventRecord =>
      e !== undefined &&
      (!filters.topics || filters.topics.length === 0 || e.topics.some((t) => filters.topics!.includes(t))),
  );
  const entities = tx.objectStore('entities');
  const keys = [...new Set(records.flatMap((e) => e.entities))];
  const found = await Promise.all(keys.map((k) => entities.get(k)));
  await tx.done;
  const refs = new Map(found.filter((e): e is EntityRecord => e !== undefined).map((e) => [e.key, ref(e)]));
  return records.map((e) => ({
    ...e,
    entities: e.entities.map((k) => refs.get(k)).filter((r): r is EntityRef => r !== undefined),
  }));
}

export interface SearchResult extends EntityRef {
  summary: string;
  score: number;
  /** The alias or name that matched, when one did. */
  matched?: string;
}

/**
 * Search over names, aliases and summaries, ranked: an exact name or alias first, then
 * names and aliases that start with the query, then entities whose words start with
 * every query word (names before summaries). Each query word is one index range.
 */
export async function searchEntities(
  db: BackstoryDatabase,
  text: string,
  limit = 20,
): Promise<SearchResult[]> {
  const query = aliasKey(text);
  const words = query.split(/[^\p{L}\p{N}]+/u).filter((w) => w.length > 0);
  if (words.length === 0) return [];
  const tx = db.transaction('entities');
  const byWords = tx.store.index('words');
  // Capped: a one-letter query must not read the whole index.
  const perWord = await Promise.all(
    words.map((w) => byWords.getAllKeys(IDBKeyRange.bound(w, `${w}\uffff`), 500)),
  );
  const byAlias = await tx.store.index('aliasKeys').getAll(IDBKeyRange.bound(query, `${query}\uffff`), 200);
  let candidates = new Set(perWord[0]);
  for (const keys of perWord.slice(1)) candidates = new Set(keys.filter((k) => candidates.has(k)));
  for (const e of byAlias) candidates.add(e.key);
  const entities = await Promise.all([...candidates].map((k) => tx.store.get(k)));
  await tx.done;
  const results: SearchResult[] = [];
  for (const e of entities) {
    if (!e) continue;
    const name = aliasKey(e.name);
    let score = 0;
    let matched: string | undefined;
    if (name === query) score = 100;
    else if (e.aliasKeys.includes(query)) score = 90;
    else if (name.startsWith(query)) score = 80;
    else if (e.aliasKeys.some((k) => k.startsWith(query))) score = 70;
    else {
      const nameWords = name.split(/[^\p{L}\p{N}]+/u);
      score = words.every((w) => nameWords.some((n) => n.startsWith(w))) ? 50 : 20;
    }
    if (score >= 70 && score < 100) {
      // For an exact alias, name that alias, not a longer name that merely starts with the query.
      const texts = [e.name, ...e.aliases.map((a) => a.text)];
      matched =
        score === 90
          ? texts.find((t) => aliasKey(t) === query)
          : texts.find((t) => aliasKey(t).startsWith(query));
    }
    results.push({ ...ref(e), summary: e.summary, score, ...(matched ? { matched } : {}) });
  }
  return results.sort((a, b) => b.score - a.score || a.name.localeCompare(b.name)).slice(0, limit);
}

export interface TopicSummary extends TopicRecord {
  entityCount: number;
  packTitle: string;
}

/** Topics of every installed pack, with entity counts. */
export async function listTopics(db: BackstoryDatabase): Promise<TopicSummary[]> {
  const [topics, packs] = await Promise.all([db.getAll('topics'), db.getAll('packs')]);
  const titles = new Map(packs.map((p) => [p.id, p.title]));
  const counts = await Promise.all(topics.map((t) => db.countFromIndex('entities', 'topics', t.key)));
  return topics.map((t, i) => ({
    ...t,
    entityCount: counts[i] ?? 0,
    packTitle: titles.get(t.packId) ?? t.packId,
  }));
}

export async function listPacks(db: BackstoryDatabase): Promise<PackRecord[]> {
  return db.getAll('packs');
}

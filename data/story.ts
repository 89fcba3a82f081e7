/**
 * "Story so far": one chronology merged from the events of every entity on a page.
 * The query reads everything in one transaction; the choosing (dedupe, filters, the
 * default importance) is pure and tested on its own.
 */
import { relativeTo } from './dates';
import type { BackstoryDatabase } from './db';
import { ref, type EntityRef, type TimelineItem } from './queries';
import type { EntityRecord, EventRecord, TopicRecord } from './records';

/** An event of the story: its entities resolved, and which of them the page mentions. */
export interface StoryItem extends TimelineItem {
  /** Keys of the entities on the page that this event involves (at least one). */
  onPage: string[];
}

export interface StoryData {
  events: StoryItem[];
  /** The topics the events belong to, for the filter, in label order. */
  topics: TopicRecord[];
  /** How many of the page's entities have at least one event. */
  entityCount: number;
}

export interface EventFilter {
  minImportance: number;
  /** A topic key, or '' for all. */
  topic: string;
}

/** The importance floors the filter offers, highest first: turning points, major, notable, all. */
export const IMPORTANCE_FLOORS = [5, 4, 3, 1] as const;
/** A story needs at least this many events; the default floor is the highest that gives as many. */
export const STORY_MIN_EVENTS = 6;

/**
 * The importance the story opens with: the highest floor that still tells a story of
 * `STORY_MIN_EVENTS` events (a page of many entities opens on its turning points, a
 * page of few on more), or every event when even that is too few.
 */
export function defaultStoryImportance(events: readonly Pick<StoryItem, 'importance'>[]): number {
  for (const floor of IMPORTANCE_FLOORS)
    if (events.filter((e) => e.importance >= floor).length >= STORY_MIN_EVENTS) return floor;
  return 1;
}

/** The events a timeline shows for a filter (the input order is kept): entity page and story alike. */
export function filterEvents<T extends Pick<StoryItem, 'importance' | 'topics'>>(
  events: readonly T[],
  filters: EventFilter,
): T[] {
  return events.filter(
    (e) =>
      e.importance >= filters.minImportance && (filters.topic === '' || e.topics.includes(filters.topic)),
  );
}

/** How many events lead up to the article and how many follow it. */
export function splitCount(
  events: readonly Pick<StoryItem, 'date'>[],
  articleDate: string | undefined,
): { before: number; after: number } {
  if (!articleDate) return { before: events.length, after: 0 };
  const after = events.filter((e) => relativeTo(e.date, articleDate) === 'after').length;
  return { before: events.length - after, after };
}

/**
 * Merges the events of `entityKeys` (the page's entities): each event once, oldest
 * first, with every entity it involves named and the page's own ones listed first.
 */
export function mergeStory(
  pageKeys: readonly string[],
  events: readonly EventRecord[],
  entities: ReadonlyMap<string, EntityRef>,
): StoryItem[] {
  const onPage = new Set(pageKeys);
  const seen = new Set<string>();
  const items: StoryItem[] = [];
  for (const e of events) {
    if (seen.has(e.key)) continue;
    seen.add(e.key);
    const mine = e.entities.filter((k) => onPage.has(k));
    if (mine.length === 0) continue;
    const ordered = [...mine, ...e.entities.filter((k) => !onPage.has(k))];
    items.push({
      ...e,
      entities: ordered.map((k) => entities.get(k)).filter((r): r is EntityRef => r !== undefined),
      onPage: mine,
    });
  }
  return items.sort((a, b) => a.startKey.localeCompare(b.startKey) || a.key.localeCompare(b.key));
}

/** The story of a page's entities, read in one transaction. */
export async function getStory(db: BackstoryDatabase, pageKeys: readonly string[]): Promise<StoryData> {
  const tx = db.transaction(['eventLinks', 'events', 'entities', 'topics']);
  const linkStore = tx.objectStore('eventLinks');
  const links = (
    await Promise.all(pageKeys.map((k) => linkStore.getAll(IDBKeyRange.bound([k], [k, '\uffff']))))
  ).flat();
  const entityCount = new Set(links.map((l) => l.entityKey)).size;
  const eventKeys = [...new Set(links.map((l) => l.eventKey))];
  const eventStore = tx.objectStore('events');
  const events = (await Promise.all(eventKeys.map((k) => eventStore.get(k)))).filter(
    (e): e is EventRecord => e !== undefined,
  );
  const entityStore = tx.objectStore('entities');
  const refKeys = [...new Set(events.flatMap((e) => e.entities))];
  const topicKeys = [...new Set(events.flatMap((e) => e.topics))];
  const topicStore = tx.objectStore('topics');
  const [found, topics] = await Promise.all([
    Promise.all(refKeys.map((k) => entityStore.get(k))),
    Promise.all(topicKeys.map((k) => topicStore.get(k))),
  ]);
  await tx.done;
  const refs = new Map(found.filter((e): e is EntityRecord => e !== undefined).map((e) => [e.key, ref(e)]));
  return {
    events: mergeStory(pageKeys, events, refs),
    topics: topics
      .filter((t): t is TopicRecord => t !== undefined)
      .sort((a, b) => a.label.localeCompare(b.label)),
    entityCount,
  };
}

/**
 * "Story so far": the merged chronology of a page's entities, from a seeded fake
 * IndexedDB, and the pure rules that choose what it shows first.
 */
import { describe, expect, it } from 'vitest';
import {
  defaultStoryImportance,
  filterEvents,
  getStory,
  mergeStory,
  splitCount,
  STORY_MIN_EVENTS,
} from '../../../data/story';
import type { EventRecord } from '../../../data/records';
import { seeded } from '../../fixtures/store';

const T = (id: string) => `test-pack:${id}`;
const ids = (records: readonly { id: string }[]) => records.map((r) => r.id);

describe('getStory', () => {
  it('merges the events of every page entity, each once, oldest first', async () => {
    const db = await seeded();
    const story = await getStory(db, [T('northwind'), T('ada-quill'), T('trade-office')]);
    expect(ids(story.events)).toEqual([
      'nw-founded',
      'otr-created',
      'list-created',
      'quill-arrest',
      'nw-sales',
      'nw-listed',
      'nw-licence',
      'nw-rule',
      'quill-release',
      'nw-phone',
      'nw-revoke',
    ]);
    expect(story.entityCount).toBe(3);
    expect(story.topics.map((t) => t.label)).toEqual(['Trade']);
  });

  it('names every entity of a shared event, the page’s own first, and says which are on the page', async () => {
    const db = await seeded();
    const story = await getStory(db, [T('trade-office'), T('northwind')]);
    const listed = story.events.find((e) => e.id === 'nw-listed')!;
    // The event's order is northwind, restricted-list, trade-office; the page's two lead.
    expect(listed.entities.map((e) => e.name)).toEqual([
      'Northwind Telecom',
      'Office of Trade Rules',
      'Restricted List',
    ]);
    expect(listed.onPage).toEqual([T('northwind'), T('trade-office')]);
    expect(listed.sources[0]?.url).toBe('https://example.org/nw-listed');
  });

  it('is empty for no entities or unknown ones', async () => {
    const db = await seeded();
    expect(await getStory(db, [])).toEqual({ events: [], topics: [], entityCount: 0 });
    expect((await getStory(db, ['nope:nothing'])).events).toEqual([]);
  });
});

describe('the story’s rules (pure)', () => {
  const record = (key: string, startKey: string, entities: string[]): EventRecord => ({
    key,
    packId: 'p',
    id: key,
    date: startKey,
    startKey,
    title: key,
    description: '',
    entities,
    topics: [],
    importance: 3,
    sources: [],
  });

  it('mergeStory drops duplicates and events of no page entity, and sorts by date', () => {
    const refs = new Map([
      ['a', { key: 'a', name: 'A', kind: 'company' as const }],
      ['b', { key: 'b', name: 'B', kind: 'company' as const }],
    ]);
    const events = [
      record('late', '2020-01-01', ['a']),
      record('early', '2010-01-01', ['b', 'a']),
      record('late', '2020-01-01', ['a']),
      record('elsewhere', '2015-01-01', ['c']),
    ];
    const merged = mergeStory(['a'], events, refs);
    expect(merged.map((e) => e.key)).toEqual(['early', 'late']);
    expect(merged[0]!.entities.map((e) => e.key)).toEqual(['a', 'b']);
    expect(merged[0]!.onPage).toEqual(['a']);
  });

  it('opens on the highest importance that still tells a story, else on every event', () => {
    const of = (...importances: number[]) => importances.map((importance) => ({ importance }));
    const n = (count: number, importance: number) => Array<number>(count).fill(importance);
    expect(defaultStoryImportance(of(...n(STORY_MIN_EVENTS, 5), 2))).toBe(5);
    expect(defaultStoryImportance(of(...n(STORY_MIN_EVENTS - 1, 5), 4, 2))).toBe(4);
    expect(defaultStoryImportance(of(...n(STORY_MIN_EVENTS - 1, 5), 3, 3))).toBe(3);
    expect(defaultStoryImportance(of(5, 3, 2))).toBe(1);
    expect(defaultStoryImportance([])).toBe(1);
  });

  it('filters by importance and topic together, keeping the order', () => {
    const events = [
      { key: 'a', importance: 5, topics: ['t1'] },
      { key: 'b', importance: 2, topics: ['t1'] },
      { key: 'c', importance: 4, topics: ['t2'] },
    ];
    expect(filterEvents(events, { minImportance: 4, topic: '' }).map((e) => e.key)).toEqual(['a', 'c']);
    expect(filterEvents(events, { minImportance: 1, topic: 't1' }).map((e) => e.key)).toEqual(['a', 'b']);
    expect(filterEvents(events, { minImportance: 5, topic: 't2' })).toEqual([]);
  });

  it('counts the events up to the article (its day and coarse dates containing it) and after', () => {
    const events = [{ date: '2019' }, { date: '2019-07-03' }, { date: '2019-07-04' }, { date: '2021' }];
    expect(splitCount(events, '2019-07-03')).toEqual({ before: 2, after: 2 });
    expect(splitCount(events, undefined)).toEqual({ before: 4, after: 0 });
  });
});

/**
 * Every read query over a seeded fake IndexedDB, and the pure card-picking rule. Each
 * test gets a fresh database (tests/setup.ts).
 */
import { describe, expect, it } from 'vitest';
import { openBackstoryDB } from '../../../data/db';
import {
  getEntityCard,
  getTimeline,
  listTopics,
  pickCardEvents,
  relatedEntities,
  searchEntities,
} from '../../../data/queries';
import { MORE } from '../../fixtures/more-packs';
import { seeded } from '../../fixtures/store';
import { smallPack } from '../../fixtures/packs';

const T = (id: string) => `test-pack:${id}`;
const B = (id: string) => `${MORE}:${id}`;
const ids = (records: readonly { id: string }[]) => records.map((r) => r.id);
const keys = (records: readonly { key: string }[]) => records.map((r) => r.key);

describe('relatedEntities', () => {
  it('resolves related keys to names and kinds, in the pack’s order', async () => {
    const db = await seeded();
    expect(await relatedEntities(db, T('northwind'))).toEqual([
      { key: T('trade-office'), name: 'Office of Trade Rules', kind: 'government-body' },
      { key: T('restricted-list'), name: 'Restricted List', kind: 'law-or-policy' },
    ]);
    expect(await relatedEntities(db, B('hawk-survey'))).toEqual([]);
    expect(await relatedEntities(db, 'nope:nothing')).toEqual([]);
  });
});

describe('pickCardEvents (pure)', () => {
  type Item = { key: string; date: string; importance: number; startKey: string };
  const item = (key: string, date: string, importance: number, start = date): Item => ({
    key,
    date,
    importance,
    startKey: start.length === 4 ? `${start}-01-01` : start.length === 7 ? `${start}-01` : start,
  });

  it('before the article: the most important first, ties to the nearest, shown oldest first', () => {
    const events = [
      item('a', '2010-01-01', 3),
      item('b', '2012-01-01', 3),
      item('c', '2014-01-01', 3),
      item('d', '2011-01-01', 5),
      item('e', '2013-01-01', 1),
    ];
    const picked = pickCardEvents(events, '2020-01-01', { maxEvents: 3 });
    // d (5), then of the 3s the nearest: c, then b.
    expect(keys(picked.before)).toEqual(['d', 'b', 'c']);
    expect(picked.after).toEqual([]);
    expect(picked.totalBefore).toBe(5);
    expect(picked.totalAfter).toBe(0);
  });

  it('before the article: the latest event always leads in, whatever its importance', () => {
    const events = [
      item('a', '2010-01-01', 3),
      item('d', '2011-01-01', 5),
      item('c', '2014-01-01', 3),
      item('minor-latest', '2015-01-01', 1),
      item('after', '2021-01-01', 1),
    ];
    const picked = pickCardEvents(events, '2020-01-01', { maxEvents: 3, maxAfter: 0 });
    // The latest before the article (importance 1) is kept; then d (5) and c (the nearer 3).
    expect(keys(picked.before)).toEqual(['d', 'c', 'minor-latest']);
  });

  it('shows four events by default, at most one of them after the article while the past has more', () => {
    const events = ['2001', '2002', '2003', '2004', '2005', '2006'].map((d, i) => item(`e${i}`, d, 3));
    expect(pickCardEvents(events, '2010-01-01').before).toHaveLength(4);
    const picked = pickCardEvents(events, '2003-06-01');
    expect(keys(picked.before)).toEqual(['e0', 'e1', 'e2']);
    expect(keys(picked.after)).toEqual(['e3']);
  });

  it('after the article: at most maxAfter, the most important, ties to the soonest', () => {
    const events = [
      item('past1', '2018-01-01', 2),
      item('past2', '2018-06-01', 2),
      item('past3', '2018-09-01', 2),
      item('past4', '2018-10-01', 2),
      item('x', '2021-01-01', 3),
      item('y', '2022-01-01', 3),
      item('z', '2023-01-01', 5),
    ];
    const picked = pickCardEvents(events, '2019-07-03', { maxEvents: 5, maxAfter: 2 });
    expect(keys(picked.after)).toEqual(['x', 'z']);
    expect(keys(picked.before)).toEqual(['past2', 'past3', 'past4']);
    expect(picked.totalAfter).toBe(3);
  });

  it('splits on the article day: the day itself and coarse dates containing it count as before', () => {
    const events = [
      item('same-day', '2019-07-03', 1),
      item('year', '2019', 1),
      item('month', '2019-07', 1),
      item('next', '2019-07-04', 1),
    ];
    const picked = pickCardEvents(events, '2019-07-03');
    expect(keys(picked.before)).toEqual(['year', 'month', 'same-day']);
    expect(keys(picked.after)).toEqual(['next']);
    // A year that starts after the article is after it.
    expect(keys(pickCardEvents([item('y2020', '2020', 5)], '2019-12-31').after)).toEqual(['y2020']);
  });

  it('fills spare room with more later events when the past is thin', () => {
    const events = [
      item('old', '2000-01-01', 1),
      item('a1', '2021-01-01', 2),
      item('a2', '2022-01-01', 5),
      item('a3', '2023-01-01', 4),
      item('a4', '2024-01-01', 3),
      item('a5', '2025-01-01', 1),
    ];
    const picked = pickCardEvents(events, '2020-01-01', { maxEvents: 5, maxAfter: 2 });
    expect(keys(picked.before)).toEqual(['old']);
    // a2 and a3 by the maxAfter rule, then a4 and a1 fill the two spare places; a5 is left.
    expect(keys(picked.after)).toEqual(['a1', 'a2', 'a3', 'a4']);
    expect(picked.totalAfter).toBe(5);
  });

  it('without an article date: the latest events (at most four), oldest first', () => {
    const events = ['2001', '2005-05', '2003-03-03', '2010', '2008-08-08', '2002'].map((d, i) =>
      item(`e${i}`, d, 1),
    );
    const picked = pickCardEvents(events, undefined);
    expect(picked.before.map((e) => e.date)).toEqual(['2003-03-03', '2005-05', '2008-08-08', '2010']);
    expect(picked.after).toEqual([]);
    expect(picked.totalBefore).toBe(6);
    expect(pickCardEvents(events, undefined, { maxEvents: 3 }).before.map((e) => e.date)).toEqual([
      '2005-05',
      '2008-08-08',
      '2010',
    ]);
  });

  it('handles no events and does not mutate its input', () => {
    expect(pickCardEvents([], '2019-01-01')).toEqual({
      before: [],
      after: [],
      totalBefore: 0,
      totalAfter: 0,
    });
    const events = [item('b', '2022-01-01', 1), item('a', '2001-01-01', 5)];
    const copy = events.map((e) => ({ ...e }));
    pickCardEvents(events, '2010-01-01');
    pickCardEvents(events, undefined);
    expect(events).toEqual(copy);
  });
});

describe('getEntityCard', () => {
  it('names the pack’s asOf only for an article dated after it (a month counts from its first day)', async () => {
    const db = await seeded(); // the small pack's asOf is 2024-12-31
    expect((await getEntityCard(db, T('northwind'), '2025-01-02'))!.knowledgeEnds).toBe('2024-12-31');
    expect((await getEntityCard(db, T('northwind'), '2024-12-31'))!.knowledgeEnds).toBeUndefined();
    expect((await getEntityCard(db, T('northwind'), '2024-12'))!.knowledgeEnds).toBeUndefined();
    expect((await getEntityCard(db, T('northwind')))!.knowledgeEnds).toBeUndefined();
  });

  it('splits the events around the article date, with counts', async () => {
    const db = await seeded();
    const card = await getEntityCard(db, T('northwind'), '2019-07-03', { maxEvents: 5, maxAfter: 2 });
    expect(card).toBeDefined();
    // Up to the article: quill-arrest (5), nw-listed (5), nw-licence (3) beat the two 2s.
    expect(ids(card!.before)).toEqual(['quill-arrest', 'nw-listed', 'nw-licence']);
    // After: quill-release (5) and nw-rule (4), shown oldest first.
    expect(ids(card!.after)).toEqual(['nw-rule', 'quill-release']);
    expect(card!.totalBefore).toBe(5);
    expect(card!.totalAfter).toBe(4);
    expect(card!.moreAfter).toBe(2);
    expect(card!.articleDate).toBe('2019-07-03');
  });

  it('resolves involved entities, related entities and topics', async () => {
    const db = await seeded();
    const card = (await getEntityCard(db, T('northwind'), '2019-07-03'))!;
    const listed = card.before.find((e) => e.id === 'nw-listed')!;
    expect(listed.entities.map((e) => e.name)).toEqual([
      'Northwind Telecom',
      'Restricted List',
      'Office of Trade Rules',
    ]);
    expect(listed.sources[0]?.url).toBe('https://example.org/nw-listed');
    expect(card.related.map((r) => r.name)).toEqual(['Office of Trade Rules', 'Restricted List']);
    expect(card.topics.map((t) => t.label)).toEqual(['Networks', 'Trade']);
    expect(card.entity.name).toBe('Northwind Telecom');
    // The index fields stay in the store.
    expect(card.entity).not.toHaveProperty('aliasKeys');
    expect(card.entity).not.toHaveProperty('words');
  });

  it('fills the card with later events when the article predates most of them', async () => {
    const db = await seeded();
    const card = (await getEntityCard(db, T('northwind'), '1995-01-01', { maxEvents: 5 }))!;
    expect(ids(card.before)).toEqual(['nw-founded']);
    expect(ids(card.after)).toEqual(['quill-arrest', 'nw-listed', 'nw-rule', 'quill-release']);
    expect(card.moreAfter).toBe(4);
    expect(card.totalAfter).toBe(8);
  });

  it('without a date shows the latest events and no article date', async () => {
    const db = await seeded();
    const card = (await getEntityCard(db, T('northwind')))!;
    expect(ids(card.before)).toEqual(['nw-rule', 'quill-release', 'nw-phone', 'nw-revoke']);
    expect(card.after).toEqual([]);
    expect(card.moreAfter).toBe(0);
    expect(card.totalBefore).toBe(9);
    expect(card).not.toHaveProperty('articleDate');
  });

  it('shows at most four facts, with their dates', async () => {
    const db = await seeded();
    const card = (await getEntityCard(db, B('zoe-angstrom'), '2020-01-01'))!;
    expect(card.facts.map((f) => f.label)).toEqual(['Born', 'Field', 'Doctorate', 'Post']);
    expect(card.facts[0]).toEqual({ label: 'Born', value: 'Harbourtown', date: '1970-02-03' });
    const few = (await getEntityCard(db, T('northwind')))!;
    expect(few.facts).toHaveLength(2);
  });

  it('honours maxEvents and maxAfter', async () => {
    const db = await seeded();
    const card = (await getEntityCard(db, T('northwind'), '2019-07-03', { maxEvents: 3, maxAfter: 1 }))!;
    expect(ids(card.after)).toEqual(['quill-release']);
    // Two places before: the latest (nw-licence, 3), then the nearer of the two 5s.
    expect(ids(card.before)).toEqual(['nw-listed', 'nw-licence']);
    expect(card.moreAfter).toBe(3);
  });

  it('is undefined for an unknown entity', async () => {
    const db = await seeded();
    expect(await getEntityCard(db, T('nobody'), '2019-07-03')).toBeUndefined();
  });
});

describe('getTimeline', () => {
  it('is the whole timeline by default, oldest first, with entity names', async () => {
    const db = await seeded();
    const items = await getTimeline(db, B('zoe-angstrom'));
    expect(ids(items)).toEqual(['count-1', 'count-2', 'lab-opens', 'institute']);
    expect(items[2]!.entities).toEqual([
      { key: B('obrien-labs'), name: 'O’Brien Labs', kind: 'company' },
      { key: B('zoe-angstrom'), name: 'Zoë Ångström', kind: 'person' },
    ]);
  });

  it('filters by topic keys and minimum importance, together', async () => {
    const db = await seeded();
    const zoe = B('zoe-angstrom');
    expect(ids(await getTimeline(db, zoe, { topics: [B('harbour')] }))).toEqual(['lab-opens']);
    expect(ids(await getTimeline(db, zoe, { topics: [B('birds')] }))).toEqual([
      'count-1',
      'count-2',
      'institute',
    ]);
    expect(ids(await getTimeline(db, zoe, { topics: [B('birds'), B('harbour')] }))).toHaveLength(4);
    expect(ids(await getTimeline(db, zoe, { topics: [] }))).toHaveLength(4);
    expect(ids(await getTimeline(db, zoe, { minImportance: 3 }))).toEqual([
      'count-1',
      'lab-opens',
      'institute',
    ]);
    expect(ids(await getTimeline(db, zoe, { topics: [B('birds')], minImportance: 3 }))).toEqual([
      'count-1',
      'institute',
    ]);
    expect(await getTimeline(db, zoe, { minImportance: 6 })).toEqual([]);
  });
});

describe('searchEntities', () => {
  it('ranks exact name, exact alias, name prefix, alias prefix, name word, summary word', async () => {
    const db = await seeded();
    const results = await searchEntities(db, 'Kestrel');
    expect(results.map((r) => [r.name, r.score])).toEqual([
      ['Kestrel', 100],
      ['KS Holding', 90],
      ['Kestrel Aviation', 80],
      ['Falcon Works', 70],
      ['Old Kestrel Yard', 50],
      ['Hawk Survey', 20],
    ]);
    expect(results.find((r) => r.name === 'Falcon Works')?.matched).toBe('Kestrel Wing');
    expect(results[0]).toMatchObject({
      key: B('kestrel'),
      kind: 'company',
      summary: expect.stringContaining('ladder'),
    });
  });

  it('names the exact alias that matched, not a longer name that merely starts with it', async () => {
    const db = await seeded();
    // "Northwind" is an alias; the name "Northwind Telecom" only starts with it.
    const [first] = await searchEntities(db, 'northwind');
    expect(first).toMatchObject({ name: 'Northwind Telecom', score: 90, matched: 'Northwind' });
  });

  it('matches words in any order across name and summary', async () => {
    const db = await seeded();
    const results = await searchEntities(db, 'northwind officer');
    // Only Ada Quill's summary has both words.
    expect(results.map((r) => r.name)).toEqual(['Ada Quill']);
    expect(results[0]!.score).toBe(20);
  });

  it('folds case and diacritics in the query and the data', async () => {
    const db = await seeded();
    expect((await searchEntities(db, 'zoe angstrom'))[0]).toMatchObject({ name: 'Zoë Ångström', score: 100 });
    const byWord = await searchEntities(db, 'ÅNGSTRÖM');
    expect(byWord.map((r) => r.name)).toEqual(['Ångström Institute', 'Angstrom Quay', 'Zoë Ångström']);
    expect(byWord.map((r) => r.score)).toEqual([80, 80, 50]);
  });

  it('returns nothing for an empty or punctuation-only query', async () => {
    const db = await seeded();
    expect(await searchEntities(db, '')).toEqual([]);
    expect(await searchEntities(db, '   ')).toEqual([]);
    expect(await searchEntities(db, '—…')).toEqual([]);
    expect(await searchEntities(db, 'qqqqzzzz')).toEqual([]);
  });

  it('keeps the best `limit` results', async () => {
    const db = await seeded();
    expect((await searchEntities(db, 'kestrel', 2)).map((r) => r.name)).toEqual(['Kestrel', 'KS Holding']);
    expect(await searchEntities(db, 'kestrel', 0)).toEqual([]);
  });
});

describe('listTopics', () => {
  it('lists every pack’s topics with entity counts and the pack title', async () => {
    const db = await seeded();
    const topics = await listTopics(db);
    const byKey = new Map(topics.map((t) => [t.key, t]));
    expect(topics).toHaveLength(4);
    expect(byKey.get(T('trade'))).toMatchObject({
      label: 'Trade',
      entityCount: 3,
      packTitle: 'Test pack: Northwind telecoms',
    });
    expect(byKey.get(T('networks'))?.entityCount).toBe(2);
    expect(byKey.get(B('birds'))?.entityCount).toBe(2);
    expect(byKey.get(B('harbour'))).toMatchObject({
      entityCount: 9,
      packTitle: 'Test pack: birds of the harbour',
    });
  });

  it('counts zero for a topic no entity uses, and is empty without packs', async () => {
    const empty = await openBackstoryDB();
    expect(await listTopics(empty)).toEqual([]);
    const pack = smallPack();
    pack.topics.push({ id: 'unused', label: 'Unused', description: 'No entity here.' });
    const db = await seeded(pack);
    expect((await listTopics(db)).find((t) => t.id === 'unused')?.entityCount).toBe(0);
  });
});

/**
 * The matcher's one owner (utils/extension/matcher.ts): the snapshot of aliases, its key,
 * and refreshMatcher, which recompiles only when what the matcher is made from changed.
 */
import { afterEach, describe, expect, it, vi } from 'vitest';
import { openBackstoryDB, setPackEnabled, writePack } from '../../../data/db';
import { deserializeMatcher, matchText } from '../../../utils/core/matcher';
import { refreshMatcher } from '../../../utils/extension/matcher';
import { getMatcherSnapshot, hashString } from '../../../utils/extension/matcher-snapshot';
import { ensureBundledPack } from '../../../utils/extension/store';
import { matcherSourceStorage, matcherStorage } from '../../../utils/shared/matcher-store';
import { disabledTopicsStorage, ignoredTermsStorage } from '../../../utils/shared/settings';
import { MORE } from '../../fixtures/more-packs';
import { smallPack, validPack } from '../../fixtures/packs';
import { seeded } from '../../fixtures/store';

afterEach(() => vi.restoreAllMocks());

const T = (id: string) => `test-pack:${id}`;

const entitiesIn = async (text: string) => {
  const stored = await matcherStorage.getValue();
  return matchText(deserializeMatcher(stored!.data), text).map((m) => m.entityId);
};

describe('getMatcherSnapshot', () => {
  const entityIds = (s: { aliases: { entityId: string }[] }) =>
    [...new Set(s.aliases.map((a) => a.entityId))].sort();

  it('has every alias of every enabled pack, with case rules and context', async () => {
    const db = await seeded(smallPack());
    const snapshot = await getMatcherSnapshot(db);
    expect(snapshot.aliases).toHaveLength(10);
    expect(snapshot.aliases).toContainEqual({ text: 'NWT', entityId: T('northwind'), caseSensitive: true });
    expect(snapshot.aliases).toContainEqual({
      text: 'Northwind',
      entityId: T('northwind'),
      caseSensitive: false,
    });
    expect(snapshot.aliases).toContainEqual({
      text: 'blacklist',
      entityId: T('restricted-list'),
      caseSensitive: false,
      context: ['Trade Rules', 'export'],
    });
  });

  it('drops entities whose topics are all disabled, keeps those with one topic on', async () => {
    const db = await seeded(smallPack());
    const noTrade = await getMatcherSnapshot(db, { disabledTopics: [T('trade')] });
    // Northwind is in networks too; the office and the list are trade only.
    expect(entityIds(noTrade)).toEqual([T('ada-quill'), T('northwind')]);
    expect(await getMatcherSnapshot(db, { disabledTopics: [T('trade'), T('networks')] })).toMatchObject({
      aliases: [],
    });
    // A bare topic id or another pack's key turns nothing off.
    expect((await getMatcherSnapshot(db, { disabledTopics: ['trade', 'other:trade'] })).aliases).toHaveLength(
      10,
    );
  });

  it('leaves out ignored terms for that entity only, whatever their case', async () => {
    const db = await seeded(smallPack(), smallPack({ id: 'copy', title: 'Copy' }));
    const snapshot = await getMatcherSnapshot(db, {
      ignoredTerms: [{ entityId: T('northwind'), text: 'NORTHWIND' }],
    });
    const texts = (id: string) => snapshot.aliases.filter((a) => a.entityId === id).map((a) => a.text);
    expect(texts(T('northwind'))).toEqual(['Northwind Telecom', 'NWT']);
    expect(texts('copy:northwind')).toEqual(['Northwind Telecom', 'Northwind', 'NWT']);
  });

  it('leaves out disabled packs', async () => {
    const db = await seeded();
    await setPackEnabled(db, MORE, false);
    const snapshot = await getMatcherSnapshot(db);
    expect(snapshot.aliases.every((a) => a.entityId.startsWith('test-pack:'))).toBe(true);
    expect(snapshot.key.startsWith('test-pack@1.0.0|')).toBe(true);
    await setPackEnabled(db, 'test-pack', false);
    expect((await getMatcherSnapshot(db)).aliases).toEqual([]);
  });

  it('keeps its key while the content is the same and changes it when the content changes', async () => {
    const db = await seeded();
    const base = await getMatcherSnapshot(db);
    expect(base.key).toMatch(/^more@2\.0\.0,test-pack@1\.0\.0\|[0-9a-f]{8}$/);
    expect((await getMatcherSnapshot(db)).key).toBe(base.key);
    // Writing the same pack again (a reinstall) changes nothing.
    await writePack(db, validPack(smallPack()), 'bundled');
    expect((await getMatcherSnapshot(db)).key).toBe(base.key);
    // Settings that change the aliases change the key.
    const noTrade = await getMatcherSnapshot(db, { disabledTopics: [T('trade')] });
    const ignored = await getMatcherSnapshot(db, {
      ignoredTerms: [{ entityId: T('northwind'), text: 'nwt' }],
    });
    expect(new Set([base.key, noTrade.key, ignored.key]).size).toBe(3);
    // Ignoring a term nobody has changes nothing.
    expect(
      (await getMatcherSnapshot(db, { ignoredTerms: [{ entityId: T('northwind'), text: 'zzz' }] })).key,
    ).toBe(base.key);
    // New alias content under the same version changes the hash part.
    const edited = smallPack();
    edited.entities[0]!.aliases.push('Northwind Group');
    await writePack(db, validPack(edited), 'imported');
    const after = await getMatcherSnapshot(db);
    expect(after.key).not.toBe(base.key);
    expect(after.key.split('|')[0]).toBe(base.key.split('|')[0]);
  });
});

describe('hashString', () => {
  it('is 32-bit FNV-1a as eight hex digits', () => {
    expect(hashString('')).toBe('811c9dc5');
    expect(hashString('a')).toBe('e40c292c');
    expect(hashString('foobar')).toBe('bf9cf968');
  });

  it('is stable and tells near strings apart', () => {
    expect(hashString('Northwind')).toBe(hashString('Northwind'));
    expect(hashString('Northwind')).not.toBe(hashString('northwind'));
    expect(hashString('ab')).not.toBe(hashString('ba'));
    expect(hashString('é')).toMatch(/^[0-9a-f]{8}$/);
  });
});

describe('refreshMatcher', () => {
  it('compiles once, then answers from the sources fingerprint without reading entities', async () => {
    const db = await openBackstoryDB();
    await ensureBundledPack(db, smallPack());
    expect(await refreshMatcher(db)).toBe('compiled');
    expect(await entitiesIn('Northwind and Ada Quill')).toEqual([
      'test-pack:northwind',
      'test-pack:ada-quill',
    ]);
    const reads = vi.spyOn(db, 'getAllFromIndex');
    expect(await refreshMatcher(db)).toBe('current');
    expect(reads).not.toHaveBeenCalled();
  });

  it('recompiles when a topic is turned off, a term ignored, a pack disabled or re-imported', async () => {
    const db = await openBackstoryDB();
    await ensureBundledPack(db, smallPack());
    await refreshMatcher(db);

    await disabledTopicsStorage.setValue(['test-pack:networks']);
    expect(await refreshMatcher(db)).toBe('compiled');
    // Ada Quill's only topic is off; Northwind also has "trade".
    expect(await entitiesIn('Northwind and Ada Quill')).toEqual(['test-pack:northwind']);
    await disabledTopicsStorage.setValue([]);

    await ignoredTermsStorage.setValue([{ entityId: 'test-pack:northwind', text: 'northwind' }]);
    expect(await refreshMatcher(db)).toBe('compiled');
    expect(await entitiesIn('Northwind and Ada Quill')).toEqual(['test-pack:ada-quill']);
    await ignoredTermsStorage.setValue([]);
    await refreshMatcher(db);

    const mine = smallPack({ id: 'mine' });
    mine.entities = [{ ...mine.entities[0]!, aliases: ['Southwind'] }];
    mine.events = mine.events.filter((e) => e.entities.every((id) => id === 'northwind'));
    mine.entities[0]!.related = [];
    await writePack(db, validPack(mine), 'imported');
    expect(await refreshMatcher(db)).toBe('compiled');
    expect(await entitiesIn('Southwind')).toEqual(['mine:northwind']);

    // Same id and version, different content: still noticed (the write time changes).
    mine.entities[0]!.aliases = ['Eastwind'];
    await writePack(db, validPack(mine), 'imported');
    expect(await refreshMatcher(db)).toBe('compiled');
    expect(await entitiesIn('Southwind Eastwind')).toEqual(['mine:northwind']);

    await setPackEnabled(db, 'mine', false);
    expect(await refreshMatcher(db)).toBe('compiled');
    expect(await entitiesIn('Eastwind')).toEqual([]);
  });
});

describe('refreshMatcher on a service-worker wake', () => {
  it('reads the fingerprint, not the stored matcher, when nothing changed', async () => {
    const db = await openBackstoryDB();
    await ensureBundledPack(db, smallPack());
    expect(await refreshMatcher(db)).toBe('compiled');
    const read = vi.spyOn(matcherStorage, 'getValue');
    expect(await refreshMatcher(db)).toBe('current');
    expect(read).not.toHaveBeenCalled();
  });

  it('takes over a matcher stored with its fingerprint inside only (an older version)', async () => {
    const db = await openBackstoryDB();
    await ensureBundledPack(db, smallPack());
    await refreshMatcher(db);
    const before = await matcherStorage.getValue();
    await matcherSourceStorage.removeValue();
    expect(await refreshMatcher(db)).toBe('current');
    expect(await matcherSourceStorage.getValue()).toBe(before!.source);
    expect(await matcherStorage.getValue()).toEqual(before);
  });
});

import { afterEach, describe, expect, it, vi } from 'vitest';
import { openBackstoryDB, setPackEnabled, writePack } from '../../../data/db';
import * as queries from '../../../data/queries';
import { deserializeMatcher, matchText } from '../../../utils/core/matcher/index';
import { ensureBundledPack, refreshMatcher } from '../../../utils/extension/store';
import { matcherStorage } from '../../../utils/shared/matcher-store';
import { disabledTopicsStorage, ignoredTermsStorage } from '../../../utils/shared/settings';
import { smallPack, validPack } from '../../fixtures/packs';

afterEach(() => vi.restoreAllMocks());

const entitiesIn = async (text: string) => {
  const stored = await matcherStorage.getValue();
  return matchText(deserializeMatcher(stored!.data), text).map((m) => m.entityId);
};

describe('ensureBundledPack', () => {
  it('does not validate a pack whose version is already stored', async () => {
    const db = await openBackstoryDB();
    await ensureBundledPack(db, smallPack());
    // Same id and version but broken: proves the stored check comes first.
    const broken = { ...smallPack(), events: 'not an array' };
    expect(await ensureBundledPack(db, broken)).toBe('unchanged');
    // A newer broken version is validated, and refused.
    await expect(ensureBundledPack(db, { ...broken, version: '2.0.0' })).rejects.toThrow('pack rejected');
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
    const snapshot = vi.spyOn(queries, 'getMatcherSnapshot');
    expect(await refreshMatcher(db)).toBe('current');
    expect(snapshot).not.toHaveBeenCalled();
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

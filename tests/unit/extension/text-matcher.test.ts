/**
 * The background's matching for pages (utils/extension/text-matcher.ts): it answers with
 * the stored matcher, keeps it in memory, and follows a new one.
 */
import { afterEach, describe, expect, it, vi } from 'vitest';
import { compileMatcher, matchText, serializeMatcher, type SnapshotAlias } from '../../../utils/core/matcher';
import { pageTextMatcher } from '../../../utils/extension/text-matcher';
import { matcherStorage } from '../../../utils/shared/matcher-store';
import { readAnswer } from '../../../utils/page/remote-matcher';

afterEach(() => vi.restoreAllMocks());

const alias = (text: string, entityId: string): SnapshotAlias => ({ text, entityId, caseSensitive: false });
const stored = (key: string, aliases: SnapshotAlias[]) => ({
  key,
  data: serializeMatcher(compileMatcher(aliases)),
  aliasCount: aliases.length,
});

describe('pageTextMatcher', () => {
  it('answers nothing, one empty list per text, before a matcher is stored', async () => {
    const m = pageTextMatcher();
    expect(await m.match(['Northwind spoke.', 'Again.'])).toEqual({
      key: null,
      entities: [],
      blocks: [[], []],
    });
    m.stop();
  });

  it('matches each text as matchText does, in the compact form the page reads', async () => {
    const aliases = [alias('Northwind', 'nw'), alias('Ada Quill', 'quill')];
    await matcherStorage.setValue(stored('k1', aliases));
    const m = pageTextMatcher();
    const texts = ['Northwind and Ada Quill.', 'Nothing here.', 'Ada Quill, then Northwind and Northwind.'];
    const answer = await m.match(texts);
    expect(answer.key).toBe('k1');
    // Each entity once in the table.
    expect([...answer.entities].sort()).toEqual(['nw', 'quill']);
    const local = compileMatcher(aliases);
    expect(readAnswer(answer, texts.length)).toEqual(texts.map((t) => matchText(local, t)));
    m.stop();
  });

  it('reads the stored matcher once, then answers from memory', async () => {
    await matcherStorage.setValue(stored('k1', [alias('Northwind', 'nw')]));
    const m = pageTextMatcher();
    const get = vi.spyOn(matcherStorage, 'getValue');
    await m.match(['Northwind']);
    await m.match(['Northwind']);
    await m.match(['Northwind']);
    expect(get).toHaveBeenCalledTimes(1);
    m.stop();
  });

  it('follows a new matcher in storage, and its removal', async () => {
    await matcherStorage.setValue(stored('k1', [alias('Northwind', 'nw')]));
    const m = pageTextMatcher();
    expect((await m.match(['Northwind and Ada Quill.'])).entities).toEqual(['nw']);
    await matcherStorage.setValue(stored('k2', [alias('Ada Quill', 'quill')]));
    const next = await m.match(['Northwind and Ada Quill.']);
    expect(next.key).toBe('k2');
    expect(next.entities).toEqual(['quill']);
    await matcherStorage.setValue(null);
    expect((await m.match(['Northwind'])).key).toBeNull();
    m.stop();
  });

  it('answers nothing and warns once for a stored matcher it cannot read', async () => {
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => undefined);
    await matcherStorage.setValue({ key: 'bad', data: 'not a matcher', aliasCount: 1 });
    const m = pageTextMatcher();
    expect(await m.match(['Northwind'])).toEqual({ key: null, entities: [], blocks: [[]] });
    expect(await m.match(['Northwind'])).toEqual({ key: null, entities: [], blocks: [[]] });
    expect(warn).toHaveBeenCalledTimes(1);
    m.stop();
  });
});

import { describe, expect, it } from 'vitest';
import {
  compileMatcher,
  deserializeMatcher,
  matchText,
  serializeMatcher,
} from '../../../../utils/core/matcher/index';
import type { SnapshotAlias } from '../../../../utils/core/matcher/index';

const ALIASES: SnapshotAlias[] = [
  { text: 'Huawei', entityId: 'huawei', caseSensitive: false },
  { text: 'Huawei Technologies', entityId: 'huawei', caseSensitive: false },
  { text: 'ZTE', entityId: 'zte', caseSensitive: true },
  { text: 'Meng', entityId: 'meng', caseSensitive: false, context: ['Huawei', 'Vancouver'] },
  { text: 'Malmström', entityId: 'malmstrom', caseSensitive: false },
  { text: 'Москва', entityId: 'moscow', caseSensitive: false },
  { text: '𝐁old', entityId: 'astral', caseSensitive: false },
  { text: '', entityId: 'nothing', caseSensitive: false },
];

const TEXTS = [
  'Huawei Technologies and ZTE; zte is not ZTE.',
  'Meng flew to Vancouver. MALMSTRÖM in Москва met 𝐁old.',
  'Meng alone.',
  '',
];

describe('compileMatcher', () => {
  it('shares trie nodes between aliases with a common prefix', () => {
    const m = compileMatcher(ALIASES);
    expect(m.aliasNode[0]).not.toBe(m.aliasNode[1]);
    // "huawei" is a prefix of "huawei technologies": both end on nodes of one chain.
    expect(m.labelLength.length).toBeLessThan(ALIASES.length * 3);
  });

  it('keeps snapshot indices for aliases that can never match', () => {
    const m = compileMatcher(ALIASES);
    expect(m.aliasNode).toHaveLength(ALIASES.length);
    expect(matchText(m, 'Huawei')[0]?.aliasIndex).toBe(0);
  });

  it('gives root children a direct ASCII lookup', () => {
    const m = compileMatcher(ALIASES);
    expect(m.rootAscii['h'.charCodeAt(0)]).not.toBe(0);
    expect(m.rootAscii['q'.charCodeAt(0)]).toBe(0);
  });

  it('handles nodes with hundreds of children (binary search, count overflow)', () => {
    const aliases: SnapshotAlias[] = [];
    for (let c = 0x4e00; c < 0x4e00 + 400; c++) {
      aliases.push({ text: `x${String.fromCharCode(c)}`, entityId: `e${c}`, caseSensitive: false });
    }
    const m = compileMatcher(aliases);
    const text = aliases.map((a) => a.text).join(' ');
    expect(matchText(m, text).map((r) => r.aliasIndex)).toEqual(aliases.map((_, i) => i));
    const copy = deserializeMatcher(serializeMatcher(m));
    expect(matchText(copy, text)).toEqual(matchText(m, text));
  });

  it('handles labels longer than 255 units', () => {
    const long = `${'very '.repeat(80)}long name`;
    const m = deserializeMatcher(
      serializeMatcher(compileMatcher([{ text: long, entityId: 'long', caseSensitive: false }])),
    );
    expect(matchText(m, `A ${long}.`)).toEqual([
      { start: 2, end: 2 + long.length, entityId: 'long', aliasIndex: 0 },
    ]);
  });
});

describe('serializeMatcher / deserializeMatcher', () => {
  it('round-trips to a matcher with identical results', () => {
    const original = compileMatcher(ALIASES);
    const copy = deserializeMatcher(serializeMatcher(original));
    for (const text of TEXTS) expect(matchText(copy, text)).toEqual(matchText(original, text));
  });

  it('round-trips the stored tables exactly', () => {
    const original = compileMatcher(ALIASES);
    const copy = deserializeMatcher(serializeMatcher(original));
    expect(copy.labels).toEqual(original.labels);
    expect(copy.childCount).toEqual(original.childCount);
    expect(copy.aliasNode).toEqual(original.aliasNode);
    expect(copy.entityIds).toEqual(original.entityIds);
    expect(copy.aliasCased).toEqual(original.aliasCased);
    expect(serializeMatcher(copy)).toBe(serializeMatcher(original));
  });

  it('produces a string that survives JSON storage', () => {
    const serialized = serializeMatcher(compileMatcher(ALIASES));
    const stored = JSON.parse(JSON.stringify({ matcher: serialized })) as { matcher: string };
    expect(stored.matcher).toBe(serialized);
  });

  it('uses one byte per label unit when the aliases fold to Latin-1', () => {
    const latin = serializeMatcher(compileMatcher([ALIASES[0]!]));
    expect(JSON.parse(latin.slice(0, latin.indexOf('\n')))).toMatchObject({ cw: 1 });
    const cyrillic = serializeMatcher(compileMatcher([ALIASES[5]!]));
    expect(JSON.parse(cyrillic.slice(0, cyrillic.indexOf('\n')))).toMatchObject({ cw: 2 });
  });

  it('round-trips an empty matcher', () => {
    const copy = deserializeMatcher(serializeMatcher(compileMatcher([])));
    expect(matchText(copy, 'anything')).toEqual([]);
  });

  it('rejects strings that are not serialized matchers', () => {
    const good = serializeMatcher(compileMatcher(ALIASES));
    const newline = good.indexOf('\n');
    const header = JSON.parse(good.slice(0, newline)) as Record<string, unknown>;
    const withHeader = (patch: Record<string, unknown>): string =>
      `${JSON.stringify({ ...header, ...patch })}${good.slice(newline)}`;
    expect(() => deserializeMatcher('')).toThrow();
    expect(() => deserializeMatcher('{}')).toThrow();
    expect(() => deserializeMatcher('not json\nAAAA')).toThrow();
    expect(() => deserializeMatcher(withHeader({ v: 999 }))).toThrow(/version/);
    expect(() => deserializeMatcher(withHeader({ n: (header.n as number) + 1 }))).toThrow();
    expect(() => deserializeMatcher(good.slice(0, -8))).toThrow();
    expect(() => deserializeMatcher(`${good.slice(0, newline)}\n!!!`)).toThrow();
  });
});

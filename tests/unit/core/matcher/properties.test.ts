/**
 * Property-based tests: matchText never throws, its output is well-formed and every
 * mention is really an alias of its entity; and it agrees with a naive reference
 * implementation (indexOf over the normalised text) on generated texts full of aliases.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  compileMatcher,
  deserializeMatcher,
  matchText,
  normalizeAlias,
  normalizeForMatch,
  serializeMatcher,
} from '../../../../utils/core/matcher/index';
import type { SnapshotAlias, TextMatch } from '../../../../utils/core/matcher/index';

const WORD_RE = /^[\p{L}\p{N}\p{M}]$/u;

/** Word-ness per normalised unit, from the code point the unit belongs to. */
function wordFlags(folded: string): boolean[] {
  const flags: boolean[] = [];
  for (const ch of folded) {
    const word = WORD_RE.test(ch);
    for (let k = 0; k < ch.length; k++) flags.push(word);
  }
  return flags;
}

/** The rules of matchText, written as plainly as possible. */
function referenceMatch(aliases: SnapshotAlias[], text: string): TextMatch[] {
  const norm = normalizeForMatch(text);
  const { folded, cased, starts, ends } = norm;
  const word = wordFlags(folded);
  // A unit continues the previous one's original character: no boundary there.
  const cont = (i: number): boolean => i > 0 && i < folded.length && starts[i] === starts[i - 1];
  const boundary = (i: number): boolean =>
    i === 0 || i === folded.length || (!cont(i) && !(word[i - 1] && word[i]));
  const occurrences = (key: string): number[] => {
    const at: number[] = [];
    for (let p = folded.indexOf(key); p >= 0; p = folded.indexOf(key, p + 1)) {
      if (boundary(p) && boundary(p + key.length)) at.push(p);
    }
    return at;
  };

  const candidates: { s: number; e: number; a: number }[] = [];
  aliases.forEach((alias, a) => {
    const key = normalizeAlias(alias.text);
    if (key.folded === '') return;
    const context = (alias.context ?? []).map((w) => normalizeAlias(w).folded).filter(Boolean);
    if (context.length > 0 && !context.some((w) => occurrences(w).length > 0)) return;
    for (const p of occurrences(key.folded)) {
      const e = p + key.folded.length;
      if (alias.caseSensitive && cased.slice(p, e) !== key.cased) continue;
      candidates.push({ s: p, e, a });
    }
  });
  candidates.sort((x, y) => x.s - y.s || y.e - x.e || x.a - y.a);
  const out: TextMatch[] = [];
  let lastEnd = 0;
  for (const c of candidates) {
    if (c.s < lastEnd) continue;
    out.push({ start: starts[c.s]!, end: ends[c.e - 1]!, entityId: aliases[c.a]!.entityId, aliasIndex: c.a });
    lastEnd = c.e;
  }
  return out;
}

/** Checks what must hold for any text: order, bounds, and each mention being its alias. */
function checkWellFormed(aliases: SnapshotAlias[], text: string, result: TextMatch[]): void {
  let lastEnd = 0;
  for (const m of result) {
    expect(m.start).toBeGreaterThanOrEqual(lastEnd);
    expect(m.end).toBeGreaterThan(m.start);
    expect(m.end).toBeLessThanOrEqual(text.length);
    lastEnd = m.end;
    const alias = aliases[m.aliasIndex]!;
    expect(m.entityId).toBe(alias.entityId);
    const visible = normalizeAlias(text.slice(m.start, m.end));
    const key = normalizeAlias(alias.text);
    expect(visible.folded).toBe(key.folded);
    if (alias.caseSensitive) expect(visible.cased).toBe(key.cased);
    // Never split a surrogate pair.
    const before = text.charCodeAt(m.start);
    expect(
      before >= 0xdc00 && before <= 0xdfff && m.start > 0 && /[\ud800-\udbff]/.test(text[m.start - 1]!),
    ).toBe(false);
    const last = text.charCodeAt(m.end - 1);
    expect(last >= 0xd800 && last <= 0xdbff && /[\udc00-\udfff]/.test(text[m.end] ?? '')).toBe(false);
  }
}

// Building blocks chosen to hit the interesting cases: shared prefixes, multi-word names,
// accents, expansions, case variants, punctuation inside names, astral characters.
const NAME_PARTS = [
  'Huawei',
  'Hua',
  'wei',
  'ZTE',
  'zte',
  'Bank',
  'of',
  'China',
  'Ström',
  'Strasse',
  'Straße',
  "O'Neil",
  'U.S.',
  '5G',
  'G5',
  'Łódź',
  'İz',
  'Москва',
  '𝐀x',
  'a',
  'ab',
  'é',
];
const SEPARATORS = [
  ' ',
  '  ',
  '\u00a0',
  '\u202f',
  '\n',
  '-',
  '–',
  '’s ',
  "'",
  '(',
  ')',
  ', ',
  '.',
  '\u00ad',
  '\u200b',
  '\u0301',
  '',
  'x',
  '9',
  '\ud800',
  '🙂',
];

const aliasArb: fc.Arbitrary<SnapshotAlias> = fc.record({
  text: fc
    .array(fc.constantFrom(...NAME_PARTS), { minLength: 1, maxLength: 3 })
    .chain((parts) => fc.constantFrom(parts.join(' '), parts.join(''), parts.join('-'))),
  entityId: fc.constantFrom('e1', 'e2', 'e3', 'e4'),
  caseSensitive: fc.boolean(),
  context: fc.option(fc.array(fc.constantFrom(...NAME_PARTS, 'policy', 'trade'), { maxLength: 2 }), {
    nil: undefined,
  }),
});

/** Alias texts (and case variants, fragments, junk), each followed by a separator. */
const textArb = (aliases: SnapshotAlias[]): fc.Arbitrary<string> =>
  fc
    .array(
      fc.tuple(
        fc.oneof(
          { weight: 3, arbitrary: fc.constantFrom(...aliases.map((a) => a.text)) },
          fc.constantFrom(...aliases.map((a) => a.text.toUpperCase())),
          fc.constantFrom(...NAME_PARTS, 'policy', 'trade'),
          fc.string({ unit: 'binary', maxLength: 3 }),
        ),
        fc.constantFrom(...SEPARATORS),
      ),
      { maxLength: 20 },
    )
    .map((pieces) => pieces.map(([token, separator]) => token + separator).join(''));

const scenarioArb = fc
  .array(aliasArb, { minLength: 1, maxLength: 12 })
  .chain((aliases) => fc.tuple(fc.constant(aliases), textArb(aliases)));

describe('matchText properties', () => {
  it('never throws on arbitrary Unicode, including lone surrogates', () => {
    const matcher = compileMatcher([
      { text: 'Huawei', entityId: 'h', caseSensitive: false },
      { text: 'ZTE', entityId: 'z', caseSensitive: true, context: ['telecom'] },
      { text: '\ud800', entityId: 'lone', caseSensitive: false },
    ]);
    const anyUnits = fc
      .array(fc.integer({ min: 0, max: 0xffff }), { maxLength: 60 })
      .map((units) => String.fromCharCode(...units));
    fc.assert(
      fc.property(fc.oneof(fc.string({ unit: 'binary', maxLength: 80 }), anyUnits, fc.string()), (text) => {
        const result = matchText(matcher, text);
        checkWellFormed(
          [
            { text: 'Huawei', entityId: 'h', caseSensitive: false },
            { text: 'ZTE', entityId: 'z', caseSensitive: true },
            { text: '\ud800', entityId: 'lone', caseSensitive: false },
          ],
          text,
          result,
        );
      }),
      { numRuns: 500 },
    );
  });

  it('returns sorted, disjoint mentions that are aliases of their entity', () => {
    fc.assert(
      fc.property(scenarioArb, ([aliases, text]) => {
        checkWellFormed(aliases, text, matchText(compileMatcher(aliases), text));
      }),
      { numRuns: 400 },
    );
  });

  it('agrees with the naive reference implementation', () => {
    fc.assert(
      fc.property(scenarioArb, ([aliases, text]) => {
        expect(matchText(compileMatcher(aliases), text)).toEqual(referenceMatch(aliases, text));
      }),
      { numRuns: 400 },
    );
  });

  it('gives the same results after a serialization round trip', () => {
    fc.assert(
      fc.property(scenarioArb, ([aliases, text]) => {
        const matcher = compileMatcher(aliases);
        const copy = deserializeMatcher(serializeMatcher(matcher));
        expect(matchText(copy, text)).toEqual(matchText(matcher, text));
      }),
      { numRuns: 200 },
    );
  });

  it('does not depend on what was matched before', () => {
    fc.assert(
      fc.property(scenarioArb, fc.string({ unit: 'binary', maxLength: 50 }), ([aliases, text], other) => {
        const matcher = compileMatcher(aliases);
        const first = matchText(matcher, text);
        matchText(matcher, other);
        expect(matchText(matcher, text)).toEqual(first);
      }),
      { numRuns: 100 },
    );
  });
});

describe('normalizeForMatch properties', () => {
  it('maps every unit to a non-empty, ordered range of the original', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'binary', maxLength: 60 }), (text) => {
        const { folded, cased, starts, ends } = normalizeForMatch(text);
        expect(cased.length).toBe(folded.length);
        for (let i = 0; i < folded.length; i++) {
          expect(ends[i]!).toBeGreaterThan(starts[i]!);
          expect(ends[i]!).toBeLessThanOrEqual(text.length);
          if (i > 0) expect(starts[i]!).toBeGreaterThanOrEqual(starts[i - 1]!);
        }
      }),
      { numRuns: 300 },
    );
  });

  it('is idempotent on its folded output', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'grapheme', maxLength: 40 }), (text) => {
        const once = normalizeForMatch(text).folded;
        expect(normalizeForMatch(once).folded).toBe(once);
      }),
      { numRuns: 300 },
    );
  });
});

import { describe, expect, it } from 'vitest';
import { compileMatcher, matchText, matchTexts } from '../../../../utils/core/matcher/index';
import type { SnapshotAlias } from '../../../../utils/core/matcher/index';

const alias = (
  text: string,
  entityId: string,
  extra: Partial<Omit<SnapshotAlias, 'text' | 'entityId'>> = {},
): SnapshotAlias => ({ text, entityId, caseSensitive: false, ...extra });

/** Mentions as [visible text, entity], which is what a reader would check. */
function found(aliases: SnapshotAlias[], text: string): [string, string][] {
  return matchText(compileMatcher(aliases), text).map((m) => [text.slice(m.start, m.end), m.entityId]);
}

const TELECOMS = [
  alias('Huawei', 'huawei'),
  alias('ZTE', 'zte', { caseSensitive: true }),
  alias('5G', '5g'),
  alias('EU', 'eu', { caseSensitive: true }),
];

describe('word boundaries', () => {
  it('does not match inside a longer word', () => {
    expect(found(TELECOMS, 'ZTEX and ZTEs, EUR, EUROPE, 25G, 5GHz, Huaweiphone')).toEqual([]);
  });

  it('matches at the start and end of the text', () => {
    expect(found(TELECOMS, 'Huawei')).toEqual([['Huawei', 'huawei']]);
    expect(found(TELECOMS, 'ZTE beat Huawei')).toEqual([
      ['ZTE', 'zte'],
      ['Huawei', 'huawei'],
    ]);
  });

  it('matches next to punctuation and hyphens', () => {
    expect(found(TELECOMS, '(Huawei), "ZTE"; Huawei-made 5G-ready kit: EU/ZTE.')).toEqual([
      ['Huawei', 'huawei'],
      ['ZTE', 'zte'],
      ['Huawei', 'huawei'],
      ['5G', '5g'],
      ['EU', 'eu'],
      ['ZTE', 'zte'],
    ]);
  });

  it('leaves a possessive out of the mention, whatever the apostrophe', () => {
    for (const apostrophe of ["'", '’', 'ʼ', '‘', '´']) {
      const text = `Huawei${apostrophe}s profits and ZTE${apostrophe}s losses`;
      expect(found(TELECOMS, text)).toEqual([
        ['Huawei', 'huawei'],
        ['ZTE', 'zte'],
      ]);
    }
  });

  it('uses Unicode letters and digits, not just ASCII', () => {
    const aliases = [alias('Škoda', 'skoda'), alias('Москва', 'moscow'), alias('東芝', 'toshiba')];
    expect(found(aliases, 'Škodaé, Škoda; Москвы, Москва; 東芝')).toEqual([
      ['Škoda', 'skoda'],
      ['Москва', 'moscow'],
      ['東芝', 'toshiba'],
    ]);
  });

  it('treats digits as part of a word', () => {
    const aliases = [alias('G7', 'g7')];
    expect(found(aliases, 'G77 G7 G7s 2G7 G7.')).toEqual([
      ['G7', 'g7'],
      ['G7', 'g7'],
    ]);
  });

  it('matches aliases that start or end with punctuation', () => {
    const aliases = [alias('U.S.', 'us'), alias('.NET', 'dotnet')];
    expect(found(aliases, 'U.S.-made, built on .NET.')).toEqual([
      ['U.S.', 'us'],
      ['.NET', 'dotnet'],
    ]);
  });
});

describe('typography', () => {
  it('folds diacritics both ways', () => {
    const aliases = [alias('Malmström', 'malmstrom'), alias('Jose Maria', 'jm')];
    expect(found(aliases, 'MALMSTROM met José María, then Malmstro\u0308m.')).toEqual([
      ['MALMSTROM', 'malmstrom'],
      ['José María', 'jm'],
      ['Malmstro\u0308m', 'malmstrom'],
    ]);
  });

  it('matches across non-breaking and thin spaces and line breaks', () => {
    const aliases = [alias('Entity List', 'entity-list')];
    const text = 'Added to the Entity\u00a0List, the entity\u202f list and the Entity\n  List.';
    expect(found(aliases, text)).toEqual([
      ['Entity\u00a0List', 'entity-list'],
      ['entity\u202f list', 'entity-list'],
      ['Entity\n  List', 'entity-list'],
    ]);
  });

  it('ignores a soft hyphen or zero-width space inside a name', () => {
    expect(found(TELECOMS, 'Hua\u00adwei and Hua\u200bwei')).toEqual([
      ['Hua\u00adwei', 'huawei'],
      ['Hua\u200bwei', 'huawei'],
    ]);
  });

  it('reads every dash as a hyphen', () => {
    const aliases = [alias('Hewlett-Packard', 'hp')];
    expect(found(aliases, 'Hewlett–Packard, Hewlett‑Packard, Hewlett—Packard')).toEqual([
      ['Hewlett–Packard', 'hp'],
      ['Hewlett‑Packard', 'hp'],
      ['Hewlett—Packard', 'hp'],
    ]);
  });

  it('reads curly apostrophes inside a name as straight ones', () => {
    const aliases = [alias("O'Connell", 'oconnell')];
    expect(found(aliases, 'O’Connell and O‘Connell')).toEqual([
      ['O’Connell', 'oconnell'],
      ['O‘Connell', 'oconnell'],
    ]);
  });

  it('keeps offsets exact after characters that change length when folded', () => {
    const text = 'İİ Straße 𝐀𝐁 and Huawei';
    const [m] = matchText(compileMatcher(TELECOMS), text);
    expect(text.slice(m!.start, m!.end)).toBe('Huawei');
    expect(m!.start).toBe(text.indexOf('Huawei'));
  });

  it('never ends a mention inside the decomposition of one character', () => {
    // U+1D15E (half note) decomposes to U+1D157 (void notehead) + U+1D165 (stem): the
    // stem is a mark, so only the character boundary, not the word boundary, stops this.
    const aliases = [alias('\u{1D157}', 'notehead')];
    expect(found(aliases, '\u{1D15E} \u{1D157}')).toEqual([['\u{1D157}', 'notehead']]);
  });

  it('matches an expanded letter only as a whole', () => {
    const aliases = [alias('Strasse', 'strasse'), alias('Stras', 'stras')];
    expect(found(aliases, 'Straße Straß')).toEqual([['Straße', 'strasse']]);
  });
});

describe('case', () => {
  const aliases = [
    alias('NATO', 'nato', { caseSensitive: true }),
    alias('Nato', 'nato-person', { caseSensitive: true }),
    alias('Huawei', 'huawei'),
  ];

  it('matches case-insensitive aliases in any case', () => {
    expect(found(aliases, 'HUAWEI huawei HuAwEi')).toHaveLength(3);
  });

  it('matches case-sensitive aliases only with their exact capitals', () => {
    expect(found(aliases, 'NATO, Nato, nato, nATO')).toEqual([
      ['NATO', 'nato'],
      ['Nato', 'nato-person'],
    ]);
  });

  it('still folds diacritics and quotes in case-sensitive aliases', () => {
    const acronyms = [
      alias('ÖVP', 'ovp', { caseSensitive: true }),
      alias("D'66", 'd66', { caseSensitive: true }),
    ];
    expect(found(acronyms, 'OVP, ÖVP, övp, D’66')).toEqual([
      ['OVP', 'ovp'],
      ['ÖVP', 'ovp'],
      ['D’66', 'd66'],
    ]);
  });
});

describe('context words', () => {
  const aliases = [
    alias('Meng', 'meng-wanzhou', { context: ['Huawei', 'extradition'] }),
    alias('Huawei', 'huawei'),
  ];

  it('counts an alias only when a context word occurs in the same text', () => {
    expect(found(aliases, 'Meng arrived.')).toEqual([]);
    expect(found(aliases, 'Meng arrived; the extradition hearing began.')).toEqual([
      ['Meng', 'meng-wanzhou'],
    ]);
    expect(found(aliases, 'Huawei said Meng would appeal.')).toEqual([
      ['Huawei', 'huawei'],
      ['Meng', 'meng-wanzhou'],
    ]);
  });

  it('accepts a context word in any case and typography, after the mention', () => {
    expect(found(aliases, 'Meng spoke. HUAWEI’s lawyers and the EXTRADITION case')).toEqual([
      ['Meng', 'meng-wanzhou'],
      ['HUAWEI', 'huawei'],
    ]);
  });

  it('requires a whole-word context word', () => {
    expect(found(aliases, 'Meng spoke about extraditions and Huaweiphones.')).toEqual([]);
  });

  it('supports multi-word context words', () => {
    const withPhrase = [alias('Meng', 'meng', { context: ['export controls'] })];
    expect(found(withPhrase, 'Meng and export\u00a0controls')).toEqual([['Meng', 'meng']]);
    expect(found(withPhrase, 'Meng and export of controls')).toEqual([]);
  });

  it('treats an empty context list as no condition', () => {
    expect(found([alias('Meng', 'meng', { context: [] })], 'Meng')).toEqual([['Meng', 'meng']]);
  });

  it('picks, among entities sharing an alias, the first whose context holds', () => {
    const shared = [
      alias('Mercury', 'planet', { context: ['orbit'] }),
      alias('Mercury', 'singer', { context: ['Queen', 'album'] }),
      alias('Mercury', 'element'),
    ];
    expect(found(shared, 'Mercury in orbit')).toEqual([['Mercury', 'planet']]);
    expect(found(shared, 'Mercury sang for Queen')).toEqual([['Mercury', 'singer']]);
    expect(found(shared, 'Mercury is toxic')).toEqual([['Mercury', 'element']]);
    expect(found(shared, 'Mercury, Queen and an orbit')).toEqual([['Mercury', 'planet']]);
  });
});

describe('overlaps', () => {
  it('prefers the longest alias at a position', () => {
    const aliases = [alias('China', 'china'), alias('Bank of China', 'boc'), alias('Bank', 'bank')];
    expect(found(aliases, 'The Bank of China and China and a bank.')).toEqual([
      ['Bank of China', 'boc'],
      ['China', 'china'],
      ['bank', 'bank'],
    ]);
  });

  it('prefers the earlier start over a longer later alias', () => {
    const aliases = [alias('New York', 'nyc'), alias('York Times Company', 'company')];
    expect(found(aliases, 'New York Times Company')).toEqual([['New York', 'nyc']]);
  });

  it('falls back to a shorter alias when the longer one fails its rules', () => {
    const aliases = [
      alias('Bank of China', 'boc', { context: ['lender'] }),
      alias('Bank', 'bank'),
      alias('China', 'china'),
    ];
    expect(found(aliases, 'Bank of China')).toEqual([
      ['Bank', 'bank'],
      ['China', 'china'],
    ]);
  });

  it('does not report a longer alias that ends inside a word', () => {
    const aliases = [alias('Air', 'air'), alias('Air China', 'airchina')];
    expect(found(aliases, 'Air Chinatown')).toEqual([['Air', 'air']]);
  });

  it('picks the lowest alias index between identical aliases', () => {
    const aliases = [alias('Apple', 'apple-inc'), alias('apple', 'apple-fruit')];
    const result = matchText(compileMatcher(aliases), 'an Apple');
    expect(result).toEqual([{ start: 3, end: 8, entityId: 'apple-inc', aliasIndex: 0 }]);
  });

  it('returns mentions sorted and disjoint', () => {
    const aliases = [alias('a b', 'ab'), alias('b c', 'bc'), alias('c', 'c'), alias('b', 'b')];
    const result = matchText(compileMatcher(aliases), 'a b c b c a b');
    expect(result.map((m) => [m.start, m.end, m.entityId])).toEqual([
      [0, 3, 'ab'],
      [4, 5, 'c'],
      [6, 9, 'bc'],
      [10, 13, 'ab'],
    ]);
  });
});

describe('robustness', () => {
  const matcher = compileMatcher(TELECOMS);

  it('handles empty text and an empty matcher', () => {
    expect(matchText(matcher, '')).toEqual([]);
    expect(matchText(compileMatcher([]), 'Huawei')).toEqual([]);
  });

  it('ignores aliases that normalise to nothing', () => {
    const aliases = [alias('', 'empty'), alias('\u00ad\u200b', 'invisible'), alias('Huawei', 'huawei')];
    expect(matchText(compileMatcher(aliases), 'Huawei')).toEqual([
      { start: 0, end: 6, entityId: 'huawei', aliasIndex: 2 },
    ]);
  });

  it('survives lone surrogates next to a name', () => {
    expect(found(TELECOMS, '\udc00Huawei\ud800 ZTE\ud800')).toEqual([
      ['Huawei', 'huawei'],
      ['ZTE', 'zte'],
    ]);
  });

  it('handles a long text with many mentions', () => {
    const text = 'Huawei and ZTE. '.repeat(50_000);
    const result = matchText(matcher, text);
    expect(result).toHaveLength(100_000);
    expect(text.slice(result[99_999]!.start, result[99_999]!.end)).toBe('ZTE');
  });

  it('gives the same result when called again (no state leaks between calls)', () => {
    const contextual = compileMatcher([alias('Meng', 'meng', { context: ['Huawei'] })]);
    expect(matchText(contextual, 'Meng of Huawei')).toHaveLength(1);
    expect(matchText(contextual, 'Meng alone')).toHaveLength(0);
    expect(matchText(contextual, 'Meng of Huawei')).toHaveLength(1);
  });

  it('does not throw on non-string input from untyped callers', () => {
    expect(matchText(matcher, undefined as unknown as string)).toEqual([]);
  });
});

describe('matchTexts', () => {
  it('is matchText for each text, with each entity named once', () => {
    const m = compileMatcher([
      { text: 'Northwind', entityId: 'nw', caseSensitive: false },
      { text: 'NWT', entityId: 'nw', caseSensitive: true },
      { text: 'Ada Quill', entityId: 'quill', caseSensitive: false },
    ]);
    const texts = ['Northwind (NWT) and Ada Quill.', '', 'Ada Quill again.'];
    const { entities, blocks } = matchTexts(m, texts);
    expect(entities).toEqual(['nw', 'quill']);
    expect(blocks).toHaveLength(3);
    texts.forEach((t, k) => {
      const flat = matchText(m, t).flatMap((x) => [
        x.start,
        x.end,
        entities.indexOf(x.entityId),
        x.aliasIndex,
      ]);
      expect(blocks[k]).toEqual(flat);
    });
    expect(blocks[0]).toHaveLength(12);
  });
});

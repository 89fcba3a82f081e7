import { describe, expect, it } from 'vitest';
import { parsePackText, validatePack, type Problem } from '../../../data/validate';
import { smallPack } from '../../fixtures/packs';

const problemsOf = (data: unknown): Problem[] => {
  const result = validatePack(data);
  return result.ok ? [] : result.problems;
};

describe('validatePack', () => {
  it('accepts the fixture pack and applies defaults', () => {
    const result = validatePack(smallPack());
    expect(result.ok).toBe(true);
    if (result.ok) expect(result.pack.entities[1]?.facts).toEqual([]);
  });

  it('reports malformed JSON at $', () => {
    const result = parsePackText('{"id": ');
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.problems[0]?.path).toBe('$');
  });

  it('reports schema problems with JSON paths', () => {
    const pack = smallPack();
    (pack.entities[0] as { kind: string }).kind = 'alien';
    pack.events[0]!.sources = [];
    const paths = problemsOf(pack).map((p) => p.path);
    expect(paths).toContain('$.entities[0].kind');
    expect(paths).toContain('$.events[0].sources');
  });

  it('rejects javascript: and data: source URLs', () => {
    const pack = smallPack();
    pack.events[0]!.sources[0]!.url = 'javascript:alert(1)';
    pack.events[1]!.sources[0]!.url = 'data:text/html,<script>alert(1)</script>';
    const problems = problemsOf(pack);
    expect(problems.map((p) => p.path)).toEqual(['$.events[0].sources[0].url', '$.events[1].sources[0].url']);
  });

  it('keeps HTML in strings as text (valid, not interpreted)', () => {
    const pack = smallPack();
    pack.entities[0]!.summary = '<script>alert(1)</script><img src=x onerror=alert(1)>';
    const result = validatePack(pack);
    expect(result.ok).toBe(true);
    if (result.ok) expect(result.pack.entities[0]?.summary).toContain('<script>');
  });

  it('finds duplicate ids and dangling references', () => {
    const pack = smallPack();
    pack.entities.push({ ...pack.entities[0]!, aliases: ['Another name'] });
    pack.events[0]!.entities = ['nobody'];
    pack.events[1]!.topics = ['nothing'];
    pack.entities[1]!.related = ['ghost'];
    const messages = problemsOf(pack).map((p) => `${p.path} ${p.message}`);
    expect(messages).toContain('$.entities[4].id duplicate entity id "northwind"');
    expect(messages).toContain('$.events[0].entities[0] unknown entity "nobody"');
    expect(messages).toContain('$.events[1].topics[0] unknown topic "nothing"');
    expect(messages).toContain('$.entities[1].related[0] unknown entity "ghost"');
  });

  it('checks calendar dates and spans', () => {
    const pack = smallPack();
    pack.events[0]!.date = '2019-02-30';
    pack.events[1]!.end = '2000-01-01';
    const paths = problemsOf(pack).map((p) => p.path);
    expect(paths).toEqual(['$.events[0].date', '$.events[1].end']);
  });

  it('refuses an alias claimed by two entities unless context tells them apart', () => {
    const pack = smallPack();
    pack.entities[1]!.aliases.push('northwind');
    expect(problemsOf(pack).map((p) => p.path)).toEqual(['$.entities[1].aliases[2]']);

    const ok = smallPack();
    ok.entities[0]!.aliases.push({ text: 'Quill', context: ['phone'] });
    ok.entities[3]!.aliases.push({ text: 'Quill', context: ['detained'] });
    expect(problemsOf(ok)).toEqual([]);
  });

  it('treats a case-insensitive alias and another entity’s acronym of the same letters as a clash', () => {
    const pack = smallPack();
    pack.entities[2]!.aliases.push('nwt');
    expect(problemsOf(pack).some((p) => p.message.includes('NWT') || p.message.includes('nwt'))).toBe(true);
  });

  it('requires acronyms to be case-sensitive and common words to have context', () => {
    const pack = smallPack();
    pack.entities[0]!.aliases.push('NWX');
    pack.entities[1]!.aliases.push('Commerce');
    const messages = problemsOf(pack).map((p) => p.message);
    expect(messages.some((m) => m.includes('acronym "NWX" must be caseSensitive'))).toBe(true);
    expect(messages.some((m) => m.includes('"Commerce" is a common word'))).toBe(true);
  });

  it('refuses too-long texts', () => {
    const pack = smallPack();
    pack.entities[0]!.summary = 'x'.repeat(5000);
    expect(problemsOf(pack).map((p) => p.path)).toEqual(['$.entities[0].summary']);
  });

  it('handles a pack with 10 MB of text without falling over', () => {
    const pack = smallPack();
    // 10,000 events with ~1 KB of text each.
    pack.events = Array.from({ length: 10_000 }, (_, i) => ({
      id: `big-${i}`,
      date: '2020-01-01',
      title: `Big ${i}`,
      description: 'y'.repeat(590),
      entities: ['northwind'],
      topics: ['trade'],
      importance: 1,
      sources: [{ publisher: 'P'.repeat(100), title: 't'.repeat(290), url: `https://example.org/${i}` }],
    }));
    expect(JSON.stringify(pack).length).toBeGreaterThan(10_000_000);
    expect(validatePack(pack).ok).toBe(true);
  });

  it('rejects things that are not packs at all', () => {
    for (const bad of [null, 42, 'pack', [], { format: 2 }]) expect(validatePack(bad).ok).toBe(false);
  });
});

describe('validatePack: every problem in one run', () => {
  it('reports a bad URL, an impossible date, a dangling entity and a late event together', () => {
    const pack = smallPack(); // asOf 2024-12-31
    pack.events[0]!.sources[0]!.url = 'not a url';
    pack.events[1]!.date = '2019-02-30';
    pack.events[2]!.entities = ['nobody'];
    pack.events[3]!.date = '2025-01-02';
    const problems = problemsOf(pack);
    expect(problems.map((p) => p.path)).toEqual([
      '$.events[0].sources[0].url',
      '$.events[1].date',
      '$.events[2].entities[0]',
      '$.events[3].date',
    ]);
    expect(problems[3]?.message).toBe("event dated 2025-01-02 is after the pack's asOf (2024-12-31)");
  });

  it('reads what it can of a pack that fails the schema, without throwing', () => {
    const problems = problemsOf({ format: 1, entities: [null, { id: 3 }], events: 'none', asOf: 2024 });
    expect(problems.length).toBeGreaterThan(3);
    expect(problems.every((p) => p.path.startsWith('$'))).toBe(true);
  });
});

describe('validatePack: nothing later than asOf', () => {
  it('counts a month or a year as its last day', () => {
    const pack = { ...smallPack(), asOf: '2025-11-07' };
    pack.events[0]!.date = '2025-11';
    pack.events[1]!.date = '2025';
    pack.events[2]!.date = '2025-10';
    expect(problemsOf(pack).map((p) => p.path)).toEqual(['$.events[0].date', '$.events[1].date']);
  });

  it('refuses late spans, facts and sources, and accepts the asOf day itself', () => {
    const pack = { ...smallPack(), asOf: '2024-12-31' };
    pack.events[0]!.end = '2025-03';
    pack.events[1]!.sources[0]!.date = '2025-01-01';
    pack.entities[0]!.facts = [{ label: 'Renamed', value: 'in 2025', date: '2025' }];
    pack.events[2]!.date = '2024-12-31';
    expect(problemsOf(pack).map((p) => p.path)).toEqual([
      '$.entities[0].facts[0].date',
      '$.events[0].end',
      '$.events[1].sources[0].date',
    ]);
  });
});

describe('alias clashes fold as the matcher does', () => {
  it('sees "Łódź" and "Lodz", "Straße" and "Strasse" as one name', () => {
    const pack = smallPack();
    pack.entities[0]!.aliases = ['Łódź Works', 'Straße Systems'];
    pack.entities[1]!.aliases = ['Lodz Works', 'Strasse Systems'];
    expect(problemsOf(pack).map((p) => p.path)).toEqual([
      '$.entities[1].aliases[0]',
      '$.entities[1].aliases[1]',
    ]);
  });
});

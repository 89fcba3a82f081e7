import { describe, expect, it } from 'vitest';
import { normalizeAlias, normalizeForMatch } from '../../../../utils/core/matcher/index';

/** The original text behind normalised units [from, to). */
function original(text: string, from: number, to: number): string {
  const n = normalizeForMatch(text);
  return text.slice(n.starts[from], n.ends[to - 1]);
}

describe('normalizeForMatch', () => {
  it('folds case in `folded` and keeps it in `cased`', () => {
    const n = normalizeForMatch('Brussels EU');
    expect(n.folded).toBe('brussels eu');
    expect(n.cased).toBe('Brussels EU');
  });

  it('folds diacritics, precomposed or decomposed', () => {
    expect(normalizeForMatch('Malmström').folded).toBe('malmstrom');
    expect(normalizeForMatch('Malmstro\u0308m').folded).toBe('malmstrom');
    expect(normalizeForMatch('ÉCOLE Žižek').cased).toBe('ECOLE Zizek');
  });

  it('folds letters without a decomposition to their usual base letters', () => {
    expect(normalizeForMatch('Łódź Ørsted Straße Æsir').folded).toBe('lodz orsted strasse aesir');
  });

  it('reads typographic apostrophes and quotes as ASCII', () => {
    expect(normalizeForMatch('‘a’ ʼb ′c «d» “e” „f“ ″g').folded).toBe(`'a' 'b 'c "d" "e" "f" "g`);
  });

  it('reads dash variants as a hyphen', () => {
    expect(normalizeForMatch('a‐b‑c‒d–e—f−g').folded).toBe('a-b-c-d-e-f-g');
  });

  it('reads Unicode spaces as spaces and collapses runs', () => {
    const n = normalizeForMatch('a\u00a0b\u202fc\u2009d \t\n e\u3000\u3000f');
    expect(n.folded).toBe('a b c d e f');
  });

  it('drops soft hyphens and zero-width characters', () => {
    expect(normalizeForMatch('Hua\u00adwei\u200b Zh\u200cong\u200dxing\ufeff').folded).toBe(
      'huawei zhongxing',
    );
  });

  it('keeps one unit per unit for plain text, so offsets are the identity', () => {
    const text = 'Plain prose, with punctuation.';
    const n = normalizeForMatch(text);
    expect(n.folded.length).toBe(text.length);
    n.starts.forEach((start, i) => {
      expect(start).toBe(i);
      expect(n.ends[i]).toBe(i + 1);
    });
  });

  it('maps a collapsed space back to the whole whitespace run', () => {
    const text = 'ab \u00a0\n cd';
    const n = normalizeForMatch(text);
    expect(n.folded).toBe('ab cd');
    expect(text.slice(n.starts[2], n.ends[2])).toBe(' \u00a0\n ');
  });

  it('keeps a folded-away accent inside the character it decorates', () => {
    const text = 'Jose\u0301 Mari\u0301a';
    expect(normalizeForMatch(text).folded).toBe('jose maria');
    expect(original(text, 0, 4)).toBe('Jose\u0301');
    expect(original(text, 5, 10)).toBe('Mari\u0301a');
  });

  it('never starts a range on a dropped character', () => {
    const text = '\u00ad\u200bNamed';
    const n = normalizeForMatch(text);
    expect(n.folded).toBe('named');
    expect(n.starts[0]).toBe(2);
  });

  it('keeps offsets exact when lower-casing would change the length', () => {
    // "İ".toLowerCase() is two code units; per-code-point folding keeps one.
    const text = 'İİ İstanbul';
    const n = normalizeForMatch(text);
    expect(n.folded).toBe('ii istanbul');
    expect(text.slice(n.starts[3], n.ends[10])).toBe('İstanbul');
  });

  it('keeps surrogate pairs whole', () => {
    const text = 'a𝐀b𐐀c';
    const n = normalizeForMatch(text);
    expect(n.folded).toBe('a𝐀b𐐨c');
    expect(text.slice(n.starts[1], n.ends[2])).toBe('𝐀');
    expect(text.slice(n.starts[4], n.ends[5])).toBe('𐐀');
  });

  it('maps every unit of an expansion to the whole original character', () => {
    const text = 'Weiß';
    const n = normalizeForMatch(text);
    expect(n.folded).toBe('weiss');
    expect([n.starts[3], n.ends[3], n.starts[4], n.ends[4]]).toEqual([3, 4, 3, 4]);
  });

  it('replaces lone surrogates instead of throwing', () => {
    const n = normalizeForMatch('a\ud800b\udc00');
    expect(n.folded).toBe('a\ufffdb\ufffd');
  });

  it('folds Greek final sigma like sigma', () => {
    expect(normalizeForMatch('ΟΔΟΣ').folded).toBe(normalizeForMatch('οδος').folded);
  });

  it('keeps the marks of scripts where they carry meaning', () => {
    expect(normalizeForMatch('हिन्दी').folded).toBe('हिन्दी');
  });

  it('handles the empty string', () => {
    expect(normalizeForMatch('')).toEqual({
      folded: '',
      cased: '',
      starts: new Uint32Array(0),
      ends: new Uint32Array(0),
    });
  });
});

describe('normalizeAlias', () => {
  it('gives the same key to spacing and case variants of one name', () => {
    expect(normalizeAlias('Entity List')).toEqual({ folded: 'entity list', cased: 'Entity List' });
    expect(normalizeAlias('entity\u00a0 LIST').folded).toBe('entity list');
  });

  it('trims leading and trailing space', () => {
    expect(normalizeAlias(' \u2009Huawei\u00a0')).toEqual({ folded: 'huawei', cased: 'Huawei' });
  });

  it('reduces invisible-only text to nothing', () => {
    expect(normalizeAlias('\u00ad\u200b \u00a0')).toEqual({ folded: '', cased: '' });
  });
});

import { describe, expect, it } from 'vitest';
import { nonSpace } from '../../../../utils/page/read/readable-root';
import { isSpaceCode } from '../../../../utils/page/read/skip-rules';

describe('isSpaceCode', () => {
  it('is exactly the set of /\\s/ (readable-root counts text with a native \\s replace)', () => {
    const differ: number[] = [];
    for (let c = 0; c <= 0xffff; c++)
      if (isSpaceCode(c) !== /\s/.test(String.fromCharCode(c))) differ.push(c);
    expect(differ).toEqual([]);
  });
});

describe('nonSpace (readable-root text counts)', () => {
  it('counts exactly up to 64 K characters', () => {
    expect(nonSpace('a b\tc\n\u00a0d')).toBe(4);
    const text = 'word '.repeat(13_000); // 65,000 characters
    expect(nonSpace(text)).toBe(52_000);
  });

  it('estimates a long text within a few per cent, never by counting every character', () => {
    const prose = 'The quick brown fox jumps over the lazy dog.   \n'.repeat(20_000); // 960,000 characters
    const exact = prose.replace(/\s+/g, '').length;
    expect(Math.abs(nonSpace(prose) - exact) / exact).toBeLessThan(0.02);
    // Whitespace-heavy markup at the start and prose after it: still close.
    const mixed = ' '.repeat(200_000) + 'x'.repeat(300_000);
    expect(Math.abs(nonSpace(mixed) - 300_000) / 300_000).toBeLessThan(0.05);
  });
});

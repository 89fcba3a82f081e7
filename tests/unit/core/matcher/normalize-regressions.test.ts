import { describe, expect, it } from 'vitest';
import { normalizeForMatch } from '../../../../utils/core/matcher/index';

describe('normalizeForMatch regressions', () => {
  it('folds punctuation that a decomposition produces (Greek varia → grave → apostrophe)', () => {
    // U+1FEF decomposes to U+0060, which itself reads as an apostrophe.
    expect(normalizeForMatch('\u1fef').folded).toBe("'");
    expect(normalizeForMatch(normalizeForMatch('\u1fef').folded).folded).toBe("'");
    expect(normalizeForMatch('\u1fed').folded).toBe(
      normalizeForMatch(normalizeForMatch('\u1fed').folded).folded,
    );
  });
});

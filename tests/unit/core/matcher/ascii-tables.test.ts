import { describe, expect, it } from 'vitest';
import { foldInternals } from '../../../../utils/core/matcher/normalize';

describe('ASCII fast-path tables', () => {
  it('hold what the general fold gives for every ASCII character', () => {
    const { computeFold, ascii, KIND_SPACE } = foldInternals;
    for (let c = 0; c < 128; c++) {
      const f = computeFold(c);
      const expected =
        f.kind === KIND_SPACE
          ? { fold: 0x20, cased: 0x20, flags: 0 }
          : { fold: f.fold[0] ?? c, cased: f.cased[0] ?? c, flags: f.flags[0] ?? 0 };
      // Every ASCII character folds to at most one unit, so one table entry holds it.
      expect(f.fold.length, `U+${c.toString(16)}`).toBeLessThanOrEqual(1);
      expect(
        { fold: ascii.fold[c], cased: ascii.cased[c], flags: ascii.flags[c] },
        `U+${c.toString(16)}`,
      ).toEqual(expected);
    }
  });
});

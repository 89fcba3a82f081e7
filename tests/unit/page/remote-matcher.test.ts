/** Reading the background's compact answer (utils/page/remote-matcher.ts). */
import { describe, expect, it } from 'vitest';
import { readAnswer } from '../../../utils/page/remote-matcher';
import { BATCH_CHARS } from '../../../utils/page/scan';
import { matchRequestSchema, MATCH_BATCH_CHARS } from '../../../utils/shared/protocol';

describe('readAnswer', () => {
  it('turns flat quadruples into mentions, per text', () => {
    const answer = {
      key: 'k',
      entities: ['nw', 'quill'],
      blocks: [[0, 9, 0, 3, 14, 23, 1, 7], [], [2, 11, 0, 3]],
    };
    expect(readAnswer(answer, 3)).toEqual([
      [
        { start: 0, end: 9, entityId: 'nw', aliasIndex: 3 },
        { start: 14, end: 23, entityId: 'quill', aliasIndex: 7 },
      ],
      [],
      [{ start: 2, end: 11, entityId: 'nw', aliasIndex: 3 }],
    ]);
  });

  it('gives one list per text asked about, whatever came back', () => {
    // The guard's fallback (a rejected message) has no blocks; a short answer pads out.
    expect(readAnswer({ key: null, entities: [], blocks: [] }, 2)).toEqual([[], []]);
    // An unknown entity and a truncated quadruple are skipped.
    expect(readAnswer({ key: 'k', entities: ['nw'], blocks: [[0, 2, 5, 0, 3, 4, 0]] }, 1)).toEqual([[]]);
  });
});

describe('the match request schema', () => {
  it('accepts a page’s batch and refuses more text than one batch may carry', () => {
    expect(matchRequestSchema.safeParse({ texts: ['Northwind', ''] }).success).toBe(true);
    const half = 'x'.repeat(MATCH_BATCH_CHARS / 2);
    expect(matchRequestSchema.safeParse({ texts: [half, half] }).success).toBe(true);
    expect(matchRequestSchema.safeParse({ texts: [half, half, 'x'] }).success).toBe(false);
    expect(matchRequestSchema.safeParse({ texts: [42] }).success).toBe(false);
    expect(matchRequestSchema.safeParse({ texts: [], extra: 1 }).success).toBe(false);
    // The page splits its text by the same limit.
    expect(BATCH_CHARS).toBe(MATCH_BATCH_CHARS);
  });
});

import { describe, expect, it } from 'vitest';
import { isSpaceCode } from '../../../../utils/page/read/skip-rules';

describe('isSpaceCode', () => {
  it('is exactly the set of /\\s/ (readable-root counts text with a native \\s replace)', () => {
    const differ: number[] = [];
    for (let c = 0; c <= 0xffff; c++)
      if (isSpaceCode(c) !== /\s/.test(String.fromCharCode(c))) differ.push(c);
    expect(differ).toEqual([]);
  });
});

import { describe, expect, it } from 'vitest';
import { isNearViewport, type Box } from '../../../utils/page/near-viewport';

const viewport = { width: 1000, height: 800 };
/** A block of 600 × 100 px at `top` (px from the viewport's top), `left` px from its left. */
const box = (top: number, left = 0): Box => ({
  top,
  bottom: top + 100,
  left,
  right: left + 600,
  width: 600,
  height: 100,
});

describe('isNearViewport', () => {
  it('keeps blocks in the viewport and within one screen above or below it', () => {
    expect(isNearViewport(box(0), viewport)).toBe(true);
    expect(isNearViewport(box(1500), viewport)).toBe(true); // top 1500 ≤ 800 + 800
    expect(isNearViewport(box(-850), viewport)).toBe(true); // bottom -750 ≥ -800
  });

  it('leaves out blocks further than that, in either direction', () => {
    expect(isNearViewport(box(1601), viewport)).toBe(false);
    expect(isNearViewport(box(-901), viewport)).toBe(false); // bottom -801
    expect(isNearViewport(box(0, 2001), viewport)).toBe(false); // right of the viewport by more than its width
    expect(isNearViewport(box(0, -1601), viewport)).toBe(false); // right edge -1001
  });

  it('takes the margin in screens', () => {
    expect(isNearViewport(box(3000), viewport, 3)).toBe(true);
    expect(isNearViewport(box(3000), viewport, 1)).toBe(false);
    expect(isNearViewport(box(900), viewport, 0)).toBe(false);
    expect(isNearViewport(box(700), viewport, 0)).toBe(true);
  });

  it('counts a block with no box as near: it cannot be placed, and a mention must not go unshown', () => {
    const none: Box = { top: 0, bottom: 0, left: 0, right: 0, width: 0, height: 0 };
    expect(isNearViewport(none, viewport)).toBe(true);
    // A zero-height line far below still has a width: it is placed, and far.
    expect(isNearViewport({ ...box(5000), bottom: 5000, height: 0 }, viewport)).toBe(false);
  });
});

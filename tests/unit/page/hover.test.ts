import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { HoverTracker } from '../../../utils/page/hover';

interface Fake {
  id: string;
}
const A: Fake = { id: 'a' };
const B: Fake = { id: 'b' };

function setup(under: () => Fake | undefined, pinned = () => false) {
  let open: Fake | undefined;
  const calls: string[] = [];
  const tracker = new HoverTracker<Fake>({
    dwellMs: () => 400,
    graceMs: 300,
    setTimeout: (fn, ms) => setTimeout(fn, ms) as unknown as number,
    clearTimeout: (id) => clearTimeout(id),
    hitTest: () => under(),
    prefetch: (m) => calls.push(`prefetch ${m.id}`),
    open: (m) => {
      open = m;
      calls.push(`open ${m.id}`);
    },
    close: () => {
      calls.push(`close ${open?.id}`);
      open = undefined;
    },
    openFor: () => open,
    isPinned: pinned,
  });
  return { tracker, calls, isOpen: () => open };
}

beforeEach(() => vi.useFakeTimers());
afterEach(() => vi.useRealTimers());

describe('HoverTracker', () => {
  it('prefetches at once and opens only after the dwell', () => {
    let under: Fake | undefined = A;
    const { tracker, calls } = setup(() => under);
    tracker.pointerMove(1, 1);
    expect(calls).toEqual(['prefetch a']);
    vi.advanceTimersByTime(399);
    expect(calls).toEqual(['prefetch a']);
    vi.advanceTimersByTime(1);
    expect(calls).toEqual(['prefetch a', 'open a']);
    under = undefined;
  });

  it('does not open for a pointer passing by', () => {
    let under: Fake | undefined = A;
    const { tracker, calls } = setup(() => under);
    tracker.pointerMove(1, 1);
    vi.advanceTimersByTime(200);
    under = undefined;
    tracker.pointerMove(50, 50);
    vi.advanceTimersByTime(1000);
    expect(calls).toEqual(['prefetch a']);
  });

  it('keeps the card while the pointer travels into it within the grace period', () => {
    let under: Fake | undefined = A;
    const { tracker, calls, isOpen } = setup(() => under);
    tracker.pointerMove(1, 1);
    vi.advanceTimersByTime(400);
    under = undefined;
    tracker.pointerMove(1, 30); // between mention and card
    vi.advanceTimersByTime(200);
    tracker.cardEnter();
    vi.advanceTimersByTime(2000);
    expect(isOpen()).toBe(A);
    tracker.cardLeave();
    vi.advanceTimersByTime(299);
    expect(isOpen()).toBe(A);
    vi.advanceTimersByTime(1);
    expect(isOpen()).toBeUndefined();
    expect(calls.at(-1)).toBe('close a');
  });

  it('closes after the grace period when the pointer leaves both', () => {
    let under: Fake | undefined = A;
    const { tracker, isOpen } = setup(() => under);
    tracker.pointerMove(1, 1);
    vi.advanceTimersByTime(400);
    under = undefined;
    tracker.pointerMove(300, 300);
    vi.advanceTimersByTime(300);
    expect(isOpen()).toBeUndefined();
  });

  it('never closes a pinned card by itself', () => {
    let under: Fake | undefined = A;
    const { tracker, isOpen } = setup(
      () => under,
      () => true,
    );
    tracker.pointerMove(1, 1);
    vi.advanceTimersByTime(400);
    under = undefined;
    tracker.pointerMove(300, 300);
    tracker.pointerLeave();
    vi.advanceTimersByTime(5000);
    expect(isOpen()).toBe(A);
  });

  it('moves to another mention after its own dwell', () => {
    let under: Fake | undefined = A;
    const { tracker, calls, isOpen } = setup(() => under);
    tracker.pointerMove(1, 1);
    vi.advanceTimersByTime(400);
    under = B;
    tracker.pointerMove(100, 1);
    vi.advanceTimersByTime(400);
    expect(isOpen()).toBe(B);
    expect(calls).toEqual(['prefetch a', 'open a', 'prefetch b', 'open b']);
  });

  it('returning to the open mention cancels the grace close', () => {
    let under: Fake | undefined = A;
    const { tracker, isOpen } = setup(() => under);
    tracker.pointerMove(1, 1);
    vi.advanceTimersByTime(400);
    under = undefined;
    tracker.pointerMove(1, 40);
    vi.advanceTimersByTime(100);
    under = A;
    tracker.pointerMove(1, 1);
    vi.advanceTimersByTime(1000);
    expect(isOpen()).toBe(A);
  });
});

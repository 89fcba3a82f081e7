import { describe, expect, it, vi } from 'vitest';
import type { ContentScriptContext } from 'wxt/utils/content-script-context';
import type { CardActions, CardTarget } from '../../../entrypoints/card-ui/card-ui';
import { LazyCard } from '../../../utils/page/lazy-card';

const ctx = {} as ContentScriptContext;
const actions = {} as CardActions;
const target = { entityId: 'p:a' } as CardTarget;

function fakeUi() {
  const opened: unknown[] = [];
  class FakeCardUi {
    isPinned = true;
    constructor(
      readonly c: unknown,
      readonly a: unknown,
    ) {}
    async open(t: unknown) {
      opened.push(t);
    }
    close = vi.fn();
  }
  return { FakeCardUi, opened };
}

describe('LazyCard', () => {
  it('loads the UI once, on prefetch or first open, and reuses it', async () => {
    const { FakeCardUi, opened } = fakeUi();
    const load = vi.fn(async () => FakeCardUi as never);
    const card = new LazyCard(ctx, actions, load);
    expect(card.isPinned).toBe(false);
    card.close(); // nothing loaded yet: no-op
    card.prefetch();
    await card.open(target);
    await card.open(target);
    expect(load).toHaveBeenCalledTimes(1);
    expect(opened).toEqual([target, target]);
    expect(card.isPinned).toBe(true);
  });

  it('tries again after a failed load', async () => {
    const { FakeCardUi, opened } = fakeUi();
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => undefined);
    const load = vi
      .fn<() => Promise<never>>()
      .mockRejectedValueOnce(new Error('offline?'))
      .mockResolvedValueOnce(FakeCardUi as never);
    const card = new LazyCard(ctx, actions, load);
    await card.open(target);
    expect(opened).toEqual([]);
    await card.open(target);
    expect(opened).toEqual([target]);
    expect(load).toHaveBeenCalledTimes(2);
    expect(warn).toHaveBeenCalledOnce();
  });
});

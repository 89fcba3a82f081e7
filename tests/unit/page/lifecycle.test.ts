/**
 * A content script invalidated in the middle of start() (an extension update, or a second
 * injection after a site was granted) starts nothing: no MutationObserver, no timer, no
 * storage or message listener. The control case shows the same start() does start them.
 */
import { afterEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { ContentScriptContext } from 'wxt/utils/content-script-context';
import { ContentController } from '../../../utils/page/controller';
import { localMatcher } from '../../fixtures/local-matcher';

/** Whether an extension event has listeners (the fake implements Chrome's hasListeners). */
const listening = (event: unknown) => (event as { hasListeners(): boolean }).hasListeners();

afterEach(() => {
  vi.useRealTimers();
  vi.restoreAllMocks();
});

function setUp() {
  document.body.innerHTML = '<main><p>Nothing to mark here.</p></main>';
  const observe = vi.spyOn(MutationObserver.prototype, 'observe');
  const ctx = new ContentScriptContext('backstory-test');
  return { ctx, observe, controller: new ContentController(ctx, document, window, localMatcher([])) };
}

describe('ContentController lifecycle', () => {
  it('control: a valid context starts the observer and listens to storage', async () => {
    const { ctx, observe, controller } = setUp();
    await controller.start();
    expect(observe).toHaveBeenCalled();
    expect(listening(fakeBrowser.storage.local.onChanged)).toBe(true);
    expect(listening(fakeBrowser.runtime.onMessage)).toBe(true);
    ctx.notifyInvalidated();
  });

  it('invalidated while start() awaits storage: nothing is left running', async () => {
    const { ctx, observe, controller } = setUp();
    vi.useFakeTimers();
    const started = controller.start();
    ctx.notifyInvalidated(); // start() is waiting for its storage reads
    await started;
    expect(observe).not.toHaveBeenCalled();
    expect(vi.getTimerCount()).toBe(0);
    expect(listening(fakeBrowser.storage.local.onChanged)).toBe(false);
    expect(listening(fakeBrowser.storage.onChanged)).toBe(false);
    expect(listening(fakeBrowser.runtime.onMessage)).toBe(false);
    // A DOM change or a settings change afterwards wakes nothing.
    document.body.append(document.createElement('p'));
    await fakeBrowser.storage.local.set({ enabled: false });
    expect(vi.getTimerCount()).toBe(0);
    expect(observe).not.toHaveBeenCalled();
  });
});

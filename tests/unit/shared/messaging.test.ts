/**
 * The tab sender of @webext-core/messaging 4.0, as patched (patches/): a tab without
 * Backstory's content script makes the send reject, and the browser's lastError is read,
 * so nothing logs "Unchecked runtime.lastError" (in Chrome, an entry on the extension's
 * Errors page for every such tab).
 */
import { afterEach, describe, expect, it, vi } from 'vitest';
import { toTab } from '../../../utils/shared/messaging';

afterEach(() => vi.unstubAllGlobals());

/** A `chrome` whose tabs.sendMessage answers like a tab without a receiver, or with `answer`. */
function stubChrome(answer?: unknown) {
  const reads = { lastError: 0 };
  let lastError: { message: string } | undefined;
  vi.stubGlobal('chrome', {
    runtime: {
      get lastError() {
        reads.lastError++;
        return lastError;
      },
    },
    tabs: {
      sendMessage: (
        _tabId: number,
        _message: unknown,
        _options: unknown,
        callback: (r?: unknown) => void,
      ) => {
        queueMicrotask(() => {
          lastError =
            answer === undefined
              ? { message: 'Could not establish connection. Receiving end does not exist.' }
              : undefined;
          callback(answer);
          lastError = undefined;
        });
      },
    },
  });
  return reads;
}

describe('toTab.sendMessage (patched)', () => {
  it('to a tab without a receiver: rejects, and reads lastError while it is set', async () => {
    const reads = stubChrome();
    await expect(toTab.sendMessage('tabGetReport', undefined, 5)).rejects.toThrow('No response');
    expect(reads.lastError).toBeGreaterThan(0);
  });

  it('to a tab that answers: resolves with the answer', async () => {
    stubChrome({ res: true });
    await expect(toTab.sendMessage('tabRevealMention', { entityId: 'p:a' }, 5)).resolves.toBe(true);
  });
});

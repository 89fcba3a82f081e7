/**
 * The benchmark's attribution of main-thread work to the extension (bench/trace.ts), on
 * synthetic traces shaped like Chrome's: the continuation of an extension API's promise
 * runs in the microtask checkpoint after the task that received the answer, with no
 * script URL anywhere, and must count as the extension's, as part of that task.
 */
import { describe, expect, it } from 'vitest';
import { extensionCost, isExtensionEvent, type TraceEvent } from '../../bench/trace';

const MAIN = { pid: 1, tid: 7 };
const meta: TraceEvent = {
  ...MAIN,
  ph: 'M',
  name: 'thread_name',
  cat: '__metadata',
  ts: 0,
  args: { name: 'CrRendererMain' },
};
const task = (ts: number, dur: number, tdur = dur): TraceEvent => ({
  ...MAIN,
  ph: 'X',
  name: 'ThreadControllerImpl::RunTask',
  cat: 'toplevel',
  ts,
  dur,
  tdur,
});
const reply = (ts: number, tag: string): TraceEvent => ({
  ...MAIN,
  ph: 'X',
  name: 'Receive mojo reply',
  cat: 'toplevel,mojom',
  ts,
  dur: 50,
  args: { chrome_mojo_event_info: { mojo_interface_tag: tag } },
});
const checkpoint = (ts: number, dur: number): TraceEvent => ({
  ...MAIN,
  ph: 'X',
  name: 'BlinkScheduler_PerformMicrotaskCheckpoint',
  cat: 'toplevel',
  ts,
  dur,
  tdur: dur,
});

describe('extensionCost', () => {
  it('counts the microtask checkpoint after an extension API answer as part of that task', () => {
    const events = [
      meta,
      task(1_000, 100),
      reply(1_020, 'extensions.mojom.LocalFrameHost'),
      checkpoint(1_110, 55_000),
      // The page's own task and checkpoint: not ours.
      task(60_000, 2_000),
      reply(60_010, 'blink.mojom.ManifestManager'),
      checkpoint(62_010, 3_000),
    ];
    const { extension, all } = extensionCost(events);
    expect(extension.tasks).toBe(1);
    expect(extension.wallMs).toBeCloseTo(55.1);
    expect(extension.cpuMs).toBeCloseTo(55.1);
    expect(extension.longestMs).toBeCloseTo(55.1);
    expect(all.wallMs).toBeCloseTo(60.1);
  });

  it('recognises extension IPC by its mojo interface, and nothing else by it', () => {
    expect(isExtensionEvent(reply(0, 'extensions.mojom.LocalFrameHost'))).toBe(true);
    expect(isExtensionEvent(reply(0, 'blink.mojom.ManifestManager'))).toBe(false);
    expect(
      isExtensionEvent({
        ...MAIN,
        ph: 'X',
        name: 'ContentScriptInjectionUrlGetter',
        cat: 'extensions',
        ts: 0,
      }),
    ).toBe(false);
  });
});

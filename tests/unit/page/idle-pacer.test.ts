import { describe, expect, it, vi } from 'vitest';
import { IdlePacer } from '../../../utils/page/idle-pacer';

/** Timers and idle callbacks that run only when the test says so, on a clock it sets. */
function harness(withIdle = true) {
  let t = 0;
  const timers: { fn: () => void; ms: number }[] = [];
  const idle: (() => void)[] = [];
  const task = vi.fn();
  const pacer = new IdlePacer(
    {
      setTimeout: (fn, ms) => timers.push({ fn, ms }),
      requestIdleCallback: withIdle ? (fn) => idle.push(fn) : undefined,
    },
    task,
    1000,
    () => t,
  );
  return {
    pacer,
    task,
    timers,
    idle,
    at: (ms: number) => (t = ms),
    runIdle: () => idle.splice(0).forEach((fn) => fn()),
    runTimers: () => timers.splice(0).forEach(({ fn }) => fn()),
  };
}

describe('IdlePacer', () => {
  it('runs once at idle for any number of requests until then', () => {
    const h = harness();
    h.pacer.request();
    h.pacer.request();
    expect(h.task).not.toHaveBeenCalled();
    expect(h.idle).toHaveLength(1);
    h.runIdle();
    expect(h.task).toHaveBeenCalledTimes(1);
  });

  it('holds a request that comes within the gap until the gap is over, then waits for idle', () => {
    const h = harness();
    h.at(5000);
    h.pacer.request();
    h.runIdle();
    h.at(5300);
    h.pacer.request();
    h.pacer.request();
    expect(h.idle).toHaveLength(0);
    expect(h.timers.map((x) => x.ms)).toEqual([700]);
    h.at(6000);
    h.runTimers();
    expect(h.task).toHaveBeenCalledTimes(1);
    h.runIdle();
    expect(h.task).toHaveBeenCalledTimes(2);
    // Past the gap, a request goes straight to idle.
    h.at(7500);
    h.pacer.request();
    expect(h.timers).toHaveLength(0);
    expect(h.idle).toHaveLength(1);
  });

  it('reset() lets the next request through without waiting', () => {
    const h = harness();
    h.at(5000);
    h.pacer.request();
    h.runIdle();
    h.pacer.reset();
    h.at(5100);
    h.pacer.request();
    expect(h.timers).toHaveLength(0);
    h.runIdle();
    expect(h.task).toHaveBeenCalledTimes(2);
  });

  it('falls back to a zero timer where there is no requestIdleCallback', () => {
    const h = harness(false);
    h.pacer.request();
    expect(h.timers.map((x) => x.ms)).toEqual([0]);
    h.runTimers();
    expect(h.task).toHaveBeenCalledTimes(1);
  });
});

/**
 * A service-worker wake as an extension page pays it: the worker is stopped (CDP
 * `ServiceWorker.stopAllWorkers`), then a page of the extension sends a message the
 * background answers after its set-up work (`pagePacksChanged`: check the bundled pack,
 * bring the matcher up to date); the figure is the time until the reply. The same message
 * to a running worker is given beside it.
 */
import type { Session } from '../scripts/chromium-session';
import { median } from './stats';

export interface WakeCost {
  runs: number;
  /** ms from the message to the reply, worker stopped before each. */
  wakeMs: number;
  /** The same, worker already running. */
  warmMs: number;
}

export async function benchWake(s: Session, runs: number): Promise<WakeCost> {
  const page = await s.openExtensionPage('options.html');
  const cdp = await s.context.newCDPSession(page);
  await cdp.send('ServiceWorker.enable');
  const ask = () =>
    page.evaluate(
      () =>
        new Promise<number>((resolve) => {
          const t0 = performance.now();
          // @webext-core/messaging's message shape, as the options page sends it.
          const message = { id: 1, type: 'pagePacksChanged', data: undefined, timestamp: Date.now() };
          const { runtime } = (
            globalThis as unknown as {
              chrome: { runtime: { sendMessage(m: unknown, reply: () => void): void } };
            }
          ).chrome;
          runtime.sendMessage(message, () => resolve(performance.now() - t0));
        }),
    );
  const wake: number[] = [];
  const warm: number[] = [];
  try {
    for (let i = 0; i < runs; i++) {
      await cdp.send('ServiceWorker.stopAllWorkers');
      await page.waitForTimeout(300);
      wake.push(await ask());
      await page.waitForTimeout(300);
      warm.push(await ask());
    }
  } finally {
    await cdp.detach();
    await page.close();
  }
  return { runs, wakeMs: median(wake), warmMs: median(warm) };
}

/**
 * UI benchmark in headless Chromium: how long a hover card takes from the end of the
 * dwell to being drawn with its data (target ≤ 50 ms with the bundled pack), and how
 * long the side panel takes to put a 300-event timeline on screen after its data
 * arrives (target ≤ 100 ms). Both come from user-timing marks the UI sets itself.
 */
import { join } from 'node:path';
import { generatePack } from './generate';
import { fmt, percentile, table } from './stats';

const CARD_RUNS = Number(process.env.BENCH_CARD_RUNS ?? 12);
const PANEL_RUNS = Number(process.env.BENCH_PANEL_RUNS ?? 5);
const MENTIONS = ['Huawei', 'NATO', 'Meng Wanzhou', 'ZTE', 'Entity List', 'Jens Stoltenberg'];

export async function benchUi(extensionDir: string): Promise<Record<string, unknown>> {
  process.env.BACKSTORY_EXTENSION_DIR = extensionDir;
  const { startSession, ROOT } = await import('../scripts/chromium-session');
  const s = await startSession({ pagesRoot: join(ROOT, 'scripts', 'demo') });
  try {
    // Card: each run hovers a mention on a fresh load (nothing cached), then reads the mark.
    const card: number[] = [];
    for (let i = 0; i < CARD_RUNS; i++) {
      const page = await s.context.newPage();
      await page.goto(`${s.server.url}/article.html`);
      await page.waitForFunction(() => performance.getEntriesByName('backstory-highlighted').length > 0);
      const text = MENTIONS[i % MENTIONS.length]!;
      const point = await page.evaluate((wanted) => {
        const registry = (CSS as unknown as { highlights: Map<string, Set<Range>> }).highlights;
        for (const [name, h] of registry) {
          if (name === 'backstory-current') continue;
          for (const r of h) {
            if (r.toString() !== wanted) continue;
            r.startContainer.parentElement?.scrollIntoView({ block: 'center' });
            const b = r.getClientRects()[0]!;
            return { x: b.left + b.width / 2, y: b.top + b.height / 2 };
          }
        }
        return null;
      }, text);
      if (point) {
        await page.mouse.move(point.x, point.y);
        const ms = await page.waitForFunction(
          () =>
            (performance.getEntriesByName('backstory-card-shown')[0] as PerformanceMark | undefined)?.detail
              ?.ms,
          undefined,
          { timeout: 10_000 },
        );
        card.push(Number(await ms.jsonValue()));
      }
      await page.close();
    }

    // Panel: import a pack whose one entity has 300 events, then open its timeline.
    const options = await s.openExtensionPage('options.html');
    const pack = generatePack(1, 300, 'bench-timeline');
    await options.getByLabel('Import a pack (JSON)').setInputFiles({
      name: 'bench-timeline.json',
      mimeType: 'application/json',
      buffer: Buffer.from(JSON.stringify(pack)),
    });
    await options.getByRole('status').waitFor({ timeout: 30_000 });
    await options.close();
    const panelMs: number[] = [];
    const frames: number[] = [];
    let events = 0;
    for (let i = 0; i < PANEL_RUNS; i++) {
      const panel = await s.openExtensionPage('sidepanel.html');
      await panel.getByRole('button', { name: 'Search' }).click();
      await panel.getByRole('combobox').fill(pack.entities[0]!.name);
      await panel.locator('.bs-result').first().click();
      const detail = await panel.waitForFunction(
        () =>
          (performance.getEntriesByName('backstory-timeline-rendered')[0] as PerformanceMark | undefined)
            ?.detail as { ms: number; events: number } | undefined,
        undefined,
        { timeout: 20_000 },
      );
      const value = (await detail.jsonValue()) as { ms: number; events: number };
      panelMs.push(value.ms);
      events = value.events;
      // Scrolling the long timeline to its end, one step per frame: how long frames take.
      frames.push(
        ...(await panel.evaluate(async () => {
          const deltas: number[] = [];
          let last = performance.now();
          const step = Math.max(40, (document.documentElement.scrollHeight - innerHeight) / 120);
          for (let i = 0; i < 120; i++) {
            await new Promise<void>((r) =>
              requestAnimationFrame(() => {
                scrollBy(0, step);
                const now = performance.now();
                deltas.push(now - last);
                last = now;
                r();
              }),
            );
          }
          return deltas.slice(1);
        })),
      );
      await panel.close();
    }

    const rows = [
      [
        'card: dwell end → drawn with data',
        card.length,
        fmt(percentile(card, 50)),
        fmt(percentile(card, 95)),
        '≤ 50',
        percentile(card, 95) <= 50 ? 'PASS' : 'MISS',
      ],
      [
        `panel: ${events}-event timeline on screen`,
        panelMs.length,
        fmt(percentile(panelMs, 50)),
        fmt(percentile(panelMs, 95)),
        '≤ 100',
        percentile(panelMs, 95) <= 100 ? 'PASS' : 'MISS',
      ],
    ];
    const long = frames.filter((f) => f > 1000 / 30).length;
    rows.push([
      'panel: frame time while scrolling it',
      frames.length,
      fmt(percentile(frames, 50)),
      fmt(percentile(frames, 95)),
      'smooth',
      `${long} frames > 33 ms`,
    ]);
    table('UI latency in ms (headless Chromium)', ['what', 'runs', 'p50', 'p95', 'target', ''], rows);
    return {
      cardMs: { p50: percentile(card, 50), p95: percentile(card, 95), runs: card },
      timeline: { events, p50: percentile(panelMs, 50), p95: percentile(panelMs, 95), runs: panelMs },
      scrollFrames: { p50: percentile(frames, 50), p95: percentile(frames, 95), over33ms: long },
    };
  } finally {
    await s.close();
  }
}

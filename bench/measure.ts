/**
 * What the detection benchmark reads from a loaded page: the content script's user-timing
 * marks, hover hit-testing with the product's own code, the JS heap, and a
 * CPU profile's summary. Each runs in the page (or over CDP) and changes nothing there.
 */
import { buildSync } from 'esbuild';
import { join } from 'node:path';
import type { BrowserContext, CDPSession, Page } from 'playwright-core';

/**
 * What every page loads of the content script, in the built extension: the loader the
 * browser injects and the page module it imports (utils/page/page-loader.ts).
 */
export const CONTENT_FILES = ['content-scripts/backstory.js', 'page-main.js'] as const;

/** One page load with the extension, from its marks. */
export interface RunMarks {
  wallMs: number;
  busyMs: number;
  longestSliceMs: number;
  slices: number;
  paintMs: number;
  blocks: number;
  characters: number;
  textNodes: number;
  mentions: number;
  marked: number;
}

/**
 * Aborts every request that is not for the local server (saved pages point at the whole web),
 * and defines esbuild's `__name` helper in pages: tsx compiles with keepNames, so functions
 * passed to page.evaluate call it.
 */
export async function prepare(context: BrowserContext, serverUrl: string): Promise<void> {
  await context.addInitScript({ content: 'globalThis.__name = (fn) => fn;' });
  await context.route(
    (url) => (url.protocol === 'http:' || url.protocol === 'https:') && !url.href.startsWith(serverUrl),
    (route) => route.abort(),
  );
}

export async function readMarks(page: Page): Promise<RunMarks> {
  await page.waitForFunction(() => performance.getEntriesByName('backstory-highlighted').length > 0, null, {
    timeout: 60_000,
  });
  return page.evaluate(() => {
    const done = performance.getEntriesByName('backstory-highlighted')[0] as PerformanceMark;
    const d = done.detail as Record<string, number>;
    return {
      wallMs: d.wallMs!,
      busyMs: d.busyMs!,
      longestSliceMs: d.longestSliceMs!,
      slices: d.slices!,
      paintMs: d.paintMs!,
      blocks: d.blocks!,
      characters: d.characters!,
      textNodes: d.textNodes!,
      mentions: d.mentions!,
      marked: d.marked!,
    };
  });
}

/**
 * What hovering costs, timed with the product's own code: the page gets a bundle of
 * PageScan (bench/hit-test-probe.ts) in its main world, scans itself with the same stored
 * matcher, and times PageScan.hitTest at the centre of up to 100 marked mentions (50 calls
 * each, averaged). The extension's own highlights on the page are left alone.
 */
export async function measureHitTest(
  page: Page,
  matcherData: string,
): Promise<{ samples: number[]; hits: number }> {
  probe ??= buildSync({
    entryPoints: [join(import.meta.dirname, 'hit-test-probe.ts')],
    bundle: true,
    format: 'iife',
    target: 'es2022',
    write: false,
  }).outputFiles[0]!.text;
  await page.addScriptTag({ content: probe });
  return page.evaluate(
    (data) =>
      (
        window as unknown as {
          backstoryTimeHitTest: (d: string) => Promise<{ samples: number[]; hits: number }>;
        }
      ).backstoryTimeHitTest(data),
    matcherData,
  );
}

let probe: string | undefined;

/** JS heap of the page's renderer isolate (main and isolated worlds), after a full GC. */
export async function heapBytes(cdp: CDPSession): Promise<number> {
  await cdp.send('HeapProfiler.collectGarbage');
  const usage = (await cdp.send('Runtime.getHeapUsage')) as { usedSize: number; backingStorageSize?: number };
  return usage.usedSize + (usage.backingStorageSize ?? 0);
}

export interface ProfileSummary {
  /** Sum of samples with a content-script frame on the stack. */
  contentScriptMs: number;
  /** Longest run of consecutive content-script samples: the longest task it caused. */
  longestRunMs: number;
  /** Self time per function in the content script, largest first. */
  top: { fn: string; ms: number }[];
}

/** Reduces a CDP CPU profile to the content script's share, by script URL. */
export function summarizeProfile(profile: {
  nodes: {
    id: number;
    callFrame: { functionName: string; url: string; lineNumber: number };
    children?: number[];
  }[];
  samples: number[];
  timeDeltas: number[];
}): ProfileSummary {
  const parent = new Map<number, number>();
  const byId = new Map(profile.nodes.map((n) => [n.id, n]));
  for (const n of profile.nodes) for (const c of n.children ?? []) parent.set(c, n.id);
  const isOurs = (url: string) => CONTENT_FILES.some((file) => url.endsWith(`/${file}`));
  const inside = new Map<number, boolean>();
  const oursOnStack = (id: number): boolean => {
    const known = inside.get(id);
    if (known !== undefined) return known;
    const node = byId.get(id)!;
    const p = parent.get(id);
    const value = isOurs(node.callFrame.url) || (p !== undefined && oursOnStack(p));
    inside.set(id, value);
    return value;
  };
  const self = new Map<string, number>();
  let total = 0;
  let run = 0;
  let longest = 0;
  profile.samples.forEach((id, i) => {
    const ms = (profile.timeDeltas[i + 1] ?? 0) / 1000;
    if (!oursOnStack(id)) {
      // Samples of other code (GC, style, layout) inside our task keep the run going.
      const name = byId.get(id)!.callFrame.functionName;
      if (name === '(idle)' || name === '(program)') run = 0;
      return;
    }
    total += ms;
    run += ms;
    longest = Math.max(longest, run);
    const frame = byId.get(id)!.callFrame;
    const key = `${frame.functionName || '(anonymous)'}${isOurs(frame.url) ? '' : ` [${frame.url.split('/').pop() || 'native'}]`}`;
    self.set(key, (self.get(key) ?? 0) + ms);
  });
  const top = [...self.entries()]
    .sort((a, b) => b[1] - a[1])
    .slice(0, 6)
    .map(([fn, ms]) => ({ fn, ms }));
  return { contentScriptMs: total, longestRunMs: longest, top };
}

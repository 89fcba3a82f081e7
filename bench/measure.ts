/**
 * What the detection benchmark reads from a loaded page: the content script's user-timing
 * marks, forced reflow with and without highlights, hover hit-testing, the JS heap, and a
 * CPU profile's summary. Each runs in the page (or over CDP) and changes nothing there.
 */
import type { BrowserContext, CDPSession, Page } from 'playwright-core';
/** One page load with the extension, from its marks. */
export interface RunMarks {
  matcherMs: number;
  /** Between `matcher-ready` and the scan's start: date detection, readable-root lookup (synchronous). */
  preMs: number;
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
    const ready = performance.getEntriesByName('backstory-matcher-ready')[0] as PerformanceMark | undefined;
    const done = performance.getEntriesByName('backstory-highlighted')[0] as PerformanceMark;
    const d = done.detail as Record<string, number>;
    const scanStart = done.startTime - d.wallMs!;
    return {
      matcherMs: (ready?.detail as { ms?: number } | undefined)?.ms ?? NaN,
      preMs: ready ? Math.max(0, scanStart - ready.startTime) : NaN,
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
 * Forced style + layout (`offsetHeight` after changing the root's padding, which re-lays
 * out all text) with the page's highlights registered and with the registry emptied,
 * alternating so drift hits both equally. Restores the highlights.
 */
export function measureReflow(page: Page): Promise<{ withMs: number; withoutMs: number }> {
  return page.evaluate(() => {
    const registry = (CSS as unknown as { highlights: Map<string, unknown> }).highlights;
    const saved = [...registry.entries()];
    const root = document.documentElement;
    let flip = false;
    const once = () => {
      flip = !flip;
      root.style.paddingRight = flip ? '1px' : '';
      const t0 = performance.now();
      void document.body.offsetHeight;
      return performance.now() - t0;
    };
    const withTimes: number[] = [];
    const withoutTimes: number[] = [];
    for (let round = 0; round < 8; round++) {
      for (let i = 0; i < 3; i++) withTimes.push(once());
      registry.clear();
      for (let i = 0; i < 3; i++) withoutTimes.push(once());
      for (const [name, h] of saved) registry.set(name, h);
    }
    root.style.paddingRight = '';
    const med = (v: number[]) => [...v].sort((a, b) => a - b)[Math.floor(v.length / 2)]!;
    return { withMs: med(withTimes), withoutMs: med(withoutTimes) };
  });
}

/**
 * Hit-test cost as the hover handler pays it: the caret API at the centre of a mention's
 * rect, plus the check of that mention's client rects. The O(log n) lookup in between (a
 * Map get and a binary search over the node's segments) is not included.
 */
export function measureHitTest(page: Page): Promise<{ samples: number[]; hits: number }> {
  return page.evaluate(() => {
    const registry = (CSS as unknown as { highlights: Map<string, Set<Range>> }).highlights;
    const ranges: Range[] = [];
    registry.forEach((h, name) => {
      if (name.startsWith('backstory') && name !== 'backstory-current') h.forEach((r) => ranges.push(r));
    });
    const d = document as unknown as {
      caretPositionFromPoint?: (x: number, y: number) => { offsetNode: Node; offset: number } | null;
      caretRangeFromPoint: (x: number, y: number) => Range | null;
    };
    const caret = (x: number, y: number): Node | undefined =>
      d.caretPositionFromPoint
        ? d.caretPositionFromPoint.call(document, x, y)?.offsetNode
        : d.caretRangeFromPoint.call(document, x, y)?.startContainer;
    const samples: number[] = [];
    let hits = 0;
    const step = Math.max(1, Math.floor(ranges.length / 100));
    for (let i = 0; i < ranges.length; i += step) {
      const range = ranges[i]!;
      range.startContainer.parentElement?.scrollIntoView({ block: 'center' });
      const rect = range.getClientRects()[0];
      if (!rect || rect.width === 0) continue;
      const x = rect.left + rect.width / 2;
      const y = rect.top + rect.height / 2;
      caret(x, y); // layout after the scroll is not the hover's cost
      const reps = 50;
      const t0 = performance.now();
      for (let k = 0; k < reps; k++) {
        const node = caret(x, y);
        if (node !== range.startContainer && node !== range.endContainer) continue;
        for (const r of range.getClientRects()) {
          if (x >= r.left && x <= r.right && y >= r.top && y <= r.bottom) {
            if (k === 0) hits++;
            break;
          }
        }
      }
      samples.push((performance.now() - t0) / reps);
    }
    window.scrollTo(0, 0);
    return { samples, hits };
  });
}

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
  const isOurs = (url: string) => url.includes('/content-scripts/backstory.js');
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

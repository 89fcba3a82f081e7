/**
 * Bundled into a benchmark page (main world) by measure.ts: runs the product's own scan and
 * hit test (PageScan.hitTest: caret API, per-node table, range rects), so the benchmark
 * times what hovering really costs, not a re-implementation.
 */
import { deserializeMatcher, matchText } from '../utils/core/matcher';
import { PageScan } from '../utils/page/scan';

async function timeHitTest(
  matcherData: string,
): Promise<{ samples: number[]; hits: number; marked: number }> {
  const matcher = deserializeMatcher(matcherData);
  // Matched in this page's realm: what is timed is the hit test, not the matching.
  const scan = new PageScan(
    document,
    async (texts) => texts.map((t) => matchText(matcher, t)),
    'first-per-entity',
  );
  await scan.full();
  const samples: number[] = [];
  let hits = 0;
  const step = Math.max(1, Math.floor(scan.marked.length / 100));
  for (let i = 0; i < scan.marked.length; i += step) {
    const mention = scan.marked[i]!;
    const range = mention.range;
    if (!range) continue;
    mention.block.element.scrollIntoView({ block: 'center' });
    const rect = range.getClientRects()[0];
    if (!rect || rect.width === 0) continue;
    const x = rect.left + rect.width / 2;
    const y = rect.top + rect.height / 2;
    scan.hitTest(x, y); // the layout after the scroll is not the hover's cost
    const reps = 50;
    const t0 = performance.now();
    for (let k = 0; k < reps; k++) {
      const hit = scan.hitTest(x, y);
      if (k === 0 && hit === mention) hits++;
    }
    samples.push((performance.now() - t0) / reps);
  }
  window.scrollTo(0, 0);
  return { samples, hits, marked: scan.marked.length };
}

(window as unknown as { backstoryTimeHitTest: typeof timeHitTest }).backstoryTimeHitTest = timeHitTest;

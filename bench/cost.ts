/**
 * Page cost as a reader pays it (`npm run bench -- cost`): each page is loaded in headless
 * Chromium with a trace of its renderer's main thread, with the built extension and in a
 * browser without it. The extension's cost is every top-level task that ran its code or
 * Chrome's extension machinery for it (bench/trace.ts): wall time, CPU time, how many
 * tasks and the longest. The page's own total main-thread time is given beside it, with
 * and without the extension. Bundled dictionary and a generated 20,000-alias one.
 */
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium, type BrowserContext } from 'playwright-core';
import { compileMatcher, serializeMatcher } from '../utils/core/matcher';
// @ts-expect-error plain JS helper shared with npm start
import { CHROMIUM_FLAGS as FLAGS, findBrowser } from '../scripts/browser.mjs';
import { articlePage, appendingPage, generateAliases } from './generate';
import { bundledAliases, buildExtension } from './build';
import { fmt, median, table } from './stats';
import { extensionCost, traceAround, type TaskCost } from './trace';
import { benchWake } from './wake';
import { buildFloor, floorContext, FLOORS } from './floors';

/** The pages whose floors are measured (bench/floors.ts). */
const FLOOR_PAGES = ['seed article', '5,000-word article', '100,000-word page'];

const RUNS = Number(process.env.BENCH_COST_RUNS ?? 5);
/** Page names separated by `;` to run only those (quick before/after comparisons); all when unset. */
const ONLY_PAGES = process.env.BENCH_COST_PAGES?.split(';').map((s) => s.trim());
/** Comma-separated dictionaries (`bundled`, `20k`); both when unset. */
const ONLY_DICTS = process.env.BENCH_COST_DICTS?.split(',').map((s) => s.trim());

interface CostPage {
  name: string;
  path: string;
  /** What the page is, as the table labels it. */
  kind: 'our fixture' | 'saved news page' | 'generated';
  /** ms to keep tracing after highlights are set (idle work, endless pages). */
  settleMs: number;
}

async function settle(context: BrowserContext, url: string, p: CostPage, withExtension: boolean) {
  const page = await context.newPage();
  const cdp = await context.newCDPSession(page);
  const events = await traceAround(cdp, async () => {
    await page.goto(url, { waitUntil: 'load' });
    if (withExtension)
      await page
        .waitForFunction(() => performance.getEntriesByName('backstory-highlighted').length > 0, null, {
          timeout: 60_000,
        })
        .catch(() => undefined);
    await page.waitForTimeout(p.settleMs);
  });
  await cdp.detach();
  await page.close();
  return extensionCost(events, url.slice(0, url.indexOf('/', 8)));
}

/**
 * RUNS loads of every page, in rounds: one load of each page, then the next round. A
 * machine that is busier for a minute then slows one load of several pages, which the
 * median drops, instead of every load of one page.
 */
async function inRounds<P, T>(pages: readonly P[], load: (page: P) => Promise<T>): Promise<Map<P, T[]>> {
  const out = new Map<P, T[]>(pages.map((p) => [p, []]));
  for (let i = 0; i < RUNS; i++) {
    for (const p of pages) out.get(p)!.push(await load(p));
    console.log(`  cost: round ${String(i + 1)} of ${String(RUNS)} done`);
  }
  return out;
}

/**
 * Where the time went: the tasks of the load with the median CPU time (BENCH_COST_TASKS=1),
 * or of the load with the longest task (BENCH_COST_TASKS=max).
 */
function printTasks(label: string, loads: TaskCost[]): void {
  const worst = process.env.BENCH_COST_TASKS === 'max';
  const mid = worst
    ? [...loads].sort((a, b) => b.longestMs - a.longestMs)[0]!
    : [...loads].sort((a, b) => a.cpuMs - b.cpuMs)[loads.length >> 1]!;
  console.log(
    `  ${label}: tasks of the ${worst ? 'load with the longest task' : 'median run'} (at, wall, CPU ms; longest events inside)`,
  );
  const list = mid.list ?? [];
  // Past 50 tasks (an endless page), the ten longest.
  const shown = list.length > 50 ? [...list].sort((a, b) => b.wallMs - a.wallMs).slice(0, 10) : list;
  for (const t of shown)
    console.log(`    ${fmt(t.atMs, 0)}  ${fmt(t.wallMs, 1)}  ${fmt(t.cpuMs, 1)}  ${t.inside}`);
}

export async function benchCost(): Promise<Record<string, unknown>> {
  const browserPath: string | undefined = findBrowser();
  if (!browserPath) {
    console.log('\ncost: no Chromium found (set CHROME_PATH): skipped');
    return { skipped: 'no browser' };
  }
  const extensionDir = process.env.BACKSTORY_EXTENSION_DIR ?? buildExtension();
  process.env.BACKSTORY_EXTENSION_DIR = extensionDir;
  const { startSession, CORPUS } = await import('../scripts/chromium-session');
  const base = await bundledAliases();
  const mentions = [...new Set(base.filter((a) => !a.context?.length).map((a) => a.text))];
  const big = generateAliases(20_000, base);
  const bigData = serializeMatcher(compileMatcher(big));

  const pages: CostPage[] = [
    { name: 'demo article', path: '/article.html', kind: 'our fixture', settleMs: 1500 },
  ];
  if (existsSync(join(CORPUS, 'seed-article-rfa-2019-07-03.html')))
    pages.push({
      name: 'seed article',
      path: '/seed-article-rfa-2019-07-03.html',
      kind: 'saved news page',
      settleMs: 1500,
    });
  for (const name of ['guardian-1', 'nytimes-1', 'wikipedia-2'])
    if (existsSync(join(CORPUS, 'pages', name, 'source.html')))
      pages.push({ name, path: `/pages/${name}/source.html`, kind: 'saved news page', settleMs: 1500 });
  pages.push(
    { name: '5,000-word article', path: '/bench/article-5k.html', kind: 'generated', settleMs: 1500 },
    { name: '100,000-word page', path: '/bench/page-100k.html', kind: 'generated', settleMs: 2500 },
    { name: 'appending page (10 s)', path: '/bench/appending.html', kind: 'generated', settleMs: 10_500 },
  );

  const s = await startSession({
    pagesRoot: existsSync(CORPUS) ? CORPUS : join(import.meta.dirname, '..', 'scripts', 'demo'),
  });
  s.server.setPage(
    '/article.html',
    readFileSync(join(import.meta.dirname, '..', 'scripts', 'demo', 'article.html'), 'utf8'),
  );
  s.server.setPage('/bench/article-5k.html', articlePage({ words: 5_000, seed: 5, mentions }));
  s.server.setPage('/bench/page-100k.html', articlePage({ words: 100_000, seed: 100, mentions }));
  s.server.setPage('/bench/appending.html', appendingPage({ mentions }));
  await s.context.route(
    (url) => (url.protocol === 'http:' || url.protocol === 'https:') && !url.href.startsWith(s.server.url),
    (route) => route.abort(),
  );
  const plainProfile = mkdtempSync(join(tmpdir(), 'backstory-cost-'));
  const plain = await chromium.launchPersistentContext(plainProfile, {
    executablePath: browserPath,
    headless: true,
    args: FLAGS,
  });
  await plain.route(
    (url) => (url.protocol === 'http:' || url.protocol === 'https:') && !url.href.startsWith(s.server.url),
    (route) => route.abort(),
  );

  const results: Record<string, unknown> = {};
  const rows: (string | number)[][] = [];
  const floorRows: (string | number)[][] = [];
  try {
    const stored = await s.worker.evaluate(async () => (await chrome.storage.local.get('matcher')).matcher);
    for (const dict of ['bundled', '20k'] as const) {
      if (ONLY_DICTS && !ONLY_DICTS.includes(dict)) continue;
      if (dict === '20k')
        await s.worker.evaluate((m) => chrome.storage.local.set({ matcher: m }), {
          key: 'bench-20k',
          data: bigData,
          aliasCount: big.length,
        });
      const chosen = pages.filter(
        (p) =>
          !(dict === '20k' && p.kind === 'saved news page' && p.name !== 'seed article') &&
          (!ONLY_PAGES || ONLY_PAGES.includes(p.name)),
      );
      const loads = await inRounds(chosen, async (p) => {
        const url = `${s.server.url}${p.path}`;
        const run = await settle(s.context, url, p, true);
        return { run, without: dict === 'bundled' ? (await settle(plain, url, p, false)).all : undefined };
      });
      for (const p of chosen) {
        const runs = loads.get(p)!.map((l) => l.run);
        const without = loads.get(p)!.flatMap((l) => (l.without ? [l.without] : []));
        const ext = runs.map((r) => r.extension);
        const entry = {
          kind: p.kind,
          runs: RUNS,
          wallMs: median(ext.map((c) => c.wallMs)),
          cpuMs: median(ext.map((c) => c.cpuMs)),
          tasks: median(ext.map((c) => c.tasks)),
          longestTaskMs: Math.max(...ext.map((c) => c.longestMs)),
          longestTaskMedianMs: median(ext.map((c) => c.longestMs)),
          pageTotalWithMs: median(runs.map((r) => r.all.wallMs)),
          ...(without.length ? { pageTotalWithoutMs: median(without.map((c) => c.wallMs)) } : {}),
        };
        results[`${p.name} / ${dict}`] = entry;
        if (process.env.BENCH_COST_TASKS) printTasks(`${p.name} / ${dict}`, ext);
        rows.push([
          `${p.name} (${p.kind})`,
          dict,
          fmt(entry.wallMs, 1),
          fmt(entry.cpuMs, 1),
          entry.tasks,
          fmt(entry.longestTaskMs, 1),
          without.length ? `${fmt(entry.pageTotalWithoutMs!, 0)} → ${fmt(entry.pageTotalWithMs, 0)}` : '',
        ]);
        console.log(`  cost: ${p.name} / ${dict} done`);
      }
    }
    await s.worker.evaluate((m) => chrome.storage.local.set({ matcher: m }), stored);
    if ((!ONLY_PAGES && !ONLY_DICTS) || process.env.BENCH_COST_FLOORS) {
      // Floors: minimal content scripts doing a stage of the work, traced the same way.
      const only = process.env.BENCH_COST_FLOOR_LIST?.split(',');
      for (const floor of FLOORS.filter((f) => !only || only.includes(f))) {
        const ctx = await floorContext(browserPath, FLAGS, await buildFloor(floor, stored));
        await ctx.context.route(
          (url) =>
            (url.protocol === 'http:' || url.protocol === 'https:') && !url.href.startsWith(s.server.url),
          (route) => route.abort(),
        );
        try {
          const floorPages = pages.filter((p) => FLOOR_PAGES.includes(p.name));
          const loads = await inRounds(
            floorPages,
            async (p) => (await settle(ctx.context, `${s.server.url}${p.path}`, p, true)).extension,
          );
          for (const p of floorPages) {
            const ext = loads.get(p)!;
            const entry = {
              runs: RUNS,
              wallMs: median(ext.map((c) => c.wallMs)),
              cpuMs: median(ext.map((c) => c.cpuMs)),
              tasks: median(ext.map((c) => c.tasks)),
              longestTaskMs: Math.max(...ext.map((c) => c.longestMs)),
            };
            results[`floor ${floor} / ${p.name}`] = entry;
            if (process.env.BENCH_COST_TASKS) printTasks(`floor ${floor} / ${p.name}`, ext);
            floorRows.push([
              floor,
              p.name,
              fmt(entry.wallMs, 1),
              fmt(entry.cpuMs, 1),
              entry.tasks,
              fmt(entry.longestTaskMs, 1),
            ]);
            console.log(`  cost: floor ${floor} / ${p.name} done`);
          }
        } finally {
          await ctx.close();
        }
      }
    }
    if ((!ONLY_PAGES && !ONLY_DICTS) || process.env.BENCH_COST_WAKE) {
      // Last: stopping the worker leaves the session's worker handle stale.
      const wake = await benchWake(s, RUNS);
      results['service worker wake'] = wake;
      console.log(
        `\nservice worker: a message from an extension page answered after set-up, median of ${wake.runs}: ` +
          `stopped worker ${fmt(wake.wakeMs, 1)} ms, running worker ${fmt(wake.warmMs, 1)} ms`,
      );
    }
  } finally {
    await plain.close();
    rmSync(plainProfile, { recursive: true, force: true });
    await s.close();
  }
  table(
    `Page cost as a reader pays it (trace of the page's main thread, median of ${RUNS} loads): ms of top-level tasks that ran the extension's code; page total = every main-thread task, without → with the extension`,
    ['page', 'dictionary', 'wall', 'CPU', 'tasks', 'longest task (max)', 'page total'],
    rows,
  );
  if (floorRows.length > 0)
    table(
      'Floors (bench/floors.ts): minimal content scripts, bundled matcher, traced the same way — read: the stored matcher; walk: + the readable root’s text; paint: + match it and paint one highlight',
      ['floor', 'page', 'wall', 'CPU', 'tasks', 'longest task (max)'],
      floorRows,
    );
  return results;
}

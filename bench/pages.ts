/**
 * Detection benchmark: builds the extension, loads pages in headless Chromium and reads the
 * content script's user-timing mark (`backstory-highlighted`),
 * for the bundled dictionary and a generated 20,000-alias one. In the same run: the product's
 * hit test on the page, extra JS heap, bundle size, and two baselines on
 * the same pages and aliases (mark.js, one regular expression per alias). Prints tables with
 * the targets (informational PASS/MISS) and returns everything for bench/results. Its parts: build.ts, measure.ts, baselines.ts,
 * pages-report.ts.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { chromium, type BrowserContext } from 'playwright-core';
import { compileMatcher, serializeMatcher, type SnapshotAlias } from '../utils/core/matcher';
// @ts-expect-error plain JS helper shared with npm start
import { findBrowser } from '../scripts/browser.mjs';
import { appendingPage, articlePage, generateAliases } from './generate';
import { timeMarkJs, timeRegexes } from './baselines';
import { ROOT, buildExtension, bundledAliases } from './build';
import {
  heapBytes,
  measureHitTest,
  prepare,
  readMarks,
  CONTENT_FILES,
  summarizeProfile,
  type ProfileSummary,
  type RunMarks,
} from './measure';
import { report } from './pages-report';

const RUNS = Number(process.env.BENCH_RUNS ?? 5);

/** Corpus pages are many: fewer runs each keeps the whole bench within a few minutes. */
const CORPUS_RUNS = Number(process.env.BENCH_CORPUS_RUNS ?? 3);

/** Baselines that would take longer than this per page are timed on a prefix of the aliases and extrapolated. */
export const BASELINE_CAP_MS = Number(process.env.BENCH_BASELINE_CAP_MS ?? 300);

export const BIG_DICTIONARY = 20_000;

export interface BenchPage {
  name: string;
  /** Path on the local server. */
  path: string;
  runs: number;
  /** Profiled once per dictionary for the diagnosis (which functions dominate). */
  profile?: boolean;
}

export interface Dictionary {
  label: string;
  aliases: SnapshotAlias[];
  /** The serialized matcher content scripts load (the hit-test probe scans with it too). */
  matcherData: string;
  /** What goes into storage.local `matcher`; undefined = the one the extension compiled. */
  stored?: { key: string; data: string; aliasCount: number };
}

export type Row = Record<string, unknown>;

/** The whole detection benchmark; returns what goes into results.json under `pages`. */
export async function benchPages(): Promise<Record<string, unknown>> {
  const started = performance.now();
  const elapsed = () => `${((performance.now() - started) / 1000).toFixed(0)} s`;
  const browserPath: string | undefined = findBrowser();
  if (!browserPath) {
    console.log('\npages: no Chromium found (set CHROME_PATH): skipped');
    return { skipped: 'no browser' };
  }
  const extensionDir = process.env.BACKSTORY_EXTENSION_DIR ?? buildExtension();
  process.env.BACKSTORY_EXTENSION_DIR = extensionDir;
  // The harness reads BACKSTORY_EXTENSION_DIR when it loads.
  const { startSession, CORPUS, CHROMIUM_FLAGS } = await import('../scripts/chromium-session');
  // @ts-expect-error plain JS helper shared with npm start
  const { serve } = await import('../scripts/serve.mjs');

  const files = CONTENT_FILES.map((file) => readFileSync(join(extensionDir, file)));
  const bundle = Buffer.concat(files);
  const bundleGzip = files.reduce((n, file) => n + gzipSync(file, { level: 9 }).length, 0);

  // Dictionaries: the bundled aliases (as the background compiles them) and 20,000.
  const base = await bundledAliases();
  const big = generateAliases(BIG_DICTIONARY, base);
  const t0 = performance.now();
  const compiled = compileMatcher(big);
  const compileMs = performance.now() - t0;
  const bigData = serializeMatcher(compiled);
  const dictionaries: Dictionary[] = [
    { label: 'bundled', aliases: base, matcherData: serializeMatcher(compileMatcher(base)) },
    {
      label: '20k',
      aliases: big,
      matcherData: bigData,
      stored: { key: 'bench-20k', data: bigData, aliasCount: big.length },
    },
  ];

  // Pages: generated ones on the server's dynamic routes, the corpus from disk.
  const mentionTexts = [
    ...new Set(base.filter((a) => !a.context?.length).map((a) => a.text)),
    ...big.slice(base.length, base.length + 200).map((a) => a.text),
  ];
  const hasCorpus = existsSync(CORPUS);
  const pages: BenchPage[] = [];
  const generated: Record<string, string> = {
    '/bench/article-5k.html': articlePage({ words: 5_000, seed: 5, mentions: mentionTexts }),
    '/bench/page-100k.html': articlePage({ words: 100_000, seed: 100, mentions: mentionTexts }),
    '/bench/appending.html': appendingPage({ mentions: mentionTexts }),
  };
  if (existsSync(join(CORPUS, 'seed-article-rfa-2019-07-03.html'))) {
    pages.push({
      name: 'seed article',
      path: '/seed-article-rfa-2019-07-03.html',
      runs: RUNS,
      profile: true,
    });
  }
  pages.push({ name: 'generated 5,000 words', path: '/bench/article-5k.html', runs: RUNS, profile: true });
  pages.push({ name: 'generated 100,000 words', path: '/bench/page-100k.html', runs: RUNS, profile: true });
  if (hasCorpus && existsSync(join(CORPUS, 'pages'))) {
    for (const name of readdirSync(join(CORPUS, 'pages')).sort()) {
      if (existsSync(join(CORPUS, 'pages', name, 'source.html'))) {
        pages.push({ name, path: `/pages/${name}/source.html`, runs: CORPUS_RUNS });
      }
    }
  } else {
    console.log(`(no corpus at ${CORPUS}: seed article and corpus pages skipped)`);
  }

  const session = await startSession(hasCorpus ? { pagesRoot: CORPUS } : {});
  for (const [path, body] of Object.entries(generated)) session.server.setPage(path, body);
  await prepare(session.context, session.server.url);
  const original = await session.worker.evaluate(
    async () => (await chrome.storage.local.get('matcher')).matcher,
  );

  const perPage: Record<string, Record<string, Row>> = {};
  const appendRows: Row[] = [];
  const profiles: Record<string, ProfileSummary> = {};
  try {
    for (const dict of dictionaries) {
      if (dict.stored) {
        await session.worker.evaluate((m) => chrome.storage.local.set({ matcher: m }), dict.stored);
      }
      console.log(`[${dict.label}] ${pages.length} pages … (${elapsed()})`);
      for (const p of pages) {
        const page = await session.context.newPage();
        const cdp = await session.context.newCDPSession(page);
        const runs: RunMarks[] = [];
        try {
          for (let i = 0; i < p.runs; i++) {
            await page.goto(session.server.url + p.path, { waitUntil: 'load' });
            runs.push(await readMarks(page));
          }
          // Measured runs are over: the last load now serves the side measurements.
          const heap = await heapBytes(cdp);
          const hit = await measureHitTest(page, dict.matcherData);
          if (p.profile) {
            await cdp.send('Profiler.enable');
            await cdp.send('Profiler.setSamplingInterval', { interval: 50 });
            await cdp.send('Profiler.start');
            await page.goto(session.server.url + p.path, { waitUntil: 'load' });
            await readMarks(page);
            const { profile } = (await cdp.send('Profiler.stop')) as {
              profile: Parameters<typeof summarizeProfile>[0];
            };
            profiles[`${p.name} / ${dict.label}`] = summarizeProfile(profile);
          }
          perPage[p.name] ??= {};
          perPage[p.name]![dict.label] = { runs, heapWith: heap, hit };
        } catch (error) {
          console.log(`  ${p.name}: ${(error as Error).message.split('\n')[0]}`);
        } finally {
          await page.close();
        }
      }
      appendRows.push({
        dict: dict.label,
        ...(await runAppending(session.context, session.server.url, true)),
      });
    }
  } finally {
    await session.worker.evaluate((m) => chrome.storage.local.set({ matcher: m }), original);
  }
  await session.close();

  // Baselines and the no-extension heap, in a browser without the extension.
  const server = await serve({ root: hasCorpus ? CORPUS : undefined });
  for (const [path, body] of Object.entries(generated)) server.setPage(path, body);
  const browser = await chromium.launch({
    executablePath: browserPath,
    headless: true,
    args: CHROMIUM_FLAGS,
  });
  const plain = await browser.newContext({ viewport: { width: 1200, height: 900 } });
  await prepare(plain, server.url);
  const markJs = join(ROOT, 'node_modules', 'mark.js', 'dist', 'mark.min.js');
  console.log(`[baselines] mark.js and one regex per alias, without the extension … (${elapsed()})`);
  for (const p of pages) {
    for (const dict of dictionaries) {
      const entry = perPage[p.name]?.[dict.label];
      if (!entry) continue;
      const page = await plain.newPage();
      const cdp = await plain.newCDPSession(page);
      try {
        await page.goto(server.url + p.path, { waitUntil: 'load' });
        entry.heapWithout = await heapBytes(cdp);
        entry.regex = await timeRegexes(page, dict.aliases);
        // The regexes only read the page; mark.js, which changes it, comes last.
        await page.addScriptTag({ path: markJs });
        entry.markjs = await timeMarkJs(page, dict.aliases);
      } catch (error) {
        console.log(`  ${p.name} / ${dict.label}: ${(error as Error).message.split('\n')[0]}`);
      } finally {
        await page.close();
      }
    }
  }
  appendRows.push({ dict: 'no extension', ...(await runAppending(plain, server.url, false)) });
  await browser.close();
  await server.close();

  console.log(`done (${elapsed()})`);
  return report({
    pages,
    dictionaries,
    perPage,
    appendRows,
    profiles,
    bundle,
    bundleGzip,
    compileMs,
    bigData,
  });
}

/** The page that appends a paragraph every 50 ms for 10 s: page responsiveness and script time. */
async function runAppending(context: BrowserContext, url: string, withExtension: boolean): Promise<Row> {
  const page = await context.newPage();
  const cdp = await context.newCDPSession(page);
  try {
    await cdp.send('Performance.enable');
    const metric = async (name: string) =>
      (
        (await cdp.send('Performance.getMetrics')) as { metrics: { name: string; value: number }[] }
      ).metrics.find((m) => m.name === name)?.value ?? NaN;
    const before = await metric('ScriptDuration');
    await page.goto(`${url}/bench/appending.html`, { waitUntil: 'load' });
    await page.waitForFunction(
      () => (window as unknown as { __appendBench?: { done: boolean } }).__appendBench?.done,
      null,
      {
        timeout: 30_000,
        polling: 500,
      },
    );
    const state = await page.evaluate(() => {
      const s = (
        window as unknown as { __appendBench: { appended: number; maxLagMs: number; lags: number[] } }
      ).__appendBench;
      const lags = [...s.lags].sort((a, b) => a - b);
      return {
        appended: s.appended,
        maxLagMs: s.maxLagMs,
        p95LagMs: lags[Math.floor(lags.length * 0.95)] ?? 0,
      };
    });
    const countHighlights = () =>
      page.evaluate(() => {
        let n = 0;
        (CSS as unknown as { highlights: Map<string, Set<unknown>> }).highlights.forEach((h, name) => {
          if (name.startsWith('backstory') && name !== 'backstory-current') n += h.size;
        });
        return n;
      });
    const highlightsAtEnd = withExtension ? await countHighlights() : 0;
    // The mutation budget may defer work past the end of the appends: give it one budget window.
    if (withExtension) await page.waitForTimeout(2_500);
    const scriptSeconds = (await metric('ScriptDuration')) - before;
    return {
      ...state,
      scriptMs: scriptSeconds * 1000,
      highlightsAtEnd,
      highlightsAfterSettle: withExtension ? await countHighlights() : 0,
    };
  } finally {
    await page.close();
  }
}

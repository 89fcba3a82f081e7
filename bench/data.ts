/**
 * Dataset benchmark: seed time and query latency (p50, p95) for the bundled pack and
 * for a generated pack 50 times larger, in Node with fake-indexeddb (an in-memory
 * IndexedDB; the browser's is slower to write and faster to read, so read these as
 * relative figures). Baseline in the same run: a full scan of the entities store, the
 * cost every indexed query avoids.
 */
import 'fake-indexeddb/auto';
import { IDBFactory } from 'fake-indexeddb';
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { openBackstoryDB, writePack } from '../data/db';
import { getEntityCard, getTimeline, listTopics, searchEntities } from '../data/queries';
import { validatePack } from '../data/validate';
import { compileSnapshot, getMatcherSnapshot } from '../utils/extension/matcher-snapshot';
import { generatePack } from './generate';
import { fmt, percentile, table, timeRuns } from './stats';

/** A pack checked as the product checks it (throws on a broken one). */
function valid(input: unknown) {
  const result = validatePack(input);
  if (!result.ok) throw new Error(`benchmark pack is invalid: ${result.problems[0]?.message}`);
  return result.pack;
}

export async function benchData(): Promise<Record<string, unknown>> {
  const bundled = valid(
    JSON.parse(
      readFileSync(resolve(import.meta.dirname, '..', 'data', 'packs', 'us-china-tech.json'), 'utf8'),
    ),
  );
  const scale = 50;
  const big = valid(
    generatePack(
      bundled.entities.length * scale,
      Math.round(bundled.events.length / bundled.entities.length),
    ),
  );
  const results: Record<string, unknown> = {};
  const rows: (string | number)[][] = [];

  for (const [label, pack] of [
    ['bundled', bundled],
    [`${scale}× generated`, big],
  ] as const) {
    globalThis.indexedDB = new IDBFactory();
    const db = await openBackstoryDB();
    // What the background does on install or update: validate, then write in one transaction.
    const t0 = performance.now();
    const checked = validatePack(pack);
    if (!checked.ok) throw new Error('benchmark pack is invalid');
    await writePack(db, checked.pack, 'bundled');
    const seedMs = performance.now() - t0;
    const keys = pack.entities.map((e) => `${pack.id}:${e.id}`);
    const pick = (i: number) => keys[(i * 7919) % keys.length]!;
    const names = pack.entities.map((e) => e.name);
    const runs = 200;
    const queries: Record<string, number[]> = {
      getEntityCard: await timeRuns(runs, (i) => getEntityCard(db, pick(i), '2019-07-03')),
      getTimeline: await timeRuns(runs, (i) => getTimeline(db, pick(i))),
      searchEntities: await timeRuns(runs, (i) =>
        searchEntities(db, names[(i * 13) % names.length]!.slice(0, 4)),
      ),
      listTopics: await timeRuns(20, () => listTopics(db)),
      'matcher rebuild: snapshot + compile + serialize': await timeRuns(5, async () =>
        compileSnapshot(await getMatcherSnapshot(db)),
      ),
      'baseline: full entity scan': await timeRuns(20, () => db.getAll('entities')),
    };
    const entry: Record<string, unknown> = {
      seedMs,
      entities: pack.entities.length,
      events: pack.events.length,
    };
    for (const [name, times] of Object.entries(queries)) {
      entry[name] = { p50: percentile(times, 50), p95: percentile(times, 95) };
      rows.push([label, name, fmt(percentile(times, 50)), fmt(percentile(times, 95))]);
    }
    rows.push([label, 'seed: validate + write (one transaction)', fmt(seedMs, 0), '']);
    results[label] = entry;
    db.close();
  }
  table('Dataset: query latency in ms (fake-indexeddb, Node)', ['pack', 'query', 'p50', 'p95'], rows);
  return results;
}

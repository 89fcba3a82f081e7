/**
 * Builds the extension for the benchmarks and reads the bundled pack's aliases through the
 * product's own code path (validate, write, snapshot).
 */
import 'fake-indexeddb/auto';
import { IDBFactory } from 'fake-indexeddb';
import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { openBackstoryDB, writePack } from '../data/db';
import { validatePack } from '../data/validate';
import type { SnapshotAlias } from '../utils/core/matcher';
import { getMatcherSnapshot } from '../utils/extension/matcher-snapshot';
export const ROOT = resolve(import.meta.dirname, '..');

/** Builds into its own folder (never `.output`, which tests read) unless BACKSTORY_OUT_DIR says where. */
export function buildExtension(): string {
  const outDir = process.env.BACKSTORY_OUT_DIR ?? join(tmpdir(), 'backstory-bench-out');
  console.log(`\nbuilding the extension into ${outDir} …`);
  const result = spawnSync('npx', ['wxt', 'build'], {
    cwd: ROOT,
    env: { ...process.env, BACKSTORY_OUT_DIR: outDir },
    encoding: 'utf8',
  });
  if (result.status !== 0) throw new Error(`wxt build failed:\n${result.stdout}\n${result.stderr}`);
  return join(outDir, 'chrome-mv3');
}

/** The aliases the extension compiles from the bundled pack, through the same code path. */
export async function bundledAliases(): Promise<SnapshotAlias[]> {
  const raw = JSON.parse(readFileSync(join(ROOT, 'data', 'packs', 'us-china-tech.json'), 'utf8'));
  const checked = validatePack(raw);
  if (!checked.ok) throw new Error('bundled pack is invalid');
  globalThis.indexedDB = new IDBFactory();
  const db = await openBackstoryDB();
  await writePack(db, checked.pack, 'bundled');
  const snapshot = await getMatcherSnapshot(db);
  db.close();
  return snapshot.aliases;
}

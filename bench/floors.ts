/**
 * Floors for page cost: four minimal extensions whose content scripts do only a stage of
 * Backstory's work (bench/floor-script.ts; `remote` also has a worker that matches,
 * bench/floor-background.ts), traced exactly as the product is. What the
 * product costs above them is what its own design adds (settings, density, viewport-first
 * painting, slicing, listeners, the card's wiring, the report).
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { build } from 'esbuild';
import { chromium, type BrowserContext } from 'playwright-core';

export const FLOORS = ['read', 'walk', 'paint', 'remote'] as const;
export type Floor = (typeof FLOORS)[number];

/** Bundles one of the floor's scripts (beside this file) into `outfile`. */
async function bundle(entry: string, outfile: string, define?: Record<string, string>): Promise<void> {
  await build({
    entryPoints: [join(import.meta.dirname, entry)],
    bundle: true,
    minify: true,
    format: 'iife',
    target: 'chrome120',
    define,
    outfile,
    logLevel: 'silent',
  });
}

/** Writes the floor extension for `floor` into a new folder; the stored matcher goes with it. */
export async function buildFloor(floor: Floor, storedMatcher: unknown): Promise<string> {
  const dir = mkdtempSync(join(tmpdir(), `backstory-floor-${floor}-`));
  await bundle('floor-script.ts', join(dir, 'cs.js'), { __FLOOR__: JSON.stringify(floor) });
  writeFileSync(join(dir, 'cs.css'), '::highlight(floor) { text-decoration: underline dotted 1.5px; }\n');
  writeFileSync(join(dir, 'matcher.json'), JSON.stringify(storedMatcher));
  await bundle('floor-background.ts', join(dir, 'bg.js'));
  writeFileSync(
    join(dir, 'manifest.json'),
    JSON.stringify({
      manifest_version: 3,
      name: `Backstory floor: ${floor}`,
      version: '1.0',
      permissions: ['storage'],
      background: { service_worker: 'bg.js' },
      content_scripts: [
        { matches: ['http://127.0.0.1/*'], js: ['cs.js'], css: ['cs.css'], run_at: 'document_idle' },
      ],
    }),
  );
  return dir;
}

/** A browser with the floor extension loaded and its matcher stored; close() removes everything. */
export async function floorContext(
  browserPath: string,
  flags: string[],
  extensionDir: string,
): Promise<{ context: BrowserContext; close: () => Promise<void> }> {
  const profile = mkdtempSync(join(tmpdir(), 'backstory-floor-profile-'));
  const context = await chromium.launchPersistentContext(profile, {
    executablePath: browserPath,
    headless: true,
    args: [...flags, `--disable-extensions-except=${extensionDir}`, `--load-extension=${extensionDir}`],
  });
  const worker = context.serviceWorkers()[0] ?? (await context.waitForEvent('serviceworker'));
  await worker.evaluate(async () => {
    for (let i = 0; i < 200; i++) {
      if ((await chrome.storage.local.get('matcher')).matcher) return;
      await new Promise((r) => setTimeout(r, 50));
    }
    throw new Error('floor: matcher never stored');
  });
  return {
    context,
    async close() {
      await context.close();
      rmSync(profile, { recursive: true, force: true });
      rmSync(extensionDir, { recursive: true, force: true });
    },
  };
}

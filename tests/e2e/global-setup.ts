/**
 * Printed once at the start of the e2e run: which browser the suite drives, and its
 * version, so a failure can be matched to the browser build that produced it. Also makes
 * the run's one temporary screenshot folder, removed when the run ends.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
// @ts-expect-error plain JS helper shared with npm start
import { findBrowser } from '../../scripts/browser.mjs';

export default function setup(): () => void {
  const shots = mkdtempSync(join(tmpdir(), 'backstory-shots-'));
  process.env.BACKSTORY_SHOTS_DIR = shots;
  const teardown = () => rmSync(shots, { recursive: true, force: true });
  const path: string | undefined = findBrowser();
  if (!path) return teardown; // the suites print why they skip
  const version = spawnSync(path, ['--version'], { encoding: 'utf8' }).stdout?.trim() || 'version unknown';
  console.log(`[e2e] browser: ${path} (${version})`);
  return teardown;
}

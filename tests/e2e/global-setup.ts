/**
 * Printed once at the start of the e2e run: which browser the suite drives, and its
 * version, so a failure can be matched to the browser build that produced it.
 */
import { spawnSync } from 'node:child_process';
// @ts-expect-error plain JS helper shared with npm start
import { findBrowser } from '../../scripts/browser.mjs';

export default function setup(): void {
  const path: string | undefined = findBrowser();
  if (!path) return; // the suites print why they skip
  const version = spawnSync(path, ['--version'], { encoding: 'utf8' }).stdout?.trim() || 'version unknown';
  console.log(`[e2e] browser: ${path} (${version})`);
}

/**
 * Printed once at the start of the Firefox e2e run: which Firefox the suite drives, and its
 * version, so a failure can be matched to the browser build that produced it.
 */
import { FIREFOX_PATH, firefoxVersion } from '../../scripts/firefox-session';

export default function setup(): void {
  if (!FIREFOX_PATH) return; // the suite prints why it skips
  console.log(`[e2e-firefox] browser: ${FIREFOX_PATH} (${firefoxVersion()})`);
}

// npm start: build the Chrome extension, serve the demo article on 127.0.0.1 and open
// Chromium or Chrome with the extension loaded on it. Without a browser, says where the
// unpacked build is and how to load it by hand.
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { findBrowser } from './browser.mjs';
import { serve } from './serve.mjs';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const build = spawnSync('npx', ['wxt', 'build'], { cwd: root, stdio: 'inherit' });
if (build.status !== 0) process.exit(build.status ?? 1);
const extension = join(root, '.output', 'chrome-mv3');

const server = await serve({ root: join(root, 'scripts', 'demo'), port: Number(process.env.PORT ?? 5177) });
const article = `${server.url}/article.html`;
console.log(`\nDemo article: ${article}`);

const browser = findBrowser();
if (!browser) {
  console.log(`
No Chromium or Chrome found (set CHROME_PATH to use one). To try Backstory by hand:
  1. Open chrome://extensions, turn on Developer mode, click "Load unpacked" and pick
     ${extension}
  2. Open ${article}
For Firefox: npm run build:firefox, then about:debugging → This Firefox → Load Temporary Add-on →
  .output/firefox-mv3/manifest.json
The demo server keeps running; press Ctrl+C to stop.`);
} else {
  const profile = mkdtempSync(join(tmpdir(), 'backstory-profile-'));
  console.log(`Opening ${browser} with the extension from ${extension}`);
  const child = spawn(
    browser,
    [
      `--user-data-dir=${profile}`,
      `--load-extension=${extension}`,
      `--disable-extensions-except=${extension}`,
      '--no-first-run',
      '--no-default-browser-check',
      article,
    ],
    { stdio: 'ignore' },
  );
  child.on('exit', () => {
    void server.close().then(() => process.exit(0));
  });
}
if (!existsSync(extension)) process.exit(1);

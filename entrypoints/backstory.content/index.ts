import { browser } from 'wxt/browser';
import { defineContentScript } from 'wxt/utils/define-content-script';
import '../../utils/page/highlights.css';
import { startPageMain } from '../../utils/page/page-loader';
import { CONTENT_MATCHES } from '../../utils/shared/sites';

// A loader: the page's code is in page-main.js, which it imports (utils/page/page-loader.ts).
export default defineContentScript({
  matches: CONTENT_MATCHES,
  runAt: 'document_idle',
  allFrames: false,
  cssInjectionMode: 'manifest',
  // WXT's `window.postMessage` announcement is superseded by its custom event (WXT 0.20); under
  // DevTools or automation it captured a stack and cost the seed page about 4 ms.
  noScriptStartedPostMessage: true,
  async main(ctx) {
    await startPageMain(ctx, browser.runtime.getURL('/page-main.js'));
  },
});

import { defineContentScript } from 'wxt/utils/define-content-script';
import { ContentController } from '../../utils/page/controller';
import '../../utils/page/highlights.css';
import { CONTENT_MATCHES } from '../../utils/shared/sites';

export default defineContentScript({
  matches: CONTENT_MATCHES,
  runAt: 'document_idle',
  allFrames: false,
  cssInjectionMode: 'manifest',
  // WXT's `window.postMessage` announcement is superseded by its custom event (WXT 0.20); under
  // DevTools or automation it captured a stack and cost the seed page about 4 ms.
  noScriptStartedPostMessage: true,
  async main(ctx) {
    await new ContentController(ctx).start();
  },
});

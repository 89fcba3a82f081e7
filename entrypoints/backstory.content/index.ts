import { defineContentScript } from 'wxt/utils/define-content-script';
import { ContentController } from '../../utils/content/controller';
import '../../utils/content/highlights.css';
import { CONTENT_MATCHES } from '../../utils/sites';

export default defineContentScript({
  matches: CONTENT_MATCHES,
  runAt: 'document_idle',
  allFrames: false,
  cssInjectionMode: 'manifest',
  async main(ctx) {
    await new ContentController(ctx).start();
  },
});

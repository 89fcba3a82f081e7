import { defineContentScript } from 'wxt/utils/define-content-script';
import { ContentController } from '../../utils/page/controller';
import '../../utils/page/highlights.css';
import { CONTENT_MATCHES } from '../../utils/shared/sites';

export default defineContentScript({
  matches: CONTENT_MATCHES,
  runAt: 'document_idle',
  allFrames: false,
  cssInjectionMode: 'manifest',
  async main(ctx) {
    await new ContentController(ctx).start();
  },
});

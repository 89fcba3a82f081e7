import { defineUnlistedScript } from 'wxt/utils/define-unlisted-script';
import { ContentController } from '../../utils/page/controller';
import { PAGE_MAIN_GLOBAL, type PageMain } from '../../utils/page/page-loader';

// The content script's page module, imported by the injected loader (utils/page/page-loader.ts)
// so the browser compiles it off the page's main thread.
export default defineUnlistedScript(() => {
  const main: PageMain = (ctx) => new ContentController(ctx).start();
  (globalThis as Record<string, unknown>)[PAGE_MAIN_GLOBAL] = main;
});

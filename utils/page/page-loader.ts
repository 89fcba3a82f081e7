/**
 * The content script is two files. The one the browser injects (entrypoints/backstory.content)
 * is a loader of a few kilobytes: WXT's context and this module. It imports the page
 * module (entrypoints/page-main: the controller, the scan, the hover card's wiring) from
 * its extension URL. A script the browser injects is compiled on the page's main thread;
 * an imported module is fetched like any script, so the browser parses and compiles it
 * on a background thread (script streaming) while the page goes on. The card UI is
 * imported the same way, on the first hover (lazy-card.ts).
 */
import type { ContentScriptContext } from 'wxt/utils/content-script-context';

/** Where the page module leaves its start function, in the content script's own world. */
export const PAGE_MAIN_GLOBAL = '__backstoryPageMain';

export type PageMain = (ctx: ContentScriptContext) => Promise<void>;

/**
 * Imports an extension script that registers one value on the content script's global
 * object (its isolated world, which the page cannot see), and returns that value.
 */
export async function importGlobal<T>(url: string, key: string): Promise<T | undefined> {
  await import(/* @vite-ignore */ url);
  return (globalThis as Record<string, unknown>)[key] as T | undefined;
}

/**
 * Loads the page module and starts it. If it cannot be loaded, the page is left as it
 * is and the reason goes to the console; resolves whether the page module started.
 */
export async function startPageMain(
  ctx: ContentScriptContext,
  url: string,
  load: (url: string, key: string) => Promise<PageMain | undefined> = importGlobal,
): Promise<boolean> {
  let main: PageMain | undefined;
  try {
    main = await load(url, PAGE_MAIN_GLOBAL);
  } catch (error) {
    console.warn('[backstory] could not load the page script', error);
    return false;
  }
  if (typeof main !== 'function') {
    console.warn('[backstory] the page script did not register');
    return false;
  }
  // An extension update or a second injection may have replaced this copy meanwhile.
  if (ctx.isInvalid) return false;
  await main(ctx);
  return true;
}

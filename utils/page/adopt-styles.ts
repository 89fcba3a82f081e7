/**
 * Gives a shadow root a constructed stylesheet: styles that a strict page CSP cannot block
 * and page CSS cannot reach.
 *
 * In a Firefox content script the page's objects are seen through Xray wrappers, and
 * Firefox 140 refuses to set `adoptedStyleSheets` through one ("Accessing from Xray wrapper
 * is not supported"). Where the wrapper is there (`wrappedJSObject`, Firefox's way to reach
 * the page's own view of an object), the sheet and its array are made in the page's realm
 * and set on the page's view of the shadow root, which works on every Firefox with the
 * Highlight API. Elsewhere (Chromium) the content script shares the page's DOM objects.
 */

/** An object as a Firefox content script sees it: `wrappedJSObject` is the page's own view. */
type Xrayed<T> = T & { wrappedJSObject?: T };

export function adoptStyles(shadow: ShadowRoot, css: string): void {
  const pageShadow = (shadow as Xrayed<ShadowRoot>).wrappedJSObject;
  const pageWindow = (window as Xrayed<Window & typeof globalThis>).wrappedJSObject;
  if (pageShadow && pageWindow) {
    const sheet = new pageWindow.CSSStyleSheet();
    sheet.replaceSync(css);
    const sheets = new pageWindow.Array<CSSStyleSheet>();
    sheets.push(sheet);
    pageShadow.adoptedStyleSheets = sheets;
    return;
  }
  const sheet = new CSSStyleSheet();
  sheet.replaceSync(css);
  shadow.adoptedStyleSheets = [sheet];
}

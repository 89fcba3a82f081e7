/**
 * The content script of a floor (bench/floors.ts): the least a content script must do for a
 * stage of Backstory's work, with no framework, no settings and no UI. `__FLOOR__` picks
 * the stage: `read` reads the stored matcher; `walk` also collects the readable root's text;
 * `paint` also matches it with the product's matcher and paints one highlight; `remote`
 * walks, sends the texts to its worker (floor-background.ts), which matches them with the
 * same matcher kept in memory, and paints the answer. Each ends with the mark the
 * benchmark waits for.
 */
import { deserializeMatcher, matchText } from '../utils/core/matcher';
import { findReadableRoot } from '../utils/page/read/readable-root';

declare const __FLOOR__: 'read' | 'walk' | 'paint' | 'remote';

const SKIP = new Set(['SCRIPT', 'STYLE', 'NOSCRIPT', 'TEXTAREA']);

/** The readable root's text nodes, outside scripts, styles and text areas. */
function readableTexts(): Text[] {
  const walker = document.createTreeWalker(findReadableRoot(document), NodeFilter.SHOW_TEXT);
  const texts: Text[] = [];
  for (let n = walker.nextNode(); n; n = walker.nextNode())
    if (!SKIP.has(n.parentNode!.nodeName)) texts.push(n as Text);
  return texts;
}

if (__FLOOR__ === 'remote') {
  const texts = readableTexts();
  void chrome.runtime.sendMessage({ texts: texts.map((t) => t.data) }).then((hits: number[]) => {
    const ranges: Range[] = [];
    for (let i = 0; i < hits.length; i += 3) {
      const range = new Range();
      range.setStart(texts[hits[i]!]!, hits[i + 1]!);
      range.setEnd(texts[hits[i]!]!, hits[i + 2]!);
      ranges.push(range);
    }
    CSS.highlights.set('floor', new Highlight(...ranges));
    performance.mark('backstory-highlighted');
  });
} else
  void chrome.storage.local.get('matcher').then(({ matcher }) => {
    const t0 = performance.now();
    if (__FLOOR__ !== 'read' && matcher) {
      const texts = readableTexts();
      if (__FLOOR__ === 'paint') {
        const m = deserializeMatcher((matcher as { data: string }).data);
        const ranges: Range[] = [];
        for (const text of texts)
          for (const hit of matchText(m, text.data)) {
            const range = new Range();
            range.setStart(text, hit.start);
            range.setEnd(text, hit.end);
            ranges.push(range);
          }
        CSS.highlights.set('floor', new Highlight(...ranges));
      }
    }
    // The continuation's own time, beside the trace: a check that the trace sees this work.
    performance.mark('backstory-highlighted', { detail: { floorMs: performance.now() - t0 } });
  });

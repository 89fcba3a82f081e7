/**
 * The baselines the detection benchmark compares with, on the same page and aliases in a
 * browser without the extension: mark.js, and one regular expression per alias.
 */
import type { Page } from 'playwright-core';
import type { SnapshotAlias } from '../utils/core/matcher';
import { BASELINE_CAP_MS } from './pages';
/** mark.js over the whole body, in chunks of terms until the cap, then extrapolated to all terms. */
export function timeMarkJs(page: Page, aliases: SnapshotAlias[]) {
  return page.evaluate(
    ({ terms, capMs }) => {
      type MarkOptions = Record<string, unknown>;
      const Mark = (
        window as unknown as { Mark: new (el: Element) => { mark(t: string[], o: MarkOptions): void } }
      ).Mark;
      const instance = new Mark(document.body);
      let ms = 0;
      let done = 0;
      let found = 0;
      const chunk = 5;
      for (let i = 0; i < terms.length && ms < capMs; i += chunk) {
        const part = terms.slice(i, i + chunk);
        const groups = [
          part.filter((t) => !t.cs).map((t) => t.text),
          part.filter((t) => t.cs).map((t) => t.text),
        ];
        const t0 = performance.now();
        groups.forEach((words, g) => {
          if (words.length === 0) return;
          instance.mark(words, {
            separateWordSearch: false,
            accuracy: 'exactly',
            acrossElements: true,
            caseSensitive: g === 1,
            each: () => found++,
          });
        });
        ms += performance.now() - t0;
        done += part.length;
      }
      return { ms: (ms * terms.length) / Math.max(1, done), measuredTerms: done, found };
    },
    { terms: aliases.map((a) => ({ text: a.text, cs: a.caseSensitive })), capMs: BASELINE_CAP_MS },
  );
}

/** One regular expression per alias (Unicode word boundaries) over the body's paragraphs. */
export function timeRegexes(page: Page, aliases: SnapshotAlias[]) {
  return page.evaluate(
    ({ terms, capMs }) => {
      const t0 = performance.now();
      const blocks = document.body.innerText.split(/\n+/).filter((s) => s.trim() !== '');
      const textMs = performance.now() - t0;
      const escape = (s: string) => s.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&');
      let loopMs = 0;
      let done = 0;
      let found = 0;
      while (done < terms.length && loopMs < capMs) {
        const t1 = performance.now();
        for (const term of terms.slice(done, done + 50)) {
          const re = new RegExp(
            `(?<![\\p{L}\\p{N}])${escape(term.text)}(?![\\p{L}\\p{N}])`,
            term.cs ? 'gu' : 'giu',
          );
          for (const block of blocks) {
            re.lastIndex = 0;
            while (re.exec(block)) found++;
          }
          done++;
        }
        loopMs += performance.now() - t1;
      }
      return { ms: textMs + (loopMs * terms.length) / Math.max(1, done), measuredTerms: done, found };
    },
    { terms: aliases.map((a) => ({ text: a.text, cs: a.caseSensitive })), capMs: BASELINE_CAP_MS },
  );
}

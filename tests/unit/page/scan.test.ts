import { beforeEach, describe, expect, it } from 'vitest';
import { PageScan } from '../../../utils/page/scan';
import type { SnapshotAlias } from '../../../utils/core/matcher/index';
import { localMatcher } from '../../fixtures/local-matcher';
import type { TextMatcher } from '../../../utils/page/scan';
import { vi } from 'vitest';

const alias = (text: string, entityId: string, caseSensitive = false): SnapshotAlias => ({
  text,
  entityId,
  caseSensitive,
});

const MATCHER = localMatcher([
  alias('Huawei', 'huawei'),
  alias('ZTE', 'zte', true),
  alias('NATO', 'nato', true),
  alias('Entity List', 'entity-list'),
  alias('Meng Wanzhou', 'meng'),
]);

/** Fixtures live in the global document: happy-dom Ranges need the window's document. */
function page(bodyHtml: string): Document {
  document.body.innerHTML = bodyHtml;
  return document;
}

const texts = (scan: PageScan) => scan.marked.map((m) => m.range!.toString());

async function scanned(bodyHtml: string, density: 'all' | 'first-per-entity' = 'all'): Promise<PageScan> {
  const scan = new PageScan(page(bodyHtml), MATCHER, density);
  expect(await scan.full({ yieldToHost: async () => undefined })).toBe(true);
  return scan;
}

describe('PageScan', () => {
  beforeEach(() => {
    document.body.innerHTML = '';
  });

  it('finds mentions in prose and never in fields, editors or code', async () => {
    const scan = await scanned(`<article>
      <p>Huawei and the Entity List.</p>
      <input value="Huawei"><textarea>ZTE</textarea>
      <div contenteditable="true">NATO</div><div contenteditable="plaintext-only">NATO</div>
      <div role="textbox">ZTE</div>
      <p>Code: <code>Huawei</code>, then <kbd>ZTE</kbd>.</p><pre>NATO</pre>
      <p>Meng <em>Wanzhou</em> at NATO.</p>
    </article>`);
    expect(texts(scan)).toEqual(['Huawei', 'Entity List', 'Meng Wanzhou', 'NATO']);
    expect(scan.stats).toMatchObject({ mentions: 4, marked: 4 });
    expect(scan.summary()).toEqual([
      { entityId: 'huawei', count: 1, order: 0 },
      { entityId: 'entity-list', count: 1, order: 1 },
      { entityId: 'meng', count: 1, order: 2 },
      { entityId: 'nato', count: 1, order: 3 },
    ]);
  });

  it('leaves the DOM exactly as it was', async () => {
    const html = '<article><h1>Huawei</h1><p>ZTE, <b>NATO</b> and Meng Wanzhou.</p></article>';
    const scan = await scanned(html);
    expect(scan.marked).toHaveLength(4);
    expect(document.body.innerHTML).toBe(html);
  });

  it('applies the density: the first mention per entity, or all of them', async () => {
    const html = '<article><p>Huawei, Huawei.</p><h2>Next</h2><p>Huawei and ZTE.</p></article>';
    const first = await scanned(html, 'first-per-entity');
    expect(texts(first)).toEqual(['Huawei', 'ZTE']);
    expect(first.mentions).toHaveLength(4);
    first.setDensity('all');
    expect(texts(first)).toEqual(['Huawei', 'Huawei', 'Huawei', 'ZTE']);
  });

  it('handles pages with no text, right-to-left text, and deep nesting', async () => {
    expect((await scanned('')).mentions).toEqual([]);
    expect((await scanned('<img alt=""><svg><text>Huawei</text></svg>')).mentions).toEqual([]);
    const rtl = await scanned('<article dir="rtl"><p>قالت شركة Huawei إنها تنتظر قرار NATO.</p></article>');
    expect(texts(rtl)).toEqual(['Huawei', 'NATO']);
    document.body.innerHTML = '';
    const root = document.createElement('main');
    document.body.append(root);
    let node: Element = root;
    for (let i = 0; i < 10_000; i++) node = node.appendChild(document.createElement('div'));
    node.appendChild(document.createElement('p')).textContent = 'ZTE at the bottom.';
    const scan = new PageScan(document, MATCHER, 'all');
    expect(await scan.full({ yieldToHost: async () => undefined })).toBe(true);
    expect(texts(scan)).toEqual(['ZTE']);
    // Take the tree apart from the bottom: happy-dom detaches subtrees recursively.
    while (node !== root) {
      const parent: Element = node.parentElement!;
      node.remove();
      node = parent;
    }
  });

  it('scans 100,000 words in many slices', async () => {
    const sentence = 'The valley stayed mild and quiet for most of the long week, said the baker. ';
    const paragraphs = Array.from(
      { length: 1000 },
      (_, i) => `<p>${sentence.repeat(7)}${i % 10 === 0 ? 'Huawei.' : ''}</p>`,
    );
    let slices = 0;
    const scan = new PageScan(page(`<article>${paragraphs.join('')}</article>`), MATCHER, 'all');
    const done = await scan.full({
      budgetMs: 1,
      yieldToHost: async () => undefined,
      onSlice: () => slices++,
    });
    expect(done).toBe(true);
    // 15 words a sentence, 7 sentences a paragraph, 1,000 paragraphs: 105,000 words.
    expect(scan.stats.characters).toBeGreaterThan(500_000);
    expect(scan.mentions).toHaveLength(100);
    expect(slices).toBeGreaterThan(1);
  });

  it('resolves false and keeps nothing when cancelled', async () => {
    const scan = new PageScan(page('<article><p>Huawei</p><p>ZTE</p></article>'), MATCHER, 'all');
    expect(await scan.full({ isCancelled: () => true })).toBe(false);
    expect(scan.mentions).toEqual([]);
  });

  describe('update', () => {
    it('adds mentions from added paragraphs, in document order', async () => {
      const scan = await scanned('<article id="a"><p>Huawei first.</p><p id="last">NATO last.</p></article>');
      const p = document.createElement('p');
      p.textContent = 'ZTE in the middle.';
      document.getElementById('last')!.before(p);
      expect(await scan.update([p])).toBe(true);
      expect(texts(scan)).toEqual(['Huawei', 'ZTE', 'NATO']);
    });

    it('rescans a changed text node together with the rest of its paragraph', async () => {
      const scan = await scanned('<article><p id="p">Meng <em id="e">Someone</em> spoke.</p></article>');
      expect(scan.mentions).toEqual([]);
      const text = document.getElementById('e')!.firstChild as Text;
      text.data = 'Wanzhou';
      expect(await scan.update([text])).toBe(true);
      expect(texts(scan)).toEqual(['Meng Wanzhou']);
      // Changed again: the old mention is replaced, not duplicated.
      text.data = 'Wanzhou, and ZTE,';
      expect(await scan.update([text])).toBe(true);
      expect(texts(scan)).toEqual(['Meng Wanzhou', 'ZTE']);
    });

    it("drops removed nodes' mentions", async () => {
      const scan = await scanned('<article id="a"><p id="gone">Huawei goes.</p><p>NATO stays.</p></article>');
      const article = document.getElementById('a')!;
      document.getElementById('gone')!.remove();
      expect(await scan.update([article])).toBe(true);
      expect(texts(scan)).toEqual(['NATO']);
      expect(scan.summary().map((s) => s.entityId)).toEqual(['nato']);
    });

    it('ignores changes in editable regions and code, and reports no change', async () => {
      const scan = await scanned(
        '<article><p>Huawei.</p><textarea id="t"></textarea><div id="ed" contenteditable="true"></div><pre id="c"></pre></article>',
      );
      const inEditor = document.getElementById('ed')!.appendChild(document.createElement('p'));
      inEditor.textContent = 'ZTE typed by the user';
      const inCode = document.getElementById('c')!.appendChild(document.createTextNode('NATO'));
      expect(await scan.update([inEditor, inCode])).toBe(false);
      expect(texts(scan)).toEqual(['Huawei']);
    });
  });

  describe('asking the background', () => {
    it('sends a long page in requests of at most 256 KiB of text, and keeps document order', async () => {
      const sentence = 'The valley stayed mild and quiet for most of the long week, said the baker. ';
      const paragraphs = Array.from(
        { length: 1200 },
        (_, i) => `<p>${sentence.repeat(7)}${i % 100 === 0 ? `Huawei ${i}.` : ''}</p>`,
      );
      const spy = localMatcher([{ text: 'Huawei', entityId: 'huawei', caseSensitive: false }]);
      const scan = new PageScan(page(`<article>${paragraphs.join('')}</article>`), spy, 'all');
      // One slice for the whole walk: only the size limit splits the requests.
      expect(await scan.full({ budgetMs: 1e9, yieldToHost: async () => undefined })).toBe(true);
      expect(spy.calls.length).toBeGreaterThan(1);
      for (const texts of spy.calls) expect(texts.join('').length).toBeLessThanOrEqual(256 * 1024);
      expect(spy.calls.flat()).toHaveLength(1200);
      expect(scan.mentions.map((m) => Number(/Huawei (\d+)\./.exec(m.block.text)?.[1]))).toEqual(
        Array.from({ length: 12 }, (_, k) => k * 100),
      );
    });

    it('finds nothing, and says why, when the background cannot answer', async () => {
      const warn = vi.spyOn(console, 'warn').mockImplementation(() => undefined);
      const failing: TextMatcher = () => Promise.reject(new Error('Could not establish connection'));
      const scan = new PageScan(page('<article><p>Huawei</p></article>'), failing, 'all');
      expect(await scan.full({ yieldToHost: async () => undefined })).toBe(true);
      expect(scan.mentions).toEqual([]);
      expect(warn).toHaveBeenCalledWith('[backstory] matching failed', expect.any(Error));
      warn.mockRestore();
    });

    it('drops answers that do not fit the text they were asked about', async () => {
      const odd: TextMatcher = async (texts) =>
        texts.map(() => [
          { start: 0, end: 6, entityId: 'huawei', aliasIndex: 0 },
          { start: 4, end: 999, entityId: 'zte', aliasIndex: 1 },
          { start: -1, end: 2, entityId: 'zte', aliasIndex: 1 },
        ]);
      const scan = new PageScan(page('<article><p>Huawei</p></article>'), odd, 'all');
      await scan.full({ yieldToHost: async () => undefined });
      expect(texts(scan)).toEqual(['Huawei']);
    });

    it('applies updates in order, even when an earlier answer comes back last', async () => {
      const scan = await scanned('<article id="a"><p id="first">Huawei first.</p></article>');
      let release!: () => void;
      const gate = new Promise<void>((r) => (release = r));
      const inner = MATCHER;
      // The first update's answer waits for the gate; the second's does not.
      let calls = 0;
      (scan as unknown as { match: TextMatcher }).match = async (t) => {
        if (calls++ === 0) await gate;
        return inner(t);
      };
      const a = document.createElement('p');
      a.textContent = 'ZTE second.';
      document.getElementById('a')!.append(a);
      const first = scan.update([a]);
      const b = document.createElement('p');
      b.textContent = 'NATO third.';
      document.getElementById('a')!.append(b);
      const second = scan.update([b]);
      release();
      expect(await first).toBe(true);
      expect(await second).toBe(true);
      expect(texts(scan)).toEqual(['Huawei', 'ZTE', 'NATO']);
    });

    it('does not mark a paragraph removed while the background was answering', async () => {
      const scan = await scanned('<article id="a"><p>Huawei first.</p></article>');
      const p = document.createElement('p');
      p.textContent = 'ZTE, briefly.';
      document.getElementById('a')!.append(p);
      const pending = scan.update([p]);
      p.remove();
      expect(await pending).toBe(false);
      expect(texts(scan)).toEqual(['Huawei']);
    });
  });
});

import { describe, expect, it } from 'vitest';
import {
  collectBlocksIn,
  iterateBlocks,
  findReadableRoot,
  type TextBlock,
} from '../../../../utils/page/read';

/** Every block of `root`, as the content script's slices pull them. */
const collectBlocks = (...args: Parameters<typeof iterateBlocks>) => [...iterateBlocks(...args)];

/** A fresh document per fixture, so tests never share DOM state. */
function parse(bodyHtml: string): Document {
  return new DOMParser().parseFromString(
    `<!doctype html><html><head></head><body>${bodyHtml}</body></html>`,
    'text/html',
  );
}

const texts = (blocks: TextBlock[]): string[] => blocks.map((b) => b.text);
const all = (blocks: TextBlock[]): string => texts(blocks).join('|');

/** Every block must be the exact concatenation of its nodes, with consistent starts. */
function expectConsistent(blocks: TextBlock[]): void {
  const seen = new Set<Text>();
  for (const b of blocks) {
    expect(b.nodes.length).toBe(b.starts.length);
    expect(b.text).toBe(b.nodes.map((n) => n.data).join(''));
    let at = 0;
    b.nodes.forEach((n, i) => {
      expect(b.starts[i]).toBe(at);
      expect(n.data.length).toBeGreaterThan(0);
      expect(b.element.contains(n)).toBe(true);
      expect(seen.has(n)).toBe(false);
      seen.add(n);
      at += n.data.length;
    });
  }
}

describe('collectBlocks: block structure', () => {
  it('returns one block per paragraph, text exact', () => {
    const doc = parse('<p>First paragraph.</p><p>Second one.</p>');
    const blocks = collectBlocks(doc.body);
    expect(texts(blocks)).toEqual(['First paragraph.', 'Second one.']);
    expect(blocks[0]!.element.localName).toBe('p');
    expectConsistent(blocks);
  });

  it('keeps a name split by inline markup in one block', () => {
    const doc = parse('<p>Meng <em>Wanzhou</em> said</p>');
    const [b, ...rest] = collectBlocks(doc.body);
    expect(rest).toEqual([]);
    expect(b!.text).toBe('Meng Wanzhou said');
    expect(b!.starts).toEqual([0, 5, 12]);
    expect(b!.nodes.map((n) => n.data)).toEqual(['Meng ', 'Wanzhou', ' said']);
  });

  it('keeps a link over half a name in one block, through nested inline elements', () => {
    const doc = parse(
      '<li>Meng Wan<a href="#"><strong>zh</strong>ou</a> and <span><b><i>Ren</i></b></span> Zhengfei</li>',
    );
    const blocks = collectBlocks(doc.body);
    expect(texts(blocks)).toEqual(['Meng Wanzhou and Ren Zhengfei']);
    expect(blocks[0]!.element.localName).toBe('li');
    expectConsistent(blocks);
  });

  it('does not normalise whitespace or entities', () => {
    const doc = parse('<p>  Huawei\n   and&nbsp;NATO\t</p>');
    expect(texts(collectBlocks(doc.body))).toEqual(['  Huawei\n   and\u00a0NATO\t']);
  });

  it('splits a block at <br>', () => {
    const doc = parse('<p>Huawei<br>NATO <b>allies</b><br/><br>end</p>');
    const blocks = collectBlocks(doc.body);
    expect(texts(blocks)).toEqual(['Huawei', 'NATO allies', 'end']);
    expect(new Set(blocks.map((b) => b.element)).size).toBe(1);
  });

  it('splits a br inside inline markup too', () => {
    const doc = parse('<p><span>Meng<br>Wanzhou</span></p>');
    expect(texts(collectBlocks(doc.body))).toEqual(['Meng', 'Wanzhou']);
  });

  it('splits a div with direct text around nested blocks', () => {
    const doc = parse('<div>before<p>inside</p>after<ul><li>one</li><li>two</li></ul></div>');
    const blocks = collectBlocks(doc.body);
    expect(texts(blocks)).toEqual(['before', 'inside', 'after', 'one', 'two']);
    expect(blocks.map((b) => b.element.localName)).toEqual(['div', 'p', 'div', 'li', 'li']);
  });

  it('treats table cells, headings, dt/dd, figcaption and blockquote as blocks', () => {
    const doc = parse(
      '<table><tr><td>Huawei</td><th>NATO</th></tr></table><dl><dt>term</dt><dd>def</dd></dl>' +
        '<figure><img alt="x"><figcaption>cap</figcaption></figure><blockquote>quote</blockquote><h3>head</h3>',
    );
    expect(texts(collectBlocks(doc.body))).toEqual(['Huawei', 'NATO', 'term', 'def', 'cap', 'quote', 'head']);
  });

  it('treats unknown custom elements as blocks so unrelated text is not glued together', () => {
    const doc = parse('<div><x-title>Huawei</x-title><x-body>NATO</x-body></div>');
    expect(texts(collectBlocks(doc.body))).toEqual(['Huawei', 'NATO']);
  });

  it('drops whitespace-only blocks but keeps whitespace nodes inside a block', () => {
    const doc = parse('<div>\n  <p><b>Meng</b> <i>Wanzhou</i></p>\n</div>');
    const blocks = collectBlocks(doc.body);
    expect(texts(blocks)).toEqual(['Meng Wanzhou']);
    expect(blocks[0]!.nodes).toHaveLength(3);
  });

  it('handles RTL and mixed-direction text without reordering', () => {
    const doc = parse(
      '<p dir="rtl">قالت <b>هواوي</b> إن <bdi>NATO</bdi> ‏</p><p dir="rtl">שלום <span>עולם</span></p>',
    );
    const blocks = collectBlocks(doc.body);
    expect(texts(blocks)).toEqual(['قالت هواوي إن NATO ‏', 'שלום עולם']);
    expectConsistent(blocks);
  });

  it('counts UTF-16 code units for astral characters', () => {
    const doc = parse('<p>😀<b>Huawei</b></p>');
    const [b] = collectBlocks(doc.body);
    expect(b!.starts).toEqual([0, 2]);
  });

  it('does not mutate the page', () => {
    const doc = parse('<article><h1>T</h1><p>Meng <em>Wanzhou</em><br>x</p><nav>menu</nav></article>');
    const before = doc.documentElement.outerHTML;
    collectBlocks(doc);
    findReadableRoot(doc);
    collectBlocksIn([doc.querySelector('em')!], doc.body);
    expect(doc.documentElement.outerHTML).toBe(before);
  });
});

describe('collectBlocks: skip rules', () => {
  const cases: [string, string][] = [
    ['script', '<script>SECRET</script>'],
    ['style', '<style>SECRET{}</style>'],
    ['noscript', '<noscript>SECRET</noscript>'],
    ['template', '<template>SECRET</template>'],
    ['textarea', '<textarea>SECRET</textarea>'],
    ['input', '<input value="SECRET">'],
    ['select/option', '<select><option>SECRET</option></select>'],
    ['button', '<button>SECRET</button>'],
    ['contenteditable=true', '<span contenteditable="true">SECRET</span>'],
    ['contenteditable (empty)', '<span contenteditable>SECRET</span>'],
    ['contenteditable=plaintext-only', '<span contenteditable="plaintext-only">SECRET</span>'],
    ['code', '<code>SECRET</code>'],
    ['pre', '<pre>SECRET</pre>'],
    ['kbd', '<kbd>SECRET</kbd>'],
    ['samp', '<samp>SECRET</samp>'],
    ['var', '<var>SECRET</var>'],
    ['svg', '<svg><text>SECRET</text></svg>'],
    ['math', '<math><mi>SECRET</mi></math>'],
    ['iframe', '<iframe>SECRET</iframe>'],
    ['object', '<object>SECRET</object>'],
    ['canvas', '<canvas>SECRET</canvas>'],
    ['video', '<video>SECRET</video>'],
    ['audio', '<audio>SECRET</audio>'],
    ['aria-hidden', '<span aria-hidden="true">SECRET</span>'],
    ['hidden', '<span hidden>SECRET</span>'],
    ['inert', '<span inert>SECRET</span>'],
    ['backstory- element', '<backstory-card>SECRET</backstory-card>'],
    ['data-backstory-ui', '<span data-backstory-ui>SECRET</span>'],
    ['role=textbox', '<span role="textbox">SECRET</span>'],
    ['role=searchbox', '<div role="searchbox">SECRET</div>'],
    ['role=combobox', '<div role="combobox">SECRET</div>'],
  ];
  it.each(cases)('skips %s and treats it as a boundary', (_name, html) => {
    const doc = parse(`<p>Before ${html} after</p>`);
    const blocks = collectBlocks(doc.body);
    expect(all(blocks)).not.toContain('SECRET');
    // Skipped content separates the words around it: no mention may span it.
    expect(texts(blocks)).toEqual(['Before ', ' after']);
    expectConsistent(blocks);
  });

  it('skips the whole subtree of a skipped element', () => {
    const doc = parse(
      '<div aria-hidden="true"><p>SECRET <b>deep</b></p><ul><li>SECRET</li></ul></div><p>kept</p>',
    );
    expect(texts(collectBlocks(doc.body))).toEqual(['kept']);
  });

  it('keeps aria-hidden="false" and contenteditable="false"', () => {
    const doc = parse('<p><span aria-hidden="false">one</span> <span contenteditable="false">two</span></p>');
    expect(texts(collectBlocks(doc.body))).toEqual(['one two']);
  });

  it('skips nested editable regions, including non-editable islands inside them', () => {
    const doc = parse(
      '<div contenteditable="true"><p>SECRET <span contenteditable="false">ISLAND</span></p>' +
        '<div contenteditable="false"><p>ISLAND2</p></div></div><p>kept</p>',
    );
    expect(texts(collectBlocks(doc.body))).toEqual(['kept']);
  });

  it('returns nothing when the scanned root itself is inside an editable region', () => {
    const doc = parse('<div contenteditable><article><p>SECRET</p></article></div>');
    expect(collectBlocks(doc.querySelector('article')!)).toEqual([]);
    expect(collectBlocksIn([doc.querySelector('p')!], doc.body)).toEqual([]);
  });

  it('returns nothing in design mode', () => {
    const doc = parse('<p>SECRET</p>');
    doc.designMode = 'on';
    if (doc.designMode !== 'on') return; // environment without designMode support
    expect(collectBlocks(doc.body)).toEqual([]);
  });

  it('applies an extra skip selector, and survives an invalid one', () => {
    const doc = parse('<p>kept</p><p class="ad">SECRET</p>');
    expect(texts(collectBlocks(doc.body, { skipSelector: '.ad' }))).toEqual(['kept']);
    expect(texts(collectBlocks(doc.body, { skipSelector: '[[invalid' }))).toEqual(['kept', 'SECRET']);
  });

  it('stops at maxBlocks', () => {
    const doc = parse('<p>a</p><p>b</p><p>c</p>');
    expect(texts(collectBlocks(doc.body, { maxBlocks: 2 }))).toEqual(['a', 'b']);
  });
});

describe('collectBlocks: sections', () => {
  it('increments the section at each heading; the heading opens its section', () => {
    const doc = parse('<p>intro</p><h1>T</h1><p>a</p><h2>S1</h2><p>b</p><p>c</p><h6>S2</h6><p>d</p>');
    const blocks = collectBlocks(doc.body);
    expect(blocks.map((b) => [b.text, b.section])).toEqual([
      ['intro', 0],
      ['T', 1],
      ['a', 1],
      ['S1', 2],
      ['b', 2],
      ['c', 2],
      ['S2', 3],
      ['d', 3],
    ]);
  });

  it('does not count headings in skipped subtrees', () => {
    const doc = parse(
      '<p>a</p><div hidden><h2>x</h2></div><nav><h2>menu</h2></nav><p>b</p><h2>real</h2><p>c</p>',
    );
    expect(collectBlocks(doc.body).map((b) => [b.text, b.section])).toEqual([
      ['a', 0],
      ['b', 0],
      ['real', 1],
      ['c', 1],
    ]);
  });
});

describe('collectBlocks: robustness', () => {
  it('handles 10,000 levels of nested blocks without recursion', () => {
    const doc = parse('');
    let parent: Element = doc.body;
    for (let i = 0; i < 10_000; i++) {
      const div = doc.createElement('div');
      if (i % 1000 === 0) div.appendChild(doc.createTextNode(`level${i} `));
      parent.appendChild(div);
      parent = div;
    }
    parent.appendChild(doc.createTextNode('bottom'));
    const blocks = collectBlocks(doc.body);
    expect(blocks).toHaveLength(11);
    expect(blocks.at(-1)!.text).toBe('bottom');
    expect(findReadableRoot(doc)).toBe(doc.body);
  });

  it('handles 10,000 levels of nested inline elements as one block', () => {
    const doc = parse('<p id="p"></p>');
    let parent: Element = doc.getElementById('p')!;
    for (let i = 0; i < 10_000; i++) {
      const span = doc.createElement(i % 2 ? 'span' : 'b');
      span.appendChild(doc.createTextNode('x'));
      parent.appendChild(span);
      parent = span;
    }
    const blocks = collectBlocks(doc.body);
    expect(blocks).toHaveLength(1);
    expect(blocks[0]!.text).toHaveLength(10_000);
    expect(blocks[0]!.element.id).toBe('p');
  });

  it('handles pages with no text', () => {
    expect(collectBlocks(parse(''))).toEqual([]);
    expect(collectBlocks(parse('   \n  <div> </div><img alt="x"><script>var a = 1;</script>'))).toEqual([]);
    const empty = parse('');
    expect(findReadableRoot(empty)).toBe(empty.body);
  });

  it('handles a document whose root is not HTML', () => {
    const doc = new DOMParser().parseFromString('<root><item>text</item></root>', 'application/xml');
    expect(() => collectBlocks(doc)).not.toThrow();
  });
});

describe('findReadableRoot and chrome rules', () => {
  const page = (article: string): string =>
    '<header><a href="/">Site</a><nav><a>Huawei news</a></nav></header>' +
    '<div class="cookie-banner">We use cookies</div>' +
    article +
    '<aside>Related: Huawei teaser</aside><footer>Footer Huawei</footer>';

  it('scans only the article when there is one, keeping its headline header', () => {
    const doc = parse(
      page(
        '<article><header><h1>Huawei headline</h1></header><nav class="share">Share on Huawei</nav>' +
          '<p>Body text about Huawei, long enough to be the article.</p><p>More body text here for weight.</p>' +
          '<section id="comments"><p>Comment SECRET</p></section></article>',
      ),
    );
    const root = findReadableRoot(doc);
    expect(root.localName).toBe('article');
    expect(texts(collectBlocks(doc))).toEqual([
      'Huawei headline',
      'Body text about Huawei, long enough to be the article.',
      'More body text here for weight.',
    ]);
  });

  it('picks the article with the most text', () => {
    const doc = parse(
      '<article id="small"><p>short teaser</p></article><article id="big"><p>' +
        'long article text '.repeat(20) +
        '</p></article>',
    );
    expect(findReadableRoot(doc).id).toBe('big');
  });

  it('ignores article teasers that hold little of the page, falling back to body in page mode', () => {
    const teasers = Array.from(
      { length: 10 },
      (_, i) => `<article><p>Teaser number ${i} text</p></article>`,
    ).join('');
    const doc = parse(
      '<header role="banner">Masthead</header><div role="navigation">Menu</div><div class="main-menu">Links</div>' +
        `<div>${teasers}</div><div role="complementary">Side</div><div role="contentinfo">Legal</div>` +
        '<div id="site-footer">Foot</div><footer>Foot2</footer><aside>Aside</aside><ul role="menubar"><li>m</li></ul>',
    );
    expect(findReadableRoot(doc)).toBe(doc.body);
    expect(texts(collectBlocks(doc))).toEqual(
      Array.from({ length: 10 }, (_, i) => `Teaser number ${i} text`),
    );
  });

  it('uses [itemprop=articleBody] when there is no article element', () => {
    const doc = parse(
      '<div class="wrap"><h1>Title</h1><div itemprop="articleBody"><p>Body</p></div></div><div>Other</div>',
    );
    expect(findReadableRoot(doc).getAttribute('itemprop')).toBe('articleBody');
  });

  it('uses <main> when there is no article body', () => {
    const doc = parse('<nav>menu</nav><main><h1>Title</h1><p>Body</p></main><footer>f</footer>');
    expect(findReadableRoot(doc).localName).toBe('main');
    expect(texts(collectBlocks(doc))).toEqual(['Title', 'Body']);
  });

  it('takes a lone <main> only if it holds text outside scripts, styles and templates', () => {
    const empty = parse(
      '<main>\n  <div> </div><script>var story = "long text";</script><style>p{}</style>' +
        '<template><p>later</p></template><noscript>enable JS</noscript></main><div>Other</div>',
    );
    expect(findReadableRoot(empty)).toBe(empty.body);
    const late = parse(
      `<main>${'<div> \n</div>'.repeat(50)}<script>x()</script><div><span> </span><em>Story</em></div></main><div>Other</div>`,
    );
    expect(findReadableRoot(late).localName).toBe('main');
    const lone = parse('<div role="main"><p>Story</p></div><div>Other</div>');
    expect(findReadableRoot(lone).getAttribute('role')).toBe('main');
  });

  it('picks the <main> with the most text when there are several, and skips empty ones', () => {
    const doc = parse(
      `<main id="a"><p>short</p></main><div role="main" id="b"><p>${'longer text '.repeat(10)}</p></div>` +
        '<main id="c"><script>only script</script></main>',
    );
    expect(findReadableRoot(doc).id).toBe('b');
    const blank = parse('<main id="a"> </main><main id="b"><script>x</script></main><div>Other</div>');
    expect(findReadableRoot(blank)).toBe(blank.body);
  });

  it('falls back to main when the only article is a small teaser', () => {
    const doc = parse(
      `<main><p>${'main story text '.repeat(30)}</p><article><p>tiny teaser</p></article></main>`,
    );
    expect(findReadableRoot(doc).localName).toBe('main');
  });

  it('ignores an article that sits inside skipped chrome', () => {
    const doc = parse(`<nav><article>${'menu text '.repeat(50)}</article></nav><main><p>story</p></main>`);
    expect(findReadableRoot(doc).localName).toBe('main');
  });

  it('matches chrome classes conservatively', () => {
    const doc = parse(
      '<div class="site-nav">A</div><div class="mainNav">B</div><div id="comments-section">C</div>' +
        '<div class="cookie-consent">D</div><div class="breadcrumbs">E</div>' +
        '<div class="canvas-wrapper">keep1</div><div class="commentary">keep2</div>' +
        '<div class="comment-count">keep3</div><div class="unavailable">keep4</div><div class="i-nav_drawer_slide@tp-">keep5</div>',
    );
    expect(texts(collectBlocks(doc.body))).toEqual(['keep1', 'keep2', 'keep3', 'keep4', 'keep5']);
  });

  it('never skips a chrome-named wrapper that holds the story', () => {
    const doc = parse('<div class="has-nav"><h1>Story</h1><p>text</p></div>');
    expect(texts(collectBlocks(doc.body))).toEqual(['Story', 'text']);
  });

  it('lets the caller force a chrome mode', () => {
    const doc = parse('<div id="r"><header>Head</header><p>text</p></div>');
    const r = doc.getElementById('r')!;
    expect(texts(collectBlocks(r))).toEqual(['Head', 'text']);
    expect(texts(collectBlocks(r, { chrome: 'page' }))).toEqual(['text']);
  });
});

describe('collectBlocksIn', () => {
  it('rescans the whole block around a changed inline node', () => {
    const doc = parse('<article><h1>T</h1><p id="p">Meng </p><h2>S</h2><p id="q">x</p></article>');
    const root = findReadableRoot(doc);
    const em = doc.createElement('em');
    em.textContent = 'Wanzhou';
    doc.getElementById('p')!.appendChild(em);
    const blocks = collectBlocksIn([em], root);
    expect(blocks.map((b) => [b.text, b.section, b.element.id])).toEqual([['Meng Wanzhou', 1, 'p']]);
    const q = collectBlocksIn([doc.getElementById('q')!.firstChild!], root);
    expect(q.map((b) => [b.text, b.section])).toEqual([['x', 2]]);
  });

  it('matches the sections of a full scan', () => {
    const doc = parse('<main><p>a</p><h2>1</h2><div><p>b</p><h3>2</h3><p>c</p></div><p>d</p></main>');
    const root = findReadableRoot(doc);
    const full = collectBlocks(root).map((b) => [b.text, b.section]);
    const partial = collectBlocksIn(Array.from(root.querySelectorAll('p')), root).map((b) => [
      b.text,
      b.section,
    ]);
    expect(partial).toEqual(full.filter(([t]) => ['a', 'b', 'c', 'd'].includes(t as string)));
    // A rescanned heading opens its own section, exactly as in the full scan.
    for (const h of Array.from(root.querySelectorAll('h2, h3'))) {
      const [hb] = collectBlocksIn([h.firstChild!], root);
      expect([hb!.text, hb!.section]).toEqual(full.find(([t]) => t === h.textContent));
    }
  });

  it('deduplicates nested containers and keeps document order', () => {
    const doc = parse('<main><div id="d"><p id="a">a</p><p id="b">b</p></div><p id="c">c</p></main>');
    const root = doc.querySelector('main')!;
    const nodes = ['c', 'a', 'd', 'b'].map((id) => doc.getElementById(id)!);
    expect(texts(collectBlocksIn(nodes, root))).toEqual(['a', 'b', 'c']);
  });

  it('ignores nodes outside the root, in skipped regions, or detached', () => {
    const doc = parse(
      '<p id="out">outside</p><main><nav><p id="nav">menu</p></nav><textarea id="ta">typed</textarea>' +
        '<div contenteditable><p id="ed">edit</p></div><backstory-card><p id="ui">card</p></backstory-card></main>',
    );
    const root = doc.querySelector('main')!;
    const ids = ['out', 'nav', 'ta', 'ed', 'ui'].map((id) => doc.getElementById(id)!);
    const detached = doc.createElement('p');
    detached.textContent = 'detached';
    expect(
      collectBlocksIn([...ids, detached, doc.getElementById('ta')!.firstChild ?? detached], root),
    ).toEqual([]);
  });

  it('returns blocks only from inside the given subtrees', () => {
    const doc = parse('<main><p>a</p><section id="s"><p>b</p><p>c<br>d</p></section><p>e</p></main>');
    const blocks = collectBlocksIn([doc.getElementById('s')!], doc.querySelector('main')!);
    expect(texts(blocks)).toEqual(['b', 'c', 'd']);
    for (const b of blocks) expect(doc.getElementById('s')!.contains(b.element)).toBe(true);
  });
});

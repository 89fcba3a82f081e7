import { describe, expect, it } from 'vitest';
import { detectPublicationDate, parseDay } from '../../../../utils/page/read/article-date';

const NOW = new Date('2024-06-15T12:00:00Z');

function parse(head: string, body = ''): Document {
  return new DOMParser().parseFromString(
    `<!doctype html><html><head>${head}</head><body>${body}</body></html>`,
    'text/html',
  );
}

const detect = (doc: Document, url?: string) => detectPublicationDate(doc, url ?? '', NOW);
const ld = (obj: unknown): string => `<script type="application/ld+json">${JSON.stringify(obj)}</script>`;

describe('parseDay', () => {
  it.each([
    ['2019-07-03', '2019-07-03'],
    ['2019-07-03T10:00:00-04:00', '2019-07-03'],
    ['2019-07-03T23:30:00-04:00', '2019-07-03'],
    ['2019-07-04T01:00:00+09:00', '2019-07-04'],
    ['2019-01-03T07:00:02.000Z', '2019-01-03'],
    ['2017-11-03 03:01:00.000000', '2017-11-03'],
    ['2019/7/3', '2019-07-03'],
    ['20190703', '2019-07-03'],
    ['20190703T100000Z', '2019-07-03'],
    ['  2019-07-03  ', '2019-07-03'],
    ['Wed, 03 Jul 2019 10:00:00 GMT', '2019-07-03'],
    ['3 July 2019', '2019-07-03'],
    ['July 3, 2019', '2019-07-03'],
    ['Sept. 30, 2019', '2019-09-30'],
    ['2020-02-29', '2020-02-29'],
  ])('reads %s as %s', (input, day) => {
    expect(parseDay(input)).toBe(day);
  });

  it.each([
    '2019-02-29',
    '2019-13-01',
    '2019-00-10',
    '2019-04-31',
    '2019-07-00',
    '0000-01-01',
    '1850-01-01',
    'yesterday',
    '',
    '1562162400',
    'Foo 3, 2019',
  ])('rejects %j', (input) => {
    expect(parseDay(input)).toBeNull();
  });

  it('rejects days after the latest allowed day', () => {
    expect(parseDay('2024-06-17', '2024-06-16')).toBeNull();
    expect(parseDay('2024-06-16', '2024-06-16')).toBe('2024-06-16');
  });
});

describe('detectPublicationDate: meta', () => {
  it.each([
    '<meta property="article:published_time" content="2019-07-03T10:00:00-04:00">',
    '<meta property="og:published_time" content="2019-07-03">',
    '<meta name="pubdate" content="2019-07-03">',
    '<meta name="date" content="2019-07-03">',
    '<meta itemprop="datePublished" content="2019-07-03">',
    '<meta name="parsely-pub-date" content="2019-07-03T14:00:00Z">',
    '<meta name="sailthru.date" content="2019-07-03 10:00:00">',
    '<meta name="DC.date.issued" content="2019-07-03">',
    '<meta name="dc.date.issued" content="2019-07-03">',
    '<meta property="ARTICLE:PUBLISHED_TIME" content="2019-07-03">',
  ])('reads %s', (meta) => {
    expect(detect(parse(meta))).toEqual({ date: '2019-07-03', source: 'meta' });
  });

  it('prefers article:published_time over later keys and ignores modified_time', () => {
    const doc = parse(
      '<meta property="article:modified_time" content="2020-01-01"><meta name="date" content="2019-01-01">' +
        '<meta property="article:published_time" content="2019-07-03">',
    );
    expect(detect(doc)).toEqual({ date: '2019-07-03', source: 'meta' });
  });

  it('skips an invalid meta value and uses the next valid key', () => {
    const doc = parse(
      '<meta property="article:published_time" content="2019-02-30"><meta name="pubdate" content="2019-07-03">',
    );
    expect(detect(doc)).toEqual({ date: '2019-07-03', source: 'meta' });
  });

  it('reads microdata on a non-meta element', () => {
    expect(detect(parse('', '<span itemprop="datePublished" content="2019-07-03">July 3</span>'))).toEqual({
      date: '2019-07-03',
      source: 'meta',
    });
  });

  it('keeps the day as written, not converted to UTC', () => {
    const doc = parse('<meta property="article:published_time" content="2019-07-03T23:30:00-04:00">');
    expect(detect(doc)?.date).toBe('2019-07-03');
  });
});

describe('detectPublicationDate: JSON-LD', () => {
  it('reads a top-level datePublished', () => {
    expect(detect(parse(ld({ '@type': 'NewsArticle', datePublished: '2019-07-03T10:00:00Z' })))).toEqual({
      date: '2019-07-03',
      source: 'json-ld',
    });
  });

  it('reads inside @graph and arrays, preferring the article over the web page', () => {
    const doc = parse(
      ld([
        { '@context': 'https://schema.org' },
        {
          '@graph': [
            { '@type': 'WebPage', datePublished: '2018-01-01' },
            {
              '@type': ['Thing', 'BlogPosting'],
              author: { name: 'x' },
              datePublished: '2019-07-03',
            },
          ],
        },
      ]),
    );
    expect(detect(doc)).toEqual({ date: '2019-07-03', source: 'json-ld' });
  });

  it('falls back to any datePublished when no article type has one', () => {
    expect(detect(parse(ld({ '@type': 'WebPage', datePublished: '2019-07-03' })))?.date).toBe('2019-07-03');
  });

  it('tolerates malformed JSON', () => {
    const trailing =
      '<script type="application/ld+json">{"@type":"NewsArticle","datePublished":"2019-07-03",}</script>';
    expect(detect(parse(trailing))?.date).toBe('2019-07-03');
    const newline =
      '<script type="application/ld+json">{"@type":"NewsArticle","headline":"a\nb","datePublished":"2019-07-04"}</script>';
    expect(detect(parse(newline))?.date).toBe('2019-07-04');
    const hopeless = '<script type="application/ld+json">{{{ "datePublished": "2019-07-05" oops</script>';
    expect(detect(parse(hopeless))?.date).toBe('2019-07-05');
    const garbage = '<script type="application/ld+json">not json at all</script>';
    expect(detect(parse(garbage))).toBeNull();
  });

  it('accepts a type attribute with parameters and ignores other scripts', () => {
    const doc = parse(
      '<script>var datePublished = "2001-01-01";</script>' +
        '<script type="application/ld+json; charset=utf-8">{"@type":"Article","datePublished":"2019-07-03"}</script>',
    );
    expect(detect(doc)?.date).toBe('2019-07-03');
  });

  it('survives deeply nested JSON without recursion', () => {
    const inner = '{"@type":"NewsArticle","datePublished":"2019-07-03"}';
    const json = '{"child":'.repeat(5000) + inner + '}'.repeat(5000);
    expect(detect(parse(`<script type="application/ld+json">${json}</script>`))?.date).toBe('2019-07-03');
  });
});

describe('detectPublicationDate: <time>', () => {
  it('prefers a time marked as publication', () => {
    const doc = parse(
      '',
      '<article><p>Posted <time datetime="2019-07-04">later</time></p>' +
        '<span class="published-date"><time datetime="2019-07-03">July 3</time></span>' +
        `<p>${'body '.repeat(50)}</p></article>`,
    );
    expect(detect(doc)).toEqual({ date: '2019-07-03', source: 'time' });
  });

  it('accepts pubdate and itemprop markers', () => {
    const a = parse(
      '',
      '<article><time datetime="2019-07-01">x</time><time pubdate datetime="2019-07-03">y</time><p>text</p></article>',
    );
    expect(detect(a)?.date).toBe('2019-07-03');
    const b = parse(
      '',
      '<article><time datetime="2019-07-01">x</time><time itemprop="datePublished" datetime="2019-07-03">y</time></article>',
    );
    expect(detect(b)?.date).toBe('2019-07-03');
  });

  it('ignores times marked as updated or modified', () => {
    const doc = parse(
      '',
      '<article><time class="updated" datetime="2019-07-09">u</time><time datetime="2019-07-03">p</time></article>',
    );
    expect(detect(doc)?.date).toBe('2019-07-03');
  });

  it('only looks inside the article when there is one', () => {
    const doc = parse(
      '',
      `<aside><time pubdate datetime="2018-01-01">other</time></aside><article><p>${'story '.repeat(40)}</p>` +
        '<time datetime="2019-07-03">x</time></article>',
    );
    expect(detect(doc)?.date).toBe('2019-07-03');
  });

  it('skips times with unusable datetime values', () => {
    const doc = parse(
      '',
      '<article><time datetime="PT5M">x</time><time datetime="2019-07-03T08:00">y</time></article>',
    );
    expect(detect(doc)?.date).toBe('2019-07-03');
  });
});

describe('detectPublicationDate: URL', () => {
  it.each([
    ['https://www.example.com/news/2019/07/03/huawei-nato/', '2019-07-03'],
    ['https://www.example.com/2019/7/3/huawei', '2019-07-03'],
    ['https://www.example.com/2019/07/03', '2019-07-03'],
    ['https://www.example.com/news/2019-07-03/huawei', '2019-07-03'],
    ['https://www.example.com/news/huawei-2019-07-03.html', '2019-07-03'],
    ['https://www.example.com/news/20190703/huawei', '2019-07-03'],
  ])('reads %s', (url, day) => {
    expect(detect(parse(''), url)).toEqual({ date: day, source: 'url' });
  });

  it.each([
    'https://www.example.com/news/2019/07/huawei',
    'https://www.example.com/article/12345678/huawei',
    'https://www.example.com/news/2019/02/30/huawei',
    'https://www.example.com/search?q=2019/07/03/',
    'https://www.example.com/id/201907031234',
    'not a url',
  ])('finds no date in %s', (url) => {
    expect(detect(parse(''), url)).toBeNull();
  });

  it('uses the document location by default', () => {
    const win = window as unknown as {
      happyDOM?: { setURL(url: string): void };
    };
    if (win.happyDOM === undefined) return;
    const previous = window.location.href;
    win.happyDOM.setURL('https://www.example.com/2019/07/03/story');
    try {
      expect(detectPublicationDate(document, undefined, NOW)).toEqual({
        date: '2019-07-03',
        source: 'url',
      });
      expect(detectPublicationDate()?.date).toBe('2019-07-03');
    } finally {
      win.happyDOM.setURL(previous);
    }
  });
});

describe('detectPublicationDate: order and validation', () => {
  const all =
    '<meta property="article:published_time" content="2019-07-01">' +
    ld({ '@type': 'NewsArticle', datePublished: '2019-07-02' });
  const body = '<article><time pubdate datetime="2019-07-03">x</time></article>';
  const url = 'https://example.com/2019/07/04/x';

  it('follows meta > JSON-LD > time > URL', () => {
    expect(detect(parse(all, body), url)).toEqual({
      date: '2019-07-01',
      source: 'meta',
    });
    expect(
      detect(parse(ld({ '@type': 'NewsArticle', datePublished: '2019-07-02' }), body), url)?.source,
    ).toBe('json-ld');
    expect(detect(parse('', body), url)?.source).toBe('time');
    expect(detect(parse('', ''), url)?.source).toBe('url');
  });

  it('rejects dates in the future and falls through to the next source', () => {
    const doc = parse('<meta property="article:published_time" content="2024-07-01">', body);
    expect(detect(doc)).toEqual({ date: '2019-07-03', source: 'time' });
    // One day of slack for publishers a time zone ahead.
    expect(detect(parse('<meta name="date" content="2024-06-16">'))?.date).toBe('2024-06-16');
    expect(detect(parse('<meta name="date" content="2024-06-17">'))).toBeNull();
  });

  it('rejects impossible dates everywhere', () => {
    const doc = parse(
      '<meta name="date" content="2019-02-29">' + ld({ datePublished: '2019-13-01' }),
      '<article><time datetime="2019-04-31">x</time></article>',
    );
    expect(detect(doc, 'https://example.com/2019/06/31/x')).toBeNull();
  });

  it('returns null for a page without any date', () => {
    expect(detect(parse('<title>x</title>', '<p>No date here</p>'))).toBeNull();
  });

  it('handles a 10,000-level deep page', () => {
    const doc = parse('<meta name="date" content="2019-07-03">');
    let parent: Element = doc.body;
    for (let i = 0; i < 10_000; i++) {
      const div = doc.createElement('div');
      parent.appendChild(div);
      parent = div;
    }
    parent.innerHTML = '<time datetime="2019-01-01">x</time>';
    expect(detect(doc)?.date).toBe('2019-07-03');
  });
});

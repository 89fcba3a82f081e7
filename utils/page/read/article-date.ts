/**
 * Finds when the article being read was published, so a timeline can show what was known
 * then and what came after. Read-only: only looks at meta tags, JSON-LD, `<time>` and the URL.
 */
import { findReadableRoot } from './readable-root';
import { findAll } from './skip-rules';

/** Where the date came from, most reliable first. */
export type DateSource = 'meta' | 'json-ld' | 'time' | 'url';

export interface PublicationDate {
  /** `YYYY-MM-DD`: the calendar day as the source wrote it (no time-zone conversion). */
  date: string;
  source: DateSource;
}

/**
 * Meta keys (property, name or itemprop; compared case-insensitively) in order of trust.
 * Only publication keys: `article:modified_time` and friends say nothing about when the
 * story was first told.
 */
const META_KEYS = [
  'article:published_time',
  'og:article:published_time',
  'og:published_time',
  'datepublished',
  'article.published',
  'pubdate',
  'publishdate',
  'publish-date',
  'publish_date',
  'parsely-pub-date',
  'sailthru.date',
  'dc.date.issued',
  'dcterms.issued',
  'dc.date.created',
  'dcterms.created',
  'date',
  'dc.date',
  'dcterms.date',
];

const MONTHS: Record<string, number> = {
  jan: 1,
  feb: 2,
  mar: 3,
  apr: 4,
  may: 5,
  jun: 6,
  jul: 7,
  aug: 8,
  sep: 9,
  sept: 9,
  oct: 10,
  nov: 11,
  dec: 12,
};

/** Earliest year we believe: before this, a "date" is a typo or a placeholder. */
const MIN_YEAR = 1900;

function pad(n: number): string {
  return String(n).padStart(2, '0');
}

/** `YYYY-MM-DD` if the day exists in the calendar and is not after `latest` (a YYYY-MM-DD), else null. */
function validDay(y: number, m: number, d: number, latest: string): string | null {
  if (!Number.isInteger(y) || !Number.isInteger(m) || !Number.isInteger(d)) return null;
  if (y < MIN_YEAR || m < 1 || m > 12 || d < 1) return null;
  // Day 0 of the next month is the last day of this one (UTC avoids DST surprises).
  const daysInMonth = new Date(Date.UTC(y, m, 0)).getUTCDate();
  if (d > daysInMonth) return null;
  const day = `${String(y).padStart(4, '0')}-${pad(m)}-${pad(d)}`;
  return day > latest ? null : day;
}

/**
 * The calendar day written in a timestamp, as written: "2019-07-03T23:30:00-04:00" is
 * 2019-07-03 even though it is already the 4th in UTC, because that is the day the
 * publisher's readers saw. Accepts ISO-like forms (`2019-07-03`, `2019/07/03`,
 * `20190703`, with any time after), and English textual forms ("Wed, 03 Jul 2019",
 * "July 3, 2019", "3 July 2019"). Returns null for anything else or impossible days.
 */
export function parseDay(value: string, latest = '9999-12-31'): string | null {
  const s = value.trim();
  let m = /^(\d{4})[-/.](\d{1,2})[-/.](\d{1,2})(?![\d])/.exec(s);
  if (m !== null) return validDay(Number(m[1]), Number(m[2]), Number(m[3]), latest);
  m = /^(\d{4})(\d{2})(\d{2})(?:$|[T\s]|\d{4,6}(?:$|\D))/.exec(s);
  if (m !== null) return validDay(Number(m[1]), Number(m[2]), Number(m[3]), latest);
  // "Wed, 03 Jul 2019 10:00:00 GMT", "3 July 2019"
  m = /^(?:[A-Za-z]+,?\s+)?(\d{1,2})(?:st|nd|rd|th)?\s+([A-Za-z]{3,9})\.?,?\s+(\d{4})(?!\d)/.exec(s);
  if (m !== null) {
    const month = MONTHS[m[2]!.slice(0, 4).toLowerCase()] ?? MONTHS[m[2]!.slice(0, 3).toLowerCase()];
    return month === undefined ? null : validDay(Number(m[3]), month, Number(m[1]), latest);
  }
  // "July 3, 2019", "Wednesday, July 3 2019"
  m = /^(?:[A-Za-z]+,?\s+)?([A-Za-z]{3,9})\.?\s+(\d{1,2})(?:st|nd|rd|th)?,?\s+(\d{4})(?!\d)/.exec(s);
  if (m !== null) {
    const month = MONTHS[m[1]!.slice(0, 4).toLowerCase()] ?? MONTHS[m[1]!.slice(0, 3).toLowerCase()];
    return month === undefined ? null : validDay(Number(m[3]), month, Number(m[2]), latest);
  }
  return null;
}

/** The latest acceptable day: `now`'s UTC day plus one, since the publisher may be a time zone ahead. */
function latestDay(now: Date): string {
  const t = new Date(now.getTime() + 24 * 3600 * 1000);
  return `${String(t.getUTCFullYear()).padStart(4, '0')}-${pad(t.getUTCMonth() + 1)}-${pad(t.getUTCDate())}`;
}

function fromMeta(doc: Document, latest: string): string | null {
  const byKey = new Map<string, string[]>();
  for (const meta of findAll(doc.documentElement, 'meta[content]')) {
    const content = meta.getAttribute('content');
    if (content === null || content.trim() === '') continue;
    for (const attr of ['property', 'name', 'itemprop']) {
      const key = meta.getAttribute(attr)?.trim().toLowerCase();
      if (key === undefined || key === '') continue;
      const list = byKey.get(key) ?? [];
      list.push(content);
      byKey.set(key, list);
    }
  }
  for (const key of META_KEYS) {
    for (const content of byKey.get(key) ?? []) {
      const day = parseDay(content, latest);
      if (day !== null) return day;
    }
  }
  // Microdata on non-meta elements, e.g. <span itemprop="datePublished" content="...">.
  for (const el of findAll(doc.documentElement, '[itemprop][content]:not(meta)')) {
    if (el.getAttribute('itemprop')?.trim().toLowerCase() !== 'datepublished') continue;
    const day = parseDay(el.getAttribute('content') ?? '', latest);
    if (day !== null) return day;
  }
  return null;
}

/**
 * Parses JSON-LD as leniently as cheaply possible: publishers ship trailing commas, raw
 * newlines in strings, HTML comments and CDATA wrappers. Returns undefined when hopeless.
 */
function parseJsonLenient(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    // fall through to cleaning
  }
  const cleaned = text
    .replace(/^\s*(?:<!--|\/\/\s*<!\[CDATA\[|<!\[CDATA\[)/, '')
    .replace(/(?:-->|\/\/\s*\]\]>|\]\]>)\s*$/, '')
    // Raw control characters (unescaped newlines in strings) are the commonest JSON-LD fault.
    // eslint-disable-next-line no-control-regex
    .replace(/[\u0000-\u001f]+/g, ' ')
    .replace(/,\s*([}\]])/g, '$1');
  try {
    return JSON.parse(cleaned);
  } catch {
    return undefined;
  }
}

/** Whether a JSON-LD `@type` names an article (NewsArticle, BlogPosting, ReportageNewsArticle...). */
function isArticleType(type: unknown): boolean {
  const types = Array.isArray(type) ? type : [type];
  return types.some((t) => typeof t === 'string' && /article|posting|report/i.test(t));
}

function fromJsonLd(doc: Document, latest: string): string | null {
  let fallback: string | null = null;
  for (const script of findAll(doc.documentElement, 'script[type]')) {
    const type = script.getAttribute('type')?.trim().toLowerCase() ?? '';
    if (!type.startsWith('application/ld+json')) continue;
    const text = script.textContent ?? '';
    const data = parseJsonLenient(text);
    if (data === undefined) {
      // Unparseable: a plain search still finds a date in most broken blobs.
      const m = /"datePublished"\s*:\s*"([^"]+)"/.exec(text);
      const day = m === null ? null : parseDay(m[1]!, latest);
      if (day !== null && fallback === null) fallback = day;
      continue;
    }
    // Iterative walk through @graph, arrays and nested objects (no recursion on untrusted depth).
    const stack: unknown[] = [data];
    let seen = 0;
    while (stack.length > 0 && seen++ < 10000) {
      const item = stack.pop();
      if (Array.isArray(item)) {
        for (let i = item.length - 1; i >= 0; i--) stack.push(item[i]);
        continue;
      }
      if (item === null || typeof item !== 'object') continue;
      const obj = item as Record<string, unknown>;
      const published = obj['datePublished'];
      if (typeof published === 'string') {
        const day = parseDay(published, latest);
        // An article's own date beats a WebPage's or a nested item's.
        if (day !== null && isArticleType(obj['@type'])) return day;
        if (day !== null && fallback === null) fallback = day;
      }
      const values = Object.values(obj);
      for (let i = values.length - 1; i >= 0; i--) {
        const v = values[i];
        if (v !== null && typeof v === 'object') stack.push(v);
      }
    }
  }
  return fallback;
}

/** Hints that a `<time>` is the publication time, on it or on its parent. */
function publishScore(time: Element): number {
  if (time.hasAttribute('pubdate')) return 3;
  if (time.getAttribute('itemprop')?.toLowerCase() === 'datepublished') return 3;
  const hint = `${time.getAttribute('class') ?? ''} ${time.parentElement?.getAttribute('class') ?? ''}`;
  if (/publish/i.test(hint)) return 2;
  // An "updated"/"modified" time is the wrong date; only use it if nothing else exists.
  if (/updat|modif|edit/i.test(hint)) return -1;
  return 0;
}

function fromTime(root: Element, latest: string): string | null {
  const times = findAll(root, 'time[datetime]');
  let best: { day: string; score: number } | null = null;
  for (const time of times) {
    const day = parseDay(time.getAttribute('datetime') ?? '', latest);
    if (day === null) continue;
    const score = publishScore(time);
    if (score < 0) continue;
    // Strictly greater: among equals, the first in document order (usually the byline).
    if (best === null || score > best.score) best = { day, score };
  }
  return best?.day ?? null;
}

function fromUrl(url: string | undefined, latest: string): string | null {
  if (url === undefined || url === '') return null;
  let path: string;
  try {
    path = new URL(url).pathname;
  } catch {
    path = url.split(/[?#]/)[0] ?? '';
  }
  // /2019/07/03/ or /2019/07/03 at the end
  let m = /\/((?:19|20)\d{2})\/(\d{1,2})\/(\d{1,2})(?=\/|$|\.)/.exec(path);
  if (m !== null) {
    const day = validDay(Number(m[1]), Number(m[2]), Number(m[3]), latest);
    if (day !== null) return day;
  }
  // /2019-07-03/ or /2019-07-03-some-slug
  m = /[/_-]((?:19|20)\d{2})-(\d{2})-(\d{2})(?=[/_.-]|$)/.exec(path);
  if (m !== null) {
    const day = validDay(Number(m[1]), Number(m[2]), Number(m[3]), latest);
    if (day !== null) return day;
  }
  // /20190703/ (a whole path segment, so ids and phone numbers do not qualify)
  m = /\/((?:19|20)\d{2})(\d{2})(\d{2})(?=\/|$)/.exec(path);
  if (m !== null) {
    const day = validDay(Number(m[1]), Number(m[2]), Number(m[3]), latest);
    if (day !== null) return day;
  }
  return null;
}

/**
 * Detects the article's publication day. Sources in order of trust, the first valid one
 * wins: meta tags (`article:published_time`, `og:published_time`, `pubdate`, `date`,
 * `itemprop=datePublished`, `parsely-pub-date`, `sailthru.date`, `DC.date.issued`...), JSON-LD
 * `datePublished` (also inside `@graph` and arrays; malformed JSON tolerated), a
 * `<time datetime>` in the article (publish-marked ones first), then the URL path
 * (`/2019/07/03/`, `/2019-07-03/`, `/20190703/`). Impossible days and days after `now`
 * (with one day of slack for time zones) are ignored.
 *
 * @param doc the page
 * @param url the page URL, for the URL patterns
 * @param now the reference "today"
 */
export function detectPublicationDate(
  doc: Document = document,
  url: string | undefined = doc.location?.href,
  now: Date = new Date(),
  /** The readable root when the caller already found it (saves a walk). */
  root?: Element,
): PublicationDate | null {
  if (doc.documentElement === null) return null;
  const latest = latestDay(now);
  const meta = fromMeta(doc, latest);
  if (meta !== null) return { date: meta, source: 'meta' };
  const jsonLd = fromJsonLd(doc, latest);
  if (jsonLd !== null) return { date: jsonLd, source: 'json-ld' };
  const time = fromTime(root ?? findReadableRoot(doc), latest);
  if (time !== null) return { date: time, source: 'time' };
  const fromPath = fromUrl(url, latest);
  if (fromPath !== null) return { date: fromPath, source: 'url' };
  return null;
}

/**
 * Deterministic generators for the page benchmark: article pages of any length, a page
 * that keeps appending paragraphs, and a large alias dictionary. All text is invented
 * here (a fixed word list and made-up syllables), seeded so every run sees the same pages.
 */
import type { PackInput } from '../data/schema';
import type { SnapshotAlias } from '../utils/core/matcher/index';

/** A small seeded PRNG (mulberry32): same seed, same sequence. */
export function rng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const WORDS = (
  'the of and to in a that for on with as was said by it at from his her their an be have has ' +
  'which were this not are but after over more new would about been officials year government ' +
  'company people two could its also than some when into week first last other told since ' +
  'market report plan under while according statement minister policy network equipment supply ' +
  'chips trade talks security agency rules deal industry share board court review public ' +
  'national foreign local price growth export import tariff data city region budget council ' +
  'meeting decision analysts investors workers farmers engineers students committee proposal ' +
  'quarter earlier later during against between across without before because although ' +
  'announced expected reported warned agreed argued suggested declined confirmed released ' +
  'carefully quickly openly largely nearly mostly slowly sharply broadly widely'
).split(' ');

const SYLLABLES = (
  'bar bel cor dan del fen gar hal jor kel lam mar nor pel quen ros sal tor val wen ' +
  'zan bri cla dro fla gri kro pla tra vin ost ard eln imb orv uth ask erd ilm ond'
).split(' ');

const COMPANY_SUFFIXES = [
  'Systems',
  'Holdings',
  'Group',
  'Institute',
  'Networks',
  'Labs',
  'Partners',
  'Works',
];

/** Escapes text for HTML element content and attribute values. */
export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
}

function capital(word: string): string {
  return word.charAt(0).toUpperCase() + word.slice(1);
}

function pick<T>(items: readonly T[], random: () => number): T {
  return items[Math.floor(random() * items.length)]!;
}

export interface ArticleOptions {
  /** Approximate number of words of body text. */
  words: number;
  seed?: number;
  /** Names dropped into the text (as written), one about every `mentionEvery` words. */
  mentions?: readonly string[];
  mentionEvery?: number;
  title?: string;
}

/**
 * Paragraphs of HTML (inline links and emphasis split the text into several text nodes,
 * as real articles do), with a heading every few paragraphs.
 */
export function articleBody({
  words,
  seed = 1,
  mentions = [],
  mentionEvery = 120,
}: ArticleOptions): string[] {
  const random = rng(seed);
  const out: string[] = [];
  let written = 0;
  let paragraph = 0;
  while (written < words) {
    if (paragraph > 0 && paragraph % 8 === 0) {
      out.push(`<h2>${capital(pick(WORDS, random))} ${pick(WORDS, random)} ${pick(WORDS, random)}</h2>`);
    }
    const length = 50 + Math.floor(random() * 70);
    const parts: string[] = [];
    let sentenceStart = true;
    for (let i = 0; i < length; i++) {
      let word: string;
      if (mentions.length > 0 && random() < 1 / mentionEvery) word = escapeHtml(pick(mentions, random));
      else word = sentenceStart ? capital(pick(WORDS, random)) : pick(WORDS, random);
      const r = random();
      if (r < 0.01) word = `<a href="#p${paragraph}">${word}</a>`;
      else if (r < 0.02) word = `<em>${word}</em>`;
      sentenceStart = random() < 0.08;
      parts.push(sentenceStart || i === length - 1 ? `${word}.` : word);
    }
    out.push(`<p>${parts.join(' ')}</p>`);
    written += length;
    paragraph++;
  }
  return out;
}

/** A complete news-like page around {@link articleBody}: nav, header with a date, article, footer. */
export function articlePage(options: ArticleOptions): string {
  const title = options.title ?? `Generated article of ${options.words} words`;
  return `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>${escapeHtml(title)}</title>
<meta property="article:published_time" content="2024-05-06T08:00:00Z">
<style>body{font:17px/1.5 Georgia,serif;max-width:42em;margin:0 auto;padding:1em}</style></head>
<body><nav><a href="/">Home</a> <a href="/world">World</a> <a href="/business">Business</a></nav>
<article><h1>${escapeHtml(title)}</h1><p><time datetime="2024-05-06">6 May 2024</time></p>
${articleBody(options).join('\n')}
</article><footer><p>Generated for the Backstory benchmark.</p></footer></body></html>`;
}

/**
 * A page whose own script appends one paragraph every `intervalMs` for `durationMs`, and
 * measures its own responsiveness: the largest lateness of a 10 ms timer (event-loop lag).
 * Results land in `window.__appendBench` once done.
 */
export function appendingPage({
  durationMs = 10_000,
  intervalMs = 50,
  seed = 7,
  mentions = [] as readonly string[],
}): string {
  const count = Math.ceil(durationMs / intervalMs);
  const paragraphs = articleBody({ words: count * 80, seed, mentions, mentionEvery: 60 });
  return `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>Live updates</title></head>
<body><main><article><h1>Live updates</h1><p>The first entry of a page that keeps growing.</p></article></main>
<script type="application/json" id="entries">${JSON.stringify(paragraphs.slice(0, count)).replace(/</g, '\\u003c')}</script>
<script>
(() => {
  const entries = JSON.parse(document.getElementById('entries').textContent);
  const article = document.querySelector('article');
  const state = { appended: 0, maxLagMs: 0, lags: [], done: false };
  window.__appendBench = state;
  const started = performance.now();
  let expected = started + 10;
  const tick = setInterval(() => {
    const now = performance.now();
    const lag = Math.max(0, now - expected);
    state.lags.push(lag);
    if (lag > state.maxLagMs) state.maxLagMs = lag;
    expected = now + 10;
  }, 10);
  const append = setInterval(() => {
    const holder = document.createElement('div');
    holder.innerHTML = entries[state.appended++];
    article.append(...holder.childNodes);
    if (state.appended >= entries.length || performance.now() - started >= ${durationMs}) {
      clearInterval(append);
      clearInterval(tick);
      state.done = true;
    }
  }, ${intervalMs});
})();
</script></body></html>`;
}

/** Made-up proper names that cannot collide with real words: two or three syllables, capitalised. */
function inventedName(random: () => number, syllables: number): string {
  let word = '';
  for (let i = 0; i < syllables; i++) word += pick(SYLLABLES, random);
  return capital(word);
}

/**
 * `base` plus generated aliases up to `count` in total: people ("Belmar Quenros"), companies
 * ("Dantor Networks"), case-sensitive acronyms ("QVRT") and a few context-bound aliases,
 * about two aliases per generated entity, all distinct.
 */
export function generateAliases(count: number, base: readonly SnapshotAlias[], seed = 11): SnapshotAlias[] {
  const random = rng(seed);
  const out = [...base];
  const seen = new Set(base.map((a) => a.text.toLowerCase()));
  const add = (alias: SnapshotAlias) => {
    if (out.length >= count || seen.has(alias.text.toLowerCase())) return;
    seen.add(alias.text.toLowerCase());
    out.push(alias);
  };
  for (let entity = 0; out.length < count; entity++) {
    const entityId = `bench:g${entity}`;
    const kind = random();
    if (kind < 0.45) {
      const first = inventedName(random, 2);
      const last = inventedName(random, 2 + Math.floor(random() * 2));
      add({ text: `${first} ${last}`, entityId, caseSensitive: false });
      add({ text: last, entityId, caseSensitive: false, context: [first, pick(WORDS, random)] });
    } else if (kind < 0.85) {
      const name = inventedName(random, 2 + Math.floor(random() * 2));
      add({ text: `${name} ${pick(COMPANY_SUFFIXES, random)}`, entityId, caseSensitive: false });
      add({ text: name, entityId, caseSensitive: false });
    } else {
      const letters = Array.from({ length: 3 + Math.floor(random() * 3) }, () =>
        String.fromCharCode(65 + Math.floor(random() * 26)),
      ).join('');
      add({ text: letters, entityId, caseSensitive: true });
      add({
        text: `${inventedName(random, 2)} ${inventedName(random, 3)} Authority`,
        entityId,
        caseSensitive: false,
      });
    }
  }
  return out;
}

/** A large pack: `entities` entities with `eventsPer` events each, three aliases each. */
export function generatePack(entities: number, eventsPer = 5, id = 'generated'): PackInput {
  const pack: PackInput = {
    format: 1,
    id,
    version: '1.0.0',
    title: `Generated pack (${entities} entities)`,
    description: 'Generated for benchmarks and stress tests.',
    asOf: '2025-01-01',
    license: { name: 'CC0', attribution: 'Generated.' },
    topics: [
      { id: 'alpha', label: 'Alpha', description: 'First generated topic.' },
      { id: 'beta', label: 'Beta', description: 'Second generated topic.' },
    ],
    entities: [],
    events: [],
  };
  for (let i = 0; i < entities; i++) {
    const name = `Zyx${i.toString(36)} Holding`;
    pack.entities.push({
      id: `e${i}`,
      name,
      kind: 'company',
      summary: `Generated entity number ${i}, a holding company used to measure the store.`,
      aliases: [
        name,
        `Zyx${i.toString(36)} Group`,
        { text: `ZX${i.toString(36).toUpperCase()}Q`, caseSensitive: true },
      ],
      topics: [i % 2 ? 'alpha' : 'beta'],
      related: i > 0 ? [`e${i - 1}`] : [],
    });
    for (let j = 0; j < eventsPer; j++) {
      const year = 2010 + ((i + j) % 15);
      const month = String(1 + ((i * 7 + j) % 12)).padStart(2, '0');
      pack.events.push({
        id: `e${i}-ev${j}`,
        date: `${year}-${month}-1${j % 9}`,
        title: `Event ${j} of entity ${i}`,
        description: 'A generated event.',
        entities: i > 0 && j === 0 ? [`e${i}`, `e${i - 1}`] : [`e${i}`],
        topics: ['alpha'],
        importance: 1 + ((i + j) % 5),
        sources: [{ publisher: 'Generator', title: 'Generated', url: `https://example.org/g/${i}/${j}` }],
      });
    }
  }
  return pack;
}

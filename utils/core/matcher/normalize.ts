/**
 * Normalisation shared by alias keys and page text, so that typography never decides
 * whether a name is found: case, diacritics, curly quotes, dash variants, exotic spaces,
 * soft hyphens and zero-width characters all fold away.
 *
 * Page text is folded one code point at a time (never `text.toLowerCase()` on the whole
 * string) so that every normalised code unit knows exactly which original UTF-16 range it
 * came from: a match found in normalised space maps back to exact offsets in the page.
 */

/** Flag bit: the code unit belongs to a letter, number or (kept) mark, i.e. a word. */
export const WORD = 1;
/**
 * Flag bit: the code unit is not the first one produced by its original code point
 * (low surrogate, or the tail of an expansion such as "ß" → "ss"). Matches may neither
 * start nor end in front of such a unit, or they would split an original character.
 */
export const CONT = 2;

/** The result of {@link normalizeForMatch}. All four have one entry per normalised code unit. */
export interface NormalizedText {
  /** Case-folded, diacritic-folded text: what matching compares. */
  folded: string;
  /** Same as `folded` but with the original capitals; same length, for case-sensitive aliases. */
  cased: string;
  /** `starts[i]`: UTF-16 offset in the original text where the character behind unit i begins. */
  starts: Uint32Array;
  /**
   * `ends[i]`: offset where it ends (exclusive). It covers combining marks that were folded
   * away after the character, and a whole run of whitespace for a collapsed space.
   */
  ends: Uint32Array;
}

/** Reusable output arrays of {@link normalizeInto}; it replaces them when they are too small. */
export interface NormalizeBuffers {
  fold: Uint16Array;
  cased: Uint16Array;
  flags: Uint8Array;
  starts: Uint32Array;
  ends: Uint32Array;
}

const KIND_EMIT = 0;
const KIND_SPACE = 1;
/** Format characters that vanish without a trace (soft hyphen, zero-width). */
const KIND_DROP = 2;
/** Combining diacritics: vanish, but belong to the preceding character's original range. */
const KIND_ATTACH = 3;

interface Fold {
  kind: number;
  /** Folded code units, their cased counterparts and flags (EMIT only). */
  fold: readonly number[];
  cased: readonly number[];
  flags: readonly number[];
}

const SPACE_FOLD: Fold = { kind: KIND_SPACE, fold: [], cased: [], flags: [] };
const DROP_FOLD: Fold = { kind: KIND_DROP, fold: [], cased: [], flags: [] };
const ATTACH_FOLD: Fold = { kind: KIND_ATTACH, fold: [], cased: [], flags: [] };

/** Invisible characters that authors and CMSs sprinkle inside words. */
const DROPPED = new Set([0x00ad, 0x180e, 0x200b, 0x200c, 0x200d, 0x2060, 0xfeff]);

/** Typographic punctuation read as its ASCII equivalent. */
const PUNCTUATION = new Map<number, number>();
for (const c of '‘’‚‛′‵ʼ´‹›＇`') PUNCTUATION.set(c.charCodeAt(0), 0x27);
for (const c of '“”„‟″‶«»＂〝〞〟') PUNCTUATION.set(c.charCodeAt(0), 0x22);
for (const c of '‐‑‒–—―−﹘﹣－⸺⸻') PUNCTUATION.set(c.charCodeAt(0), 0x2d);

/**
 * Letters without a canonical decomposition that readers nevertheless treat as their base
 * letter ("Łódź" = "Lodz", "Straße" = "Strasse"). Case-preserving: it applies to `cased` too.
 */
const LATIN_EXTRA: Record<string, string> = {
  Ł: 'L',
  ł: 'l',
  Ø: 'O',
  ø: 'o',
  Đ: 'D',
  đ: 'd',
  Ħ: 'H',
  ħ: 'h',
  ı: 'i',
  ß: 'ss',
  ẞ: 'SS',
  Æ: 'AE',
  æ: 'ae',
  Œ: 'OE',
  œ: 'oe',
};
const LATIN_EXTRA_RE = new RegExp(`[${Object.keys(LATIN_EXTRA).join('')}]`, 'gu');

/**
 * Only the generic combining-diacritic blocks are stripped. Marks of other scripts
 * (Devanagari vowel signs, Thai tone marks…) carry meaning and stay, as word characters.
 */
function isDiacritic(cp: number): boolean {
  return (
    (cp >= 0x0300 && cp <= 0x036f) ||
    (cp >= 0x1ab0 && cp <= 0x1aff) ||
    (cp >= 0x1dc0 && cp <= 0x1dff) ||
    (cp >= 0x20d0 && cp <= 0x20ff) ||
    (cp >= 0xfe20 && cp <= 0xfe2f)
  );
}
const WHITESPACE_RE = /^[\s\u0085]$/u;
const WORD_RE = /^[\p{L}\p{N}\p{M}]$/u;

function stripDiacritics(s: string): string {
  let out = '';
  for (const ch of s.normalize('NFD')) if (!isDiacritic(ch.codePointAt(0)!)) out += ch;
  return out.normalize('NFC');
}

/** How one code point folds. Slow (regexes, normalize); results are cached. */
function computeFold(cp: number): Fold {
  if (DROPPED.has(cp)) return DROP_FOLD;
  const punct = PUNCTUATION.get(cp);
  if (punct !== undefined) return { kind: KIND_EMIT, fold: [punct], cased: [punct], flags: [0] };
  const s = String.fromCodePoint(cp);
  if (WHITESPACE_RE.test(s)) return SPACE_FOLD;

  // Strip diacritics before lower-casing: "İ" is "I" + dot above, so it folds to "i"
  // rather than to the two-unit "i̇" that toLowerCase() would produce.
  let cased = stripDiacritics(s).replace(LATIN_EXTRA_RE, (ch) => LATIN_EXTRA[ch] ?? ch);
  // Final sigma is only a positional variant of sigma; page text folds per code point,
  // so it cannot apply the positional rule toLowerCase() applies to whole words.
  const folded = stripDiacritics(cased.toLowerCase()).replace(/ς/g, 'σ');
  if (folded.length === 0) return ATTACH_FOLD;
  // The two views must stay aligned unit for unit; losing the capitals of some exotic
  // character in `cased` only affects case-sensitive aliases that contain it.
  if (cased.length !== folded.length) cased = folded;

  const fold: number[] = [];
  const casedUnits: number[] = [];
  const flags: number[] = [];
  for (const ch of folded) {
    const word = WORD_RE.test(ch) ? WORD : 0;
    for (let k = 0; k < ch.length; k++) {
      flags.push(flags.length === 0 ? word : word | CONT);
    }
  }
  for (let k = 0; k < folded.length; k++) {
    // A decomposition can yield punctuation that folds further (U+1FEF → "`" → "'"):
    // fold it too, so folding is idempotent.
    const f = folded.charCodeAt(k);
    const c = cased.charCodeAt(k);
    fold.push(PUNCTUATION.get(f) ?? f);
    casedUnits.push(PUNCTUATION.get(c) ?? c);
  }
  return { kind: KIND_EMIT, fold, cased: casedUnits, flags };
}

const foldCache = new Map<number, Fold>();
/** Bounds memory on pages that cycle through huge character repertoires. */
const FOLD_CACHE_LIMIT = 50_000;

function foldOf(cp: number): Fold {
  let f = foldCache.get(cp);
  if (f === undefined) {
    if (foldCache.size >= FOLD_CACHE_LIMIT) foldCache.clear();
    f = computeFold(cp);
    foldCache.set(cp, f);
  }
  return f;
}

// ASCII fast path tables. ASCII_FOLD is 0x20 exactly for whitespace: no other ASCII
// character folds to a space, so the hot loop needs a single comparison. They are what
// computeFold gives for ASCII (a unit test checks it), written out with plain arithmetic:
// computeFold's regexes and normalize() calls cost a page about 1.4 ms at evaluation.
const ASCII_FOLD = new Uint16Array(128);
const ASCII_CASED = new Uint16Array(128);
const ASCII_FLAGS = new Uint8Array(128);
for (let c = 0; c < 128; c++) {
  const isSpace = c === 0x20 || (c >= 0x09 && c <= 0x0d);
  const isUpper = c >= 0x41 && c <= 0x5a;
  const isWord = isUpper || (c >= 0x61 && c <= 0x7a) || (c >= 0x30 && c <= 0x39);
  // The backtick is a typographic quote (PUNCTUATION): it reads as an apostrophe.
  const unit = isSpace ? 0x20 : c === 0x60 ? 0x27 : c;
  ASCII_FOLD[c] = isUpper ? c + 0x20 : unit;
  ASCII_CASED[c] = unit;
  ASCII_FLAGS[c] = isWord ? WORD : 0;
}

/** @internal How one code point folds, the slow way, and the ASCII tables: for tests only. */
export const foldInternals = {
  computeFold,
  ascii: { fold: ASCII_FOLD, cased: ASCII_CASED, flags: ASCII_FLAGS },
  KIND_SPACE,
};

/** Fresh buffers able to hold `capacity` normalised units. */
export function createBuffers(capacity: number): NormalizeBuffers {
  return {
    fold: new Uint16Array(capacity),
    cased: new Uint16Array(capacity),
    flags: new Uint8Array(capacity),
    starts: new Uint32Array(capacity),
    ends: new Uint32Array(capacity),
  };
}

/** Grows `buf` to hold at least `capacity` units, keeping the first `used` units. */
function grow(buf: NormalizeBuffers, capacity: number, used: number): void {
  const next = createBuffers(capacity);
  next.fold.set(buf.fold.subarray(0, used));
  next.cased.set(buf.cased.subarray(0, used));
  next.flags.set(buf.flags.subarray(0, used));
  next.starts.set(buf.starts.subarray(0, used));
  next.ends.set(buf.ends.subarray(0, used));
  Object.assign(buf, next);
}

/**
 * Normalises `text` into `buf` (growing it if needed) and returns the number of units
 * written. The allocation-free core of both {@link normalizeForMatch} and matching.
 */
export function normalizeInto(text: string, buf: NormalizeBuffers): number {
  const len = text.length;
  // Almost every code unit yields at most one output unit; expansions grow on demand.
  if (buf.fold.length < len + 1) grow(buf, Math.max(len + 1, 2 * buf.fold.length), 0);
  let { fold, cased, flags, starts, ends } = buf;
  let o = 0;
  for (let i = 0; i < len; i++) {
    const c = text.charCodeAt(i);
    if (c < 128) {
      const f = ASCII_FOLD[c]!;
      if (f === 0x20) {
        // Collapse a run of whitespace into the space already written.
        if (o > 0 && fold[o - 1] === 0x20) ends[o - 1] = i + 1;
        else {
          fold[o] = 0x20;
          cased[o] = 0x20;
          flags[o] = 0;
          starts[o] = i;
          ends[o] = i + 1;
          o++;
        }
        continue;
      }
      fold[o] = f;
      cased[o] = ASCII_CASED[c]!;
      flags[o] = ASCII_FLAGS[c]!;
      starts[o] = i;
      ends[o] = i + 1;
      o++;
      continue;
    }

    let cp = c;
    let units = 1;
    if (c >= 0xd800 && c <= 0xdfff) {
      const d = i + 1 < len ? text.charCodeAt(i + 1) : 0;
      if (c <= 0xdbff && d >= 0xdc00 && d <= 0xdfff) {
        cp = ((c - 0xd800) << 10) + (d - 0xdc00) + 0x10000;
        units = 2;
      } else {
        // A lone surrogate cannot be folded; U+FFFD keeps the output well-formed.
        fold[o] = 0xfffd;
        cased[o] = 0xfffd;
        flags[o] = 0;
        starts[o] = i;
        ends[o] = i + 1;
        o++;
        continue;
      }
    }
    const end = i + units;
    const f = foldOf(cp);
    if (f.kind === KIND_EMIT) {
      const n = f.fold.length;
      if (o + n + (len - end) + 1 > fold.length) {
        grow(buf, 2 * (o + n + (len - end) + 1), o);
        ({ fold, cased, flags, starts, ends } = buf);
      }
      for (let k = 0; k < n; k++) {
        fold[o] = f.fold[k]!;
        cased[o] = f.cased[k]!;
        flags[o] = f.flags[k]!;
        starts[o] = i;
        ends[o] = end;
        o++;
      }
    } else if (f.kind === KIND_SPACE) {
      if (o > 0 && fold[o - 1] === 0x20) ends[o - 1] = end;
      else {
        fold[o] = 0x20;
        cased[o] = 0x20;
        flags[o] = 0;
        starts[o] = i;
        ends[o] = end;
        o++;
      }
    } else if (f.kind === KIND_ATTACH) {
      // "e" + U+0301: the accent is folded away but stays part of the visible name.
      if (o > 0 && fold[o - 1] !== 0x20) ends[o - 1] = end;
    }
    // KIND_DROP: nothing to write.
    i = end - 1;
  }
  return o;
}

/** Builds a string from code units without one argument per unit (call stack limits). */
function unitsToString(units: Uint16Array, n: number): string {
  let out = '';
  for (let k = 0; k < n; k += 8192) {
    out += String.fromCharCode.apply(null, units.subarray(k, Math.min(n, k + 8192)) as never);
  }
  return out;
}

/**
 * Normalises text for matching, keeping the way back to the original offsets.
 *
 * Folds case (in `folded`), diacritics ("Malmström" → "malmstrom"), typographic quotes
 * (to ' and "), dashes (to -), Unicode spaces (to a space, runs collapsed to one), and
 * drops soft hyphens and zero-width characters. The normalised range [i, j) comes from
 * `text.slice(starts[i], ends[j - 1])`.
 */
export function normalizeForMatch(text: string): NormalizedText {
  const buf = createBuffers(text.length + 1);
  const n = normalizeInto(text, buf);
  return {
    folded: unitsToString(buf.fold, n),
    cased: unitsToString(buf.cased, n),
    starts: buf.starts.slice(0, n),
    ends: buf.ends.slice(0, n),
  };
}

let aliasBuffers = createBuffers(64);

/**
 * The form under which an alias (or a context word) is looked up: {@link normalizeForMatch}
 * without leading or trailing space. Two aliases are the same name iff their `folded` forms
 * are equal (and, for case-sensitive aliases, their `cased` forms).
 */
export function normalizeAlias(text: string): { folded: string; cased: string } {
  const n = normalizeInto(text, aliasBuffers);
  let from = 0;
  let to = n;
  while (from < to && aliasBuffers.fold[from] === 0x20) from++;
  while (to > from && aliasBuffers.fold[to - 1] === 0x20) to--;
  const folded = unitsToString(aliasBuffers.fold.subarray(from, to), to - from);
  const cased = unitsToString(aliasBuffers.cased.subarray(from, to), to - from);
  // A pathological alias must not pin a huge buffer for the rest of the session.
  if (aliasBuffers.fold.length > 1 << 16) aliasBuffers = createBuffers(64);
  return { folded, cased };
}

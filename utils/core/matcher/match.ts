/**
 * Finds the mentions in one block of text: one pass that normalises the text into reused
 * typed arrays, one pass that walks the trie from every position where a mention may start
 * (word starts and punctuation), then a resolution of overlaps. No per-character
 * allocation, no regex, no string slicing: the cost grows with the text, not the aliases.
 */
import type { AliasVeto, CompiledMatcher } from './tables';
import { CONT as CONT_FLAG, WORD as WORD_FLAG, createBuffers, normalizeInto } from './normalize';
import type { TextMatch } from './types';

// Local copies: some module transforms turn imported bindings into getter calls, which
// costs more than the rest of the hot loop.
const CONT = CONT_FLAG;
const WORD = WORD_FLAG;

// Scratch shared by all calls: matching is synchronous, so one set suffices.
let buffers = createBuffers(4096);
/** Candidate mentions, as (normalised start, normalised end, terminal) triples. */
let candidates = new Int32Array(3 * 256);

/** Above this many units, scratch is released after the call rather than kept for the page. */
const KEEP_SCRATCH_UNITS = 1 << 20;

/** The child of `node` spelled by code unit `c`, or 0 (the root is nobody's child). */
function childOf(m: CompiledMatcher, node: number, c: number): number {
  let lo = m.firstChild[node]!;
  let hi = m.firstChild[node + 1]!;
  const chars = m.nodeChar;
  if (hi - lo <= 8) {
    for (; lo < hi; lo++) if (chars[lo] === c) return lo;
    return 0;
  }
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    const x = chars[mid]!;
    if (x === c) return mid;
    if (x < c) lo = mid + 1;
    else hi = mid;
  }
  return 0;
}

/**
 * Finds every mention in `text` (one block, e.g. a paragraph), sorted by start and
 * non-overlapping, with UTF-16 offsets into `text`.
 *
 * - Names match whole words only (Unicode letters and digits): "ZTE" not in "ZTEX", but
 *   in "ZTE's", "(ZTE)" and "ZTE-made"; a possessive "'s" is left out of the mention.
 * - Case-sensitive aliases need the alias's exact capitals; diacritics and quotes still fold.
 * - An alias with context words counts only if one of them occurs as a word in `text`.
 * - Overlaps: the earlier start wins, then the longer mention, then the lower alias index
 *   (which also settles an alias text shared by several entities).
 *
 * Never throws: a content script must not break the page it reads.
 */
export function matchText(m: CompiledMatcher, text: string): TextMatch[] {
  if (typeof text !== 'string' || text.length === 0) return [];
  try {
    return findMatches(m, text);
  } catch {
    // Only reachable on allocation failure for absurdly large input; drop the scratch.
    buffers = createBuffers(4096);
    candidates = new Int32Array(3 * 256);
    return [];
  }
}

function findMatches(m: CompiledMatcher, text: string): TextMatch[] {
  const n = normalizeInto(text, buffers);
  const { fold, flags } = buffers;
  const { nodeTerm, termAliasStart, termContext, rootAscii, contextSeen, labels, labelStart } = m;

  // Stamp context words with a per-call generation (kept in the last slot) so that
  // `contextSeen` needs no clearing between calls.
  const slot = contextSeen.length - 1;
  let gen = contextSeen[slot]! + 1;
  if (gen === 0xffffffff) {
    contextSeen.fill(0);
    gen = 1;
  }
  contextSeen[slot] = gen;
  let found = 0;

  for (let s = 0; s < n; s++) {
    const fl = flags[s]!;
    // A mention starts on a whole original character, and not inside a word.
    if ((fl & CONT) !== 0) continue;
    if ((fl & WORD) !== 0 && s > 0 && (flags[s - 1]! & WORD) !== 0) continue;
    const c = fold[s]!;
    let node = c < 128 ? rootAscii[c]! : childOf(m, 0, c);
    let j = s + 1;
    while (node !== 0) {
      // The label's first unit matched when `node` was chosen; the rest must follow.
      const labelEnd = labelStart[node + 1]!;
      let k = labelStart[node]! + 1;
      while (k < labelEnd && j < n) {
        const u = fold[j]!;
        if (u === labels[k]) {
          k++;
          j++;
        } else if (isEdgeQuote(u, fold, flags, j, n)) j++;
        else break;
      }
      if (k < labelEnd) break;
      const term = nodeTerm[node]!;
      if (term >= 0) {
        // It must also end on a whole character, and not inside a word.
        const endOk =
          j === n || ((flags[j]! & CONT) === 0 && ((flags[j]! & WORD) === 0 || (flags[j - 1]! & WORD) === 0));
        if (endOk) {
          const ctx = termContext[term]!;
          if (ctx >= 0) contextSeen[ctx] = gen;
          if (termAliasStart[term + 1]! > termAliasStart[term]!) {
            if (3 * found + 3 > candidates.length) {
              const bigger = new Int32Array(candidates.length * 2);
              bigger.set(candidates);
              candidates = bigger;
            }
            candidates[3 * found] = s;
            candidates[3 * found + 1] = j;
            candidates[3 * found + 2] = term;
            found++;
          }
        }
      }
      if (j === n) break;
      let next = childOf(m, node, fold[j]!);
      // A quotation mark inside the phrase (list of “unreliable entities”) does not break it.
      if (next === 0 && isEdgeQuote(fold[j]!, fold, flags, j, n) && j + 1 < n) {
        j++;
        next = childOf(m, node, fold[j]!);
      }
      node = next;
      j++;
    }
  }

  const matches = found === 0 ? [] : resolve(m, found, gen, n);
  if (buffers.fold.length > KEEP_SCRATCH_UNITS) buffers = createBuffers(4096);
  if (candidates.length > KEEP_SCRATCH_UNITS) candidates = new Int32Array(3 * 256);
  return matches;
}

/**
 * Picks the mentions among the candidates. They were recorded by increasing start and,
 * for one start, by increasing end, so walking each start's group backwards tries the
 * longest first; a start inside the previous mention is skipped.
 */
function resolve(m: CompiledMatcher, found: number, gen: number, n: number): TextMatch[] {
  const { starts, ends } = buffers;
  const out: TextMatch[] = [];
  let lastEnd = 0;
  let k = 0;
  while (k < found) {
    const s = candidates[3 * k]!;
    let g = k + 1;
    while (g < found && candidates[3 * g] === s) g++;
    if (s >= lastEnd) {
      for (let x = g - 1; x >= k; x--) {
        const e = candidates[3 * x + 1]!;
        const alias = pickAlias(m, candidates[3 * x + 2]!, s, e, gen, n);
        if (alias >= 0) {
          out.push({
            start: starts[s]!,
            end: ends[e - 1]!,
            entityId: m.entityIds[m.aliasEntity[alias]!]!,
            aliasIndex: alias,
          });
          lastEnd = e;
          break;
        }
      }
    }
    k = g;
  }
  return out;
}

/**
 * A quotation mark or apostrophe that opens or closes a quote inside a phrase: after a
 * space, or before a space or the end. Not one inside a word ("Xi's").
 */
function isEdgeQuote(u: number, fold: Uint16Array, flags: Uint8Array, j: number, n: number): boolean {
  if (u !== 0x22 && u !== 0x27) return false;
  const before = j > 0 ? fold[j - 1]! : 0x20;
  const after = j + 1 < n ? flags[j + 1]! : 0;
  return before === 0x20 || (after & WORD) === 0;
}

/** The folded word right before normalised offset `s` (across spaces, with apostrophes), or ''. */
function wordBefore(s: number): string {
  const { fold, flags } = buffers;
  let end = s;
  while (end > 0 && fold[end - 1] === 0x20) end--;
  let start = end;
  while (start > 0 && ((flags[start - 1]! & WORD) !== 0 || fold[start - 1] === 0x27)) start--;
  return unitsOf(fold, start, end);
}

/** The folded word right after normalised offset `e` (across spaces), or ''. */
function wordAfter(e: number, n: number): string {
  const { fold, flags } = buffers;
  let start = e;
  while (start < n && fold[start] === 0x20) start++;
  let end = start;
  while (end < n && (flags[end]! & WORD) !== 0) end++;
  return unitsOf(fold, start, end);
}

function unitsOf(units: Uint16Array, from: number, to: number): string {
  let out = '';
  for (let k = from; k < to; k++) out += String.fromCharCode(units[k]!);
  return out;
}

/** Whether words next to the mention [s, e) veto the alias (another body of the same name). */
function vetoed(veto: AliasVeto, s: number, e: number, n: number): boolean {
  if (veto.after.length > 0) {
    const word = wordBefore(s);
    if (word && veto.after.some((w) => w === word || (w === "'s" && word.endsWith("'s")))) return true;
  }
  if (veto.before.length > 0) {
    const word = wordAfter(e, n);
    if (word && veto.before.includes(word)) return true;
  }
  return false;
}

/** The lowest-index alias of terminal `term` whose case, context and veto rules hold, or -1. */
function pickAlias(m: CompiledMatcher, term: number, s: number, e: number, gen: number, n: number): number {
  const { cased } = buffers;
  for (let p = m.termAliasStart[term]!; p < m.termAliasStart[term + 1]!; p++) {
    const a = m.termAliases[p]!;
    if (m.aliasCaseSensitive[a] === 1) {
      const want = m.aliasCased[a] ?? '';
      let same = true;
      for (let k = 0; k < want.length; k++) {
        if (cased[s + k] !== want.charCodeAt(k)) {
          same = false;
          break;
        }
      }
      if (!same) continue;
    }
    const from = m.aliasContextStart[a]!;
    const to = m.aliasContextStart[a + 1]!;
    if (to > from) {
      let seen = false;
      for (let q = from; q < to; q++) {
        if (m.contextSeen[m.aliasContextIds[q]!] === gen) {
          seen = true;
          break;
        }
      }
      if (!seen) continue;
    }
    const veto = m.aliasVeto[a];
    if (veto !== undefined && vetoed(veto, s, e, n)) continue;
    return a;
  }
  return -1;
}

/** Every block's mentions, compact: what the background sends a page ({@link matchTexts}). */
export interface CompactMatches {
  /** The entity ids the blocks refer to, each once. */
  entities: string[];
  /** Per text: `[start, end, entity, aliasIndex]` per mention, `entity` indexing `entities`. */
  blocks: number[][];
}

/** Matches each of `texts` (blocks of one page, in order) with {@link matchText}, compactly. */
export function matchTexts(m: CompiledMatcher, texts: readonly string[]): CompactMatches {
  const entities: string[] = [];
  const index = new Map<string, number>();
  const blocks = texts.map((text) => {
    const flat: number[] = [];
    for (const hit of matchText(m, text)) {
      let e = index.get(hit.entityId);
      if (e === undefined) {
        e = entities.push(hit.entityId) - 1;
        index.set(hit.entityId, e);
      }
      flat.push(hit.start, hit.end, e, hit.aliasIndex);
    }
    return flat;
  });
  return { entities, blocks };
}

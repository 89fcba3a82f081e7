/**
 * Compiles the aliases of a matcher snapshot into a trie held in flat typed arrays, and
 * (de)serialises it to a compact string for `chrome.storage.local` (which holds JSON only).
 *
 * Layout: a radix trie (chains of single-child nodes merged into one edge label), its nodes
 * numbered breadth-first so that the children of a node are consecutive ids sorted by the
 * first character of their labels. The trie is then fully described by a child count and a
 * label per node, which is all that is stored; the lookup tables are rebuilt on load in one
 * pass over the nodes. Merging chains divides the node count, hence load time, by about four.
 */
import { normalizeAlias } from './normalize';
import type { SnapshotAlias } from './types';

/** `aliasNode` value of an alias that normalises to nothing and can never match. */
export const NO_NODE = 0xffffffff;

/** The stored part of a matcher: the trie and the alias table, nothing derivable. */
export interface PackedMatcher {
  /** Edge labels (folded code units) of all nodes, concatenated in node order. */
  readonly labels: Uint16Array;
  /** Per node (root = 0, breadth-first order): length of the label on the edge into it. */
  readonly labelLength: Uint32Array;
  /** Per node: number of children. */
  readonly childCount: Uint32Array;
  /** Per alias (snapshot order): node reached by its folded text, or {@link NO_NODE}. */
  readonly aliasNode: Uint32Array;
  /** Per alias: index into `entityIds`. */
  readonly aliasEntity: Uint32Array;
  /** Per alias: 1 if case-sensitive. */
  readonly aliasCaseSensitive: Uint8Array;
  /** Per alias, CSR offsets into `aliasContextIds` (length = alias count + 1). */
  readonly aliasContextStart: Uint32Array;
  /** Context-word ids, grouped per alias. */
  readonly aliasContextIds: Uint32Array;
  /** Per context word: node reached by its folded text. */
  readonly contextNode: Uint32Array;
  readonly entityIds: readonly string[];
  /** Per alias: its normalised text with capitals, for case-sensitive aliases only. */
  readonly aliasCased: ReadonlyArray<string | undefined>;
  /** Per alias: folded words that veto it right before / right after it (most aliases: none). */
  readonly aliasVeto: ReadonlyArray<AliasVeto | undefined>;
}

/** Words next to a mention that mean another thing of the same name. `'s`: any possessive. */
export interface AliasVeto {
  after: readonly string[];
  before: readonly string[];
}

/**
 * A matcher ready for {@link matchText}. Treat it as opaque: build it with
 * {@link compileMatcher} or {@link deserializeMatcher}, store it with {@link serializeMatcher}.
 */
export interface CompiledMatcher extends PackedMatcher {
  /** Label of node n: labels[labelStart[n] .. labelStart[n + 1]). */
  readonly labelStart: Uint32Array;
  /** Per node: first unit of its label, which is what a parent's children are sorted by. */
  readonly nodeChar: Uint16Array;
  /** Children of node n are the ids firstChild[n] .. firstChild[n + 1] - 1. */
  readonly firstChild: Uint32Array;
  /** Child of the root per ASCII unit (0 = none): most words start with ASCII. */
  readonly rootAscii: Uint32Array;
  /** Per node: index of its terminal record, or -1. */
  readonly nodeTerm: Int32Array;
  /** Per terminal, CSR offsets into `termAliases` (length = terminal count + 1). */
  readonly termAliasStart: Uint32Array;
  /** Alias indices ending at each terminal, ascending so that the lowest index wins ties. */
  readonly termAliases: Uint32Array;
  /** Per terminal: the context word it spells, or -1. */
  readonly termContext: Int32Array;
  /**
   * Mutable scratch of {@link matchText}: per context word, the generation (call) in which
   * it was last seen; the extra last slot holds the current generation.
   */
  readonly contextSeen: Uint32Array;
}

interface KeyInfo {
  node: number;
}

/**
 * Compiles aliases into a matcher. Aliases keep their snapshot index (reported as
 * `TextMatch.aliasIndex`); an alias whose text normalises to nothing never matches.
 * An empty or absent `context` list means the alias needs no context.
 */
export function compileMatcher(aliases: readonly SnapshotAlias[]): CompiledMatcher {
  const aliasCount = aliases.length;
  const entityIndex = new Map<string, number>();
  const entityIds: string[] = [];
  const contextIndex = new Map<string, number>();
  const keys = new Map<string, KeyInfo>();
  const aliasKey: (KeyInfo | undefined)[] = new Array<KeyInfo | undefined>(aliasCount);
  const contextKeys: KeyInfo[] = [];
  const aliasEntity = new Uint32Array(aliasCount);
  const aliasCaseSensitive = new Uint8Array(aliasCount);
  const aliasContextStart = new Uint32Array(aliasCount + 1);
  const contextIds: number[] = [];
  const aliasCased = new Array<string | undefined>(aliasCount).fill(undefined);
  const aliasVeto = new Array<AliasVeto | undefined>(aliasCount).fill(undefined);

  const keyFor = (folded: string): KeyInfo => {
    let info = keys.get(folded);
    if (info === undefined) {
      info = { node: 0 };
      keys.set(folded, info);
    }
    return info;
  };

  for (let a = 0; a < aliasCount; a++) {
    const alias = aliases[a]!;
    let entity = entityIndex.get(alias.entityId);
    if (entity === undefined) {
      entity = entityIds.length;
      entityIndex.set(alias.entityId, entity);
      entityIds.push(alias.entityId);
    }
    aliasEntity[a] = entity;
    const { folded, cased } = normalizeAlias(alias.text);
    if (folded.length > 0) {
      aliasKey[a] = keyFor(folded);
      if (alias.caseSensitive) {
        aliasCaseSensitive[a] = 1;
        aliasCased[a] = cased;
      }
    }
    for (const word of alias.context ?? []) {
      const key = normalizeAlias(word).folded;
      if (key.length === 0) continue;
      let id = contextIndex.get(key);
      if (id === undefined) {
        id = contextKeys.length;
        contextIndex.set(key, id);
        contextKeys.push(keyFor(key));
      }
      contextIds.push(id);
    }
    aliasContextStart[a + 1] = contextIds.length;
    const after = vetoWords(alias.notAfter);
    const before = vetoWords(alias.notBefore);
    if (after.length > 0 || before.length > 0) aliasVeto[a] = { after, before };
  }

  const { labels, labelLength, childCount } = buildTrie(keys);
  const aliasNode = new Uint32Array(aliasCount).fill(NO_NODE);
  for (let a = 0; a < aliasCount; a++) {
    const key = aliasKey[a];
    if (key !== undefined) aliasNode[a] = key.node;
  }
  return hydrate({
    labels,
    labelLength,
    childCount,
    aliasNode,
    aliasEntity,
    aliasCaseSensitive,
    aliasContextStart,
    aliasContextIds: Uint32Array.from(contextIds),
    contextNode: Uint32Array.from(contextKeys, (k) => k.node),
    entityIds,
    aliasCased,
    aliasVeto,
  });
}

/** Folded veto words; `'s` (any typographic apostrophe) stays the possessive marker. */
function vetoWords(words: readonly string[] | undefined): string[] {
  return (words ?? []).map((w) => normalizeAlias(w).folded).filter((w) => w.length > 0);
}

/**
 * Builds the breadth-first radix trie of `keys` and writes each key's node into its
 * KeyInfo. Inserting sorted keys creates each node's children in character order, with no
 * per-node maps; a second pass merges chains and renumbers breadth-first.
 */
function buildTrie(keys: Map<string, KeyInfo>): {
  labels: Uint16Array;
  labelLength: Uint32Array;
  childCount: Uint32Array;
} {
  const sorted = [...keys.keys()].sort((x, y) => (x < y ? -1 : x > y ? 1 : 0));
  let maxNodes = 1;
  for (const k of sorted) maxNodes += k.length;

  // 1. Plain trie, one character per node, depth-first ids.
  const parent = new Uint32Array(maxNodes);
  const chars = new Uint16Array(maxNodes);
  const terminal = new Uint8Array(maxNodes);
  const keyNode = new Uint32Array(sorted.length);
  const path: number[] = [0];
  let nodes = 1;
  let prev = '';
  for (let k = 0; k < sorted.length; k++) {
    const key = sorted[k]!;
    let lcp = 0;
    const limit = Math.min(prev.length, key.length);
    while (lcp < limit && prev.charCodeAt(lcp) === key.charCodeAt(lcp)) lcp++;
    for (let d = lcp; d < key.length; d++) {
      parent[nodes] = path[d]!;
      chars[nodes] = key.charCodeAt(d);
      path[d + 1] = nodes;
      nodes++;
    }
    keyNode[k] = path[key.length]!;
    terminal[keyNode[k]!] = 1;
    prev = key;
  }
  const count = new Uint32Array(nodes);
  for (let n = 1; n < nodes; n++) count[parent[n]!]!++;
  const first = new Uint32Array(nodes + 1);
  for (let n = 0; n < nodes; n++) first[n + 1] = first[n]! + count[n]!;
  const children = new Uint32Array(Math.max(0, nodes - 1));
  const fill = first.slice(0, nodes);
  for (let n = 1; n < nodes; n++) children[fill[parent[n]!]!++] = n;

  // 2. Breadth-first over the nodes that survive merging (the root, terminals, leaves and
  // branches); each one's label runs from below its surviving ancestor down to itself.
  const kept = new Uint32Array(nodes); // kept id -> plain id, in breadth-first order
  const newId = new Uint32Array(nodes);
  const labels = new Uint16Array(nodes - 1);
  const labelLength = new Uint32Array(nodes);
  let used = 0;
  let tail = 1;
  for (let head = 0; head < tail; head++) {
    const from = kept[head]!;
    for (let c = first[from]!; c < first[from + 1]!; c++) {
      let end = children[c]!;
      const labelFrom = used;
      labels[used++] = chars[end]!;
      while (count[end] === 1 && terminal[end] === 0) {
        end = children[first[end]!]!;
        labels[used++] = chars[end]!;
      }
      newId[end] = tail;
      labelLength[tail] = used - labelFrom;
      kept[tail++] = end;
    }
  }
  const childCount = new Uint32Array(tail);
  for (let n = 0; n < tail; n++) childCount[n] = count[kept[n]!]!;
  for (let k = 0; k < sorted.length; k++) keys.get(sorted[k]!)!.node = newId[keyNode[k]!]!;
  return { labels, labelLength: labelLength.slice(0, tail), childCount };
}

/** Invalid stored data: thrown by {@link deserializeMatcher} so the caller recompiles. */
function corrupt(what: string): never {
  throw new Error(`Invalid serialized matcher: ${what}`);
}

/**
 * Derives the lookup tables from the packed form, checking what could make matching read
 * out of bounds. Loading runs cold (once per page), so this is a handful of flat loops over
 * typed arrays, the longest one over the nodes.
 */
function hydrate(p: PackedMatcher): CompiledMatcher {
  const nodes = p.labelLength.length;
  const aliasCount = p.aliasNode.length;
  const contextCount = p.contextNode.length;
  const entityCount = p.entityIds.length;
  if (nodes < 1 || p.childCount.length !== nodes) corrupt('node tables');
  if (
    p.aliasEntity.length !== aliasCount ||
    p.aliasCaseSensitive.length !== aliasCount ||
    p.aliasContextStart.length !== aliasCount + 1 ||
    p.aliasCased.length !== aliasCount ||
    p.aliasVeto.length !== aliasCount
  ) {
    corrupt('alias tables');
  }

  // Child order is not re-validated: a damaged trie can only produce wrong matches, never
  // a crash or an endless loop, since every trie step also advances through the text.
  const { labels, labelLength, childCount } = p;
  const firstChild = new Uint32Array(nodes + 1);
  const labelStart = new Uint32Array(nodes + 1);
  const nodeChar = new Uint16Array(nodes);
  let child = 1;
  let label = 0;
  for (let n = 0; n < nodes; n++) {
    firstChild[n] = child;
    child += childCount[n]!;
    labelStart[n] = label;
    nodeChar[n] = labels[label] ?? 0;
    const length = labelLength[n]!;
    if (length === 0 && n > 0) corrupt('empty label');
    label += length;
  }
  firstChild[nodes] = child;
  labelStart[nodes] = label;
  if (child !== nodes || label !== labels.length || labelLength[0] !== 0) corrupt('trie shape');
  const rootAscii = new Uint32Array(128);
  for (let c = firstChild[0]!; c < firstChild[1]!; c++) {
    if (nodeChar[c]! < 128) rootAscii[nodeChar[c]!] = c;
  }

  // Terminal records, numbered in order of first use; termAliasStart first holds counts.
  const nodeTerm = new Int32Array(nodes).fill(-1);
  const termAliasStart = new Uint32Array(aliasCount + contextCount + 1);
  let terms = 0;
  const { aliasNode, aliasEntity, aliasCaseSensitive, aliasCased, contextNode } = p;
  for (let a = 0; a < aliasCount; a++) {
    const node = aliasNode[a]!;
    if (node === NO_NODE) continue;
    if (node === 0 || node >= nodes) corrupt('alias node');
    if (aliasEntity[a]! >= entityCount) corrupt('alias entity');
    if (aliasCaseSensitive[a] === 1 && typeof aliasCased[a] !== 'string') corrupt('cased alias');
    let t = nodeTerm[node]!;
    if (t < 0) nodeTerm[node] = t = terms++;
    termAliasStart[t + 1]!++;
  }
  for (let w = 0; w < contextCount; w++) {
    const node = contextNode[w]!;
    if (node === 0 || node >= nodes) corrupt('context node');
    if (nodeTerm[node]! < 0) nodeTerm[node] = terms++;
  }
  const ctxStart = p.aliasContextStart;
  const ctxIds = p.aliasContextIds;
  if (ctxStart[0] !== 0 || ctxStart[aliasCount] !== ctxIds.length) corrupt('context offsets');
  for (let a = 0; a < aliasCount; a++) {
    if (ctxStart[a]! > ctxStart[a + 1]!) corrupt('context offsets');
  }
  for (let k = 0; k < ctxIds.length; k++) if (ctxIds[k]! >= contextCount) corrupt('context id');

  for (let t = 0; t < terms; t++) termAliasStart[t + 1]! += termAliasStart[t]!;
  const termAliases = new Uint32Array(termAliasStart[terms]!);
  const fill = termAliasStart.slice(0, terms);
  for (let a = 0; a < aliasCount; a++) {
    const node = aliasNode[a]!;
    if (node !== NO_NODE) termAliases[fill[nodeTerm[node]!]!++] = a;
  }
  const termContext = new Int32Array(terms).fill(-1);
  for (let w = 0; w < contextCount; w++) termContext[nodeTerm[contextNode[w]!]!] = w;

  return {
    labels,
    labelLength,
    childCount,
    aliasNode,
    aliasEntity,
    aliasCaseSensitive,
    aliasContextStart: ctxStart,
    aliasContextIds: ctxIds,
    contextNode,
    entityIds: p.entityIds,
    aliasCased,
    aliasVeto: p.aliasVeto,
    labelStart,
    nodeChar,
    firstChild,
    rootAscii,
    nodeTerm,
    termAliasStart: termAliasStart.subarray(0, terms + 1),
    termAliases,
    termContext,
    contextSeen: new Uint32Array(contextCount + 1),
  };
}

// ---------------------------------------------------------------------------------------
// Serialisation: a one-line JSON header, a newline, then the typed arrays concatenated
// (4-byte aligned) into one blob in base64. The blob stays out of the JSON so that loading
// does not make JSON.parse scan a megabyte of base64. It uses the platform byte order: it
// is written and read by the same browser on the same device.

/** Bumped whenever the stored form changes; part of the background's matcher source hash. */
export const MATCHER_FORMAT_VERSION = 3;
const FORMAT_VERSION = MATCHER_FORMAT_VERSION;

interface SerializedHeader {
  v: number;
  /** Node count, label units, alias count, context-word count, context-id count. */
  n: number;
  l: number;
  a: number;
  w: number;
  c: number;
  /** Overflowing child counts and label lengths (see {@link packSmall}). */
  oc: number;
  ol: number;
  /** Bytes per label unit: 1 when every folded alias is Latin-1, the usual case. */
  cw: 1 | 2;
  entities: readonly string[];
  /** Case-sensitive aliases: their indices, and their normalised texts with capitals. */
  ci: number[];
  ct: string[];
  /** Aliases with veto words: their indices, and [after, before] word lists. */
  vi: number[];
  vw: [string[], string[]][];
}

const pad4 = (n: number): number => (n + 3) & ~3;

/** Byte size of each section, in blob order. */
function sectionSizes(h: SerializedHeader): number[] {
  const { n, l, a, w, c, oc, ol, cw } = h;
  return [
    pad4(cw * l), // labels
    pad4(n), // childCount
    4 * oc,
    pad4(n), // labelLength
    4 * ol,
    4 * a, // aliasNode
    4 * a, // aliasEntity
    pad4(a), // aliasCaseSensitive
    4 * (a + 1), // aliasContextStart
    4 * c, // aliasContextIds
    4 * w, // contextNode
  ];
}

/** One byte per value; 255 means "the next entry of the overflow list". */
function packSmall(values: Uint32Array): { bytes: Uint8Array; overflow: Uint32Array } {
  const bytes = new Uint8Array(values.length);
  const overflow: number[] = [];
  for (let k = 0; k < values.length; k++) {
    const v = values[k]!;
    if (v >= 255) {
      bytes[k] = 255;
      overflow.push(v);
    } else bytes[k] = v;
  }
  return { bytes, overflow: Uint32Array.from(overflow) };
}

function unpackSmall(bytes: Uint8Array, overflow: Uint32Array): Uint32Array {
  const values = new Uint32Array(bytes);
  if (overflow.length > 0) {
    let used = 0;
    for (let k = 0; k < values.length; k++) {
      if (values[k] === 255) {
        if (used >= overflow.length) corrupt('overflow list');
        values[k] = overflow[used++]!;
      }
    }
  }
  return values;
}

/**
 * Serialises a matcher to a compact string (a JSON header line and a base64 blob) for
 * `chrome.storage.local`. Inverse of {@link deserializeMatcher}.
 */
export function serializeMatcher(m: CompiledMatcher): string {
  const counts = packSmall(m.childCount);
  const lengths = packSmall(m.labelLength);
  const cw = m.labels.every((ch) => ch < 256) ? 1 : 2;
  const ci: number[] = [];
  const ct: string[] = [];
  m.aliasCased.forEach((text, index) => {
    if (text !== undefined) {
      ci.push(index);
      ct.push(text);
    }
  });
  const vi: number[] = [];
  const vw: [string[], string[]][] = [];
  m.aliasVeto.forEach((veto, index) => {
    if (veto !== undefined) {
      vi.push(index);
      vw.push([[...veto.after], [...veto.before]]);
    }
  });
  const header: SerializedHeader = {
    v: FORMAT_VERSION,
    n: m.labelLength.length,
    l: m.labels.length,
    a: m.aliasNode.length,
    w: m.contextNode.length,
    c: m.aliasContextIds.length,
    oc: counts.overflow.length,
    ol: lengths.overflow.length,
    cw,
    entities: m.entityIds,
    ci,
    ct,
    vi,
    vw,
  };

  const sizes = sectionSizes(header);
  const blob = new Uint8Array(sizes.reduce((x, y) => x + y, 0));
  const sources: ArrayBufferView[] = [
    cw === 1 ? new Uint8Array(m.labels) : m.labels,
    counts.bytes,
    counts.overflow,
    lengths.bytes,
    lengths.overflow,
    m.aliasNode,
    m.aliasEntity,
    m.aliasCaseSensitive,
    m.aliasContextStart,
    m.aliasContextIds,
    m.contextNode,
  ];
  let offset = 0;
  sources.forEach((src, k) => {
    blob.set(new Uint8Array(src.buffer, src.byteOffset, src.byteLength), offset);
    offset += sizes[k]!;
  });
  return `${JSON.stringify(header)}\n${toBase64(blob)}`;
}

/**
 * Rebuilds a matcher from {@link serializeMatcher} output. Throws if the string is not a
 * matcher of this format version (the caller should then recompile from the snapshot).
 */
export function deserializeMatcher(serialized: string): CompiledMatcher {
  const newline = serialized.indexOf('\n');
  if (newline < 0) corrupt('no header');
  let h: SerializedHeader;
  try {
    h = JSON.parse(serialized.slice(0, newline)) as SerializedHeader;
  } catch {
    corrupt('header is not JSON');
  }
  if (typeof h !== 'object' || h === null || h.v !== FORMAT_VERSION) corrupt('unknown version');
  const { n, l, a, w, c, oc, ol, cw, entities, ci, ct, vi, vw } = h;
  for (const count of [n, l, a, w, c, oc, ol]) {
    if (!Number.isInteger(count) || count < 0) corrupt('counts');
  }
  if (cw !== 1 && cw !== 2) corrupt('char width');
  if (
    !Array.isArray(entities) ||
    !Array.isArray(ci) ||
    !Array.isArray(ct) ||
    ci.length !== ct.length ||
    !Array.isArray(vi) ||
    !Array.isArray(vw) ||
    vi.length !== vw.length
  ) {
    corrupt('header arrays');
  }
  for (let k = 0; k < entities.length; k++) {
    if (typeof entities[k] !== 'string') corrupt('entities');
  }

  const blob = fromBase64(serialized.slice(newline + 1));
  const sizes = sectionSizes(h);
  if (blob.byteLength !== sizes.reduce((x, y) => x + y, 0)) corrupt('blob size');
  // fromBase64 returns a fresh, 0-offset buffer, so aligned views are safe.
  const buffer = blob.buffer;
  let offset = 0;
  const next = (k: number): number => {
    const at = offset;
    offset += sizes[k]!;
    return at;
  };
  // Typed-array constructors convert natively; `from` would go through iterators.
  const labels =
    cw === 1 ? new Uint16Array(new Uint8Array(buffer, next(0), l)) : new Uint16Array(buffer, next(0), l);
  const countBytes = new Uint8Array(buffer, next(1), n);
  const childCount = unpackSmall(countBytes, new Uint32Array(buffer, next(2), oc));
  const lengthBytes = new Uint8Array(buffer, next(3), n);
  const labelLength = unpackSmall(lengthBytes, new Uint32Array(buffer, next(4), ol));
  const aliasNode = new Uint32Array(buffer, next(5), a);
  const aliasEntity = new Uint32Array(buffer, next(6), a);
  const aliasCaseSensitive = new Uint8Array(buffer, next(7), a);
  const aliasContextStart = new Uint32Array(buffer, next(8), a + 1);
  const aliasContextIds = new Uint32Array(buffer, next(9), c);
  const contextNode = new Uint32Array(buffer, next(10), w);

  const aliasCased = new Array<string | undefined>(a).fill(undefined);
  for (let k = 0; k < ci.length; k++) {
    const index = ci[k]!;
    const text = ct[k];
    if (!Number.isInteger(index) || index < 0 || index >= a || typeof text !== 'string') {
      corrupt('cased alias');
    }
    aliasCased[index] = text;
  }
  const aliasVeto = new Array<AliasVeto | undefined>(a).fill(undefined);
  const isWords = (x: unknown): x is string[] => Array.isArray(x) && x.every((y) => typeof y === 'string');
  for (let k = 0; k < vi.length; k++) {
    const index = vi[k]!;
    const words = vw[k];
    if (!Number.isInteger(index) || index < 0 || index >= a || !Array.isArray(words)) corrupt('veto');
    const [after, before] = words;
    if (!isWords(after) || !isWords(before)) corrupt('veto words');
    aliasVeto[index] = { after, before };
  }
  return hydrate({
    labels,
    labelLength,
    childCount,
    aliasNode,
    aliasEntity,
    aliasCaseSensitive,
    aliasContextStart,
    aliasContextIds,
    contextNode,
    entityIds: entities,
    aliasCased,
    aliasVeto,
  });
}

// Base64 through the platform's codecs: Uint8Array.fromBase64 where it exists (current
// Chrome, Firefox, Safari), else atob.

interface Base64Uint8Array {
  fromBase64?: (s: string) => Uint8Array;
}

function toBase64(bytes: Uint8Array): string {
  let binary = '';
  for (let k = 0; k < bytes.length; k += 8192) {
    binary += String.fromCharCode.apply(null, bytes.subarray(k, k + 8192) as never);
  }
  return btoa(binary);
}

function fromBase64(s: string): Uint8Array {
  const codec = Uint8Array as unknown as Base64Uint8Array;
  try {
    if (codec.fromBase64 !== undefined) return codec.fromBase64(s);
    const binary = atob(s);
    const bytes = new Uint8Array(binary.length);
    for (let k = 0; k < binary.length; k++) bytes[k] = binary.charCodeAt(k);
    return bytes;
  } catch {
    corrupt('base64');
  }
}

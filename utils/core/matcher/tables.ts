/**
 * The matcher's data: a radix trie held in flat typed arrays (chains of single-child nodes
 * merged into one edge label), its nodes numbered breadth-first so that the children of a
 * node are consecutive ids sorted by the first character of their labels. The trie is
 * fully described by a child count and a label per node, which is all that is stored
 * (codec.ts); `hydrate` rebuilds the lookup tables on load in one pass over the nodes.
 */

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

/** Invalid stored data: thrown by {@link deserializeMatcher} so the caller recompiles. */
export function corrupt(what: string): never {
  throw new Error(`Invalid serialized matcher: ${what}`);
}

/**
 * Derives the lookup tables from the packed form, checking what could make matching read
 * out of bounds. Loading runs cold (once per page), so this is a handful of flat loops over
 * typed arrays, the longest one over the nodes.
 */
export function hydrate(p: PackedMatcher): CompiledMatcher {
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

/**
 * Builds the breadth-first radix trie of a set of folded keys (see tables.ts for the layout).
 * Merging chains divides the node count, hence load time, by about four.
 */

/** Where a key ends up in the trie; filled in by buildTrie. */
export interface KeyInfo {
  node: number;
}

/**
 * Builds the breadth-first radix trie of `keys` and writes each key's node into its
 * KeyInfo. Inserting sorted keys creates each node's children in character order, with no
 * per-node maps; a second pass merges chains and renumbers breadth-first.
 */
export function buildTrie(keys: Map<string, KeyInfo>): {
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

/**
 * Compiles the aliases of a matcher snapshot into the trie and tables of tables.ts.
 */
import { normalizeAlias } from './normalize';
import { hydrate, NO_NODE, type AliasVeto, type CompiledMatcher } from './tables';
import { buildTrie, type KeyInfo } from './trie';
import type { SnapshotAlias } from './types';

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

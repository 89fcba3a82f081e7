/**
 * The contract between the dataset (which produces a snapshot of aliases) and the
 * content script (which matches page text). Pure data: no DOM, no IndexedDB.
 */

/** One alias of one entity, as the matcher needs it. */
export interface SnapshotAlias {
  /** The alias as the pack writes it ("Entity List", "NATO", "Meng"). */
  text: string;
  entityId: string;
  /** Acronyms: match only with this exact capitalisation (diacritics and quotes still fold). */
  caseSensitive: boolean;
  /** At least one of these words must occur in the same block of text for the alias to count. */
  context?: string[];
  /** The alias does not count right after one of these words (`'s`: any possessive word). */
  notAfter?: string[];
  /** The alias does not count right before one of these words. */
  notBefore?: string[];
}

/** Every alias of the enabled topics, minus ignored terms: what the matcher is compiled from. */
export interface MatcherSnapshot {
  /** Changes whenever the aliases change (packs, topics, ignored terms); lets caches tell staleness. */
  key: string;
  aliases: SnapshotAlias[];
}

/** A mention found in one block of text. Offsets are UTF-16 indices into the ORIGINAL text. */
export interface TextMatch {
  start: number;
  end: number;
  entityId: string;
  /** Index of the alias in the snapshot the matcher was compiled from. */
  aliasIndex: number;
}

/**
 * What the store keeps. Every record key is `<packId>:<id>`, so two packs can use the
 * same slugs without colliding, and a pack's records form one key range.
 */
import type { EntityKind, Fact, Source } from './schema';

export type PackOrigin = 'bundled' | 'imported';

export interface PackRecord {
  id: string;
  version: string;
  title: string;
  description: string;
  asOf: string;
  license: { name: string; url?: string; attribution: string };
  origin: PackOrigin;
  enabled: boolean;
  counts: { entities: number; events: number; sources: number; topics: number };
  /** Milliseconds since the epoch; when this version was written. */
  installedAt: number;
}

export interface TopicRecord {
  key: string;
  packId: string;
  id: string;
  label: string;
  description: string;
}

export interface AliasRecord {
  text: string;
  caseSensitive: boolean;
  context?: string[];
  notAfter?: string[];
  notBefore?: string[];
}

export interface EntityRecord {
  key: string;
  packId: string;
  id: string;
  name: string;
  kind: EntityKind;
  summary: string;
  aliases: AliasRecord[];
  /** Topic keys. */
  topics: string[];
  facts: Fact[];
  /** Entity keys. */
  related: string[];
  /** Folded keys of the name and every alias: the "entities by alias" index. */
  aliasKeys: string[];
  /** Folded words of name, aliases and summary: the search index. */
  words: string[];
}

export interface EventRecord {
  key: string;
  packId: string;
  id: string;
  date: string;
  end?: string;
  /** First day the date covers, for ordering and ranges. */
  startKey: string;
  title: string;
  description: string;
  /** Entity keys. */
  entities: string[];
  /** Topic keys. */
  topics: string[];
  importance: number;
  sources: Source[];
}

/** One row per (entity, event): the index that gives an entity's events in date order. */
export interface EventLinkRecord {
  entityKey: string;
  startKey: string;
  eventKey: string;
  /** Copied from the event so a card can choose its few events from the links alone. */
  date: string;
  importance: number;
}

export const keyOf = (packId: string, id: string): string => `${packId}:${id}`;

/** The bounds of every key that belongs to one pack. */
export function packKeyRange(packId: string): { lower: string; upper: string } {
  return { lower: `${packId}:`, upper: `${packId}:\uffff` };
}

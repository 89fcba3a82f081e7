/**
 * The text matcher: normalise, compile, match. Pure functions over strings, no DOM.
 */
export type { MatcherSnapshot, SnapshotAlias, TextMatch } from './types';
export type { NormalizedText } from './normalize';
export { normalizeAlias, normalizeForMatch } from './normalize';
export type { AliasVeto, CompiledMatcher } from './tables';
export { compileMatcher } from './compile';
export { MATCHER_FORMAT_VERSION, deserializeMatcher, serializeMatcher } from './codec';
export { matchText, matchTexts, type CompactMatches } from './match';

/**
 * The text matcher: normalise, compile, match. Pure functions over strings, no DOM.
 */
export type { MatcherSnapshot, SnapshotAlias, TextMatch } from './types';
export type { NormalizedText } from './normalize';
export { normalizeAlias, normalizeForMatch } from './normalize';
export type { AliasVeto, CompiledMatcher } from './compile';
export { MATCHER_FORMAT_VERSION, compileMatcher, deserializeMatcher, serializeMatcher } from './compile';
export { matchText } from './match';

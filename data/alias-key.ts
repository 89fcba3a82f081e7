/**
 * The lookup key of an alias or a search query: exactly the matcher's own folding
 * (`normalizeAlias`: case, diacritics, ł/ø/ß/æ/œ, typographic quotes and dashes, odd
 * spaces, soft hyphens), so the alias-clash check, the "entities by alias" index and
 * search can never disagree with what the matcher treats as one name.
 */
import { normalizeAlias } from '../utils/core/matcher/normalize';

export function aliasKey(text: string): string {
  return normalizeAlias(text).folded;
}

/** Like `aliasKey` but keeps case, for comparing case-sensitive aliases. */
export function foldText(text: string): string {
  return normalizeAlias(text).cased;
}

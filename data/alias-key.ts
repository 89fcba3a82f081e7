/**
 * The lookup key of an alias or a search query: the same folding the matcher applies
 * (case, diacritics, typographic quotes and dashes, odd spaces, soft hyphens), as one
 * string. Used for the "entities by alias" index, alias-clash checks and search.
 */
export function aliasKey(text: string): string {
  return foldText(text).toLowerCase();
}

/** Like `aliasKey` but keeps case, for comparing case-sensitive aliases. */
export function foldText(text: string): string {
  return text
    .normalize('NFKD')
    .replace(/[\u0300-\u036f\u00ad\u200b-\u200d\ufeff]/g, '')
    .replace(/[\u2018\u2019\u201a\u201b\u02bc\u2032]/g, "'")
    .replace(/[\u201c\u201d\u201e\u201f\u00ab\u00bb\u2033]/g, '"')
    .replace(/[\u2010-\u2015\u2212]/g, '-')
    .replace(/\s+/gu, ' ')
    .trim();
}

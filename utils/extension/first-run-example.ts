/**
 * The first-run page's live example: its passage cut into plain text and mentions by
 * the very matcher the content script loads (the compiled copy the background stores),
 * marking the first mention of each entity as the default density does.
 */
import { deserializeMatcher, matchText, type CompiledMatcher } from '../core/matcher';

/** A run of the passage: plain text, or a mention of `entityId`. */
export interface PassageSegment {
  text: string;
  entityId?: string;
}

/**
 * Each paragraph as segments, in order; only the first mention of an entity in the whole
 * passage is a mention segment, later ones stay text.
 */
export function markPassage(matcher: CompiledMatcher, paragraphs: readonly string[]): PassageSegment[][] {
  const seen = new Set<string>();
  return paragraphs.map((text) => {
    const segments: PassageSegment[] = [];
    let at = 0;
    for (const m of matchText(matcher, text)) {
      if (seen.has(m.entityId)) continue;
      seen.add(m.entityId);
      if (m.start > at) segments.push({ text: text.slice(at, m.start) });
      segments.push({ text: text.slice(m.start, m.end), entityId: m.entityId });
      at = m.end;
    }
    if (at < text.length) segments.push({ text: text.slice(at) });
    return segments;
  });
}

/** `markPassage` over a stored (serialized) matcher; undefined when it cannot be read. */
export function markPassageWith(
  serialized: string,
  paragraphs: readonly string[],
): PassageSegment[][] | undefined {
  try {
    return markPassage(deserializeMatcher(serialized), paragraphs);
  } catch {
    return undefined;
  }
}

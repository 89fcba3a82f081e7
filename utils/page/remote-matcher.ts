/**
 * The content script's {@link TextMatcher}: it sends blocks of the page's text to the
 * background, which keeps the matcher warm (utils/extension/text-matcher.ts), and reads
 * the compact answer. The text never leaves the browser; the page's main thread pays
 * for copying it, not for loading and running a cold matcher.
 */
import type { TextMatch } from '../core/matcher';
import { toBackground } from '../shared/messaging';
import type { MatchAnswer } from '../shared/protocol';
import type { TextMatcher } from './scan';

/** Mentions per text from the background's compact answer; a malformed entry is skipped. */
export function readAnswer(answer: MatchAnswer, count: number): TextMatch[][] {
  const out: TextMatch[][] = [];
  for (let k = 0; k < count; k++) {
    const flat = answer.blocks?.[k] ?? [];
    const matches: TextMatch[] = [];
    for (let i = 0; i + 3 < flat.length; i += 4) {
      const entityId = answer.entities[flat[i + 2]!];
      if (entityId === undefined) continue;
      matches.push({ start: flat[i]!, end: flat[i + 1]!, entityId, aliasIndex: flat[i + 3]! });
    }
    out.push(matches);
  }
  return out;
}

export const remoteMatcher: TextMatcher = async (texts) =>
  readAnswer(await toBackground.sendMessage('contentMatchTexts', { texts }), texts.length);

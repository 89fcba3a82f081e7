/**
 * Matching for content scripts. The background keeps the compiled matcher in memory,
 * warm from one page to the next, and matches the blocks of text a page sends it: the
 * page never loads, decodes or runs the matcher on its own main thread (issue 16). A
 * restarted worker reads the stored matcher again on its first request; a new matcher in
 * storage replaces the one in memory.
 */
import { deserializeMatcher, matchTexts, type CompiledMatcher } from '../core/matcher';
import { matcherStorage } from '../shared/matcher-store';
import type { MatchAnswer } from '../shared/protocol';

export interface PageTextMatcher {
  /** The mentions in each of `texts` (blocks of one page, in order); none before a matcher is stored. */
  match(texts: readonly string[]): Promise<MatchAnswer>;
  /** Stops following the stored matcher. */
  stop(): void;
}

/** Starts following the stored matcher. Call synchronously when the background starts. */
export function pageTextMatcher(): PageTextMatcher {
  let loading: Promise<{ key: string; matcher: CompiledMatcher } | null> | undefined;
  const stop = matcherStorage.watch(() => {
    loading = undefined;
  });
  const load = () =>
    (loading ??= matcherStorage.getValue().then((stored) => {
      if (!stored) return null;
      try {
        return { key: stored.key, matcher: deserializeMatcher(stored.data) };
      } catch (error) {
        // Kept until the stored matcher changes: the same data would fail again.
        console.warn('[backstory] could not read the stored matcher', error);
        return null;
      }
    }));
  return {
    async match(texts) {
      const loaded = await load();
      if (!loaded) return { key: null, entities: [], blocks: texts.map(() => []) };
      return { key: loaded.key, ...matchTexts(loaded.matcher, texts) };
    },
    stop,
  };
}

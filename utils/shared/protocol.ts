/**
 * The message protocol, written once: a zod schema for every message's data, in two
 * directions. The TypeScript types are inferred from the schemas, the background's guard
 * validates with the same schemas, and `messaging.ts` gives each direction its own
 * messenger, so the compiler refuses a message sent the wrong way.
 *
 * Only extension contexts import this module's values (zod); the content script imports
 * its types alone, which vanish from its bundle.
 */
import { z } from 'zod';
import type { EntityCard } from '../../data/queries';
import { dayDate } from '../../data/schema';

const entityKey = z.string().min(3).max(200);

/** A mention count for one entity on a page. */
export const pageMentionSchema = z.strictObject({
  entityId: entityKey,
  count: z.number().int().min(1).max(1_000_000),
  /** Order of the first mention in the document, 0-based. */
  order: z.number().int().min(0).max(1_000_000),
});

/** What a content script reports about its page; kept per tab in storage.session. */
export const pageReportSchema = z.strictObject({
  mentions: z.array(pageMentionSchema).max(10_000),
  /** Publication day of the article, when the page gives one. */
  publishedAt: dayDate.optional(),
  /** Whether the browser supports the CSS Custom Highlight API. */
  highlightApi: z.boolean(),
  /** False when the user turned Backstory off for this site (or globally). */
  active: z.boolean(),
  /** The page's hostname, for the popup's per-site switch (kept only while the tab is open). */
  site: z.string().max(253),
});

export const cardRequestSchema = z.strictObject({
  entityId: entityKey,
  articleDate: dayDate.optional(),
});

export const entityRequestSchema = z.strictObject({ entityId: entityKey });

/**
 * The most text one `contentMatchTexts` message carries: the content script sends a long
 * page in several messages (utils/page/scan.ts), so no one message is slow to copy.
 */
export const MATCH_BATCH_CHARS = 256 * 1024;

/** Blocks of page text to match, in page order; they never leave the browser. */
export const matchRequestSchema = z.strictObject({
  texts: z
    .array(z.string().max(MATCH_BATCH_CHARS))
    .max(20_000)
    .refine((texts) => texts.reduce((n, t) => n + t.length, 0) <= MATCH_BATCH_CHARS, 'too much text'),
});

/**
 * One block's mentions, flat: `[start, end, entity, aliasIndex]` per mention, where
 * `entity` indexes {@link MatchAnswer.entities}. Compact, so the page decodes little.
 */
export interface MatchAnswer {
  /** The matcher's key (which aliases), for diagnostics; null when no matcher is stored yet. */
  key: string | null;
  entities: string[];
  blocks: number[][];
}

const none = z.undefined();

/** Content scripts and extension pages → the background. */
export const backgroundMessages = {
  /** The page's mentions changed (after a scan, a mutation batch or a navigation). */
  contentReportPage: pageReportSchema,
  /** Card data for a hovered mention. */
  contentGetEntityCard: cardRequestSchema,
  /**
   * Match blocks of the page's text with the matcher the background keeps warm: the page
   * never loads or runs the matcher itself (issue 16, page cost).
   */
  contentMatchTexts: matchRequestSchema,
  /** The card's "Open timeline": show the entity in the side panel. */
  contentOpenTimeline: entityRequestSchema,
  /** The card's "Story so far": show the page's chronology in the side panel. */
  contentOpenStory: none,
  /** The options page changed the installed packs: rebuild the matcher. */
  pagePacksChanged: none,
};

/** The background or an extension page → the content script of one tab. */
export const tabMessages = {
  /** The page's current report (the background asks when a tab finished loading without one). */
  tabGetReport: none,
  /** The "next mention" command: focus the next mention in document order and open its card. */
  tabNextMention: none,
  /** Scroll to the next mention of an entity and flash it; false when none. */
  tabRevealMention: entityRequestSchema,
};

export type PageMention = z.infer<typeof pageMentionSchema>;
export type PageReport = z.infer<typeof pageReportSchema>;
export type CardRequest = z.infer<typeof cardRequestSchema>;

/** What each message answers. */
interface BackgroundAnswers {
  contentReportPage: void;
  contentGetEntityCard: EntityCard | null;
  contentMatchTexts: MatchAnswer;
  contentOpenTimeline: void;
  contentOpenStory: void;
  pagePacksChanged: void;
}
interface TabAnswers {
  tabGetReport: PageReport;
  tabNextMention: void;
  tabRevealMention: boolean;
}

type ProtocolOf<M extends Record<string, z.ZodType>, A extends Record<keyof M, unknown>> = {
  [K in keyof M]: (data: z.infer<M[K]>) => A[K];
};
export type BackgroundProtocol = ProtocolOf<typeof backgroundMessages, BackgroundAnswers>;
export type TabProtocol = ProtocolOf<typeof tabMessages, TabAnswers>;

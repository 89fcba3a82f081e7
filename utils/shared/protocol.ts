/**
 * The message protocol: every message any context sends, typed, with who sends it.
 * Names say direction. Content scripts never open IndexedDB; they ask the background.
 */
import { defineExtensionMessaging } from '@webext-core/messaging';
import type { EntityCard } from '../../data/queries';

/** A mention count for one entity on a page. */
export interface PageMention {
  entityId: string;
  count: number;
  /** Order of the first mention in the document, 0-based. */
  order: number;
}

/** What a content script reports about its page; kept per tab in storage.session. */
export interface PageReport {
  mentions: PageMention[];
  /** Publication day of the article (YYYY-MM-DD), when the page gives one. */
  publishedAt?: string;
  /** Whether the browser supports the CSS Custom Highlight API. */
  highlightApi: boolean;
  /** False when the user turned Backstory off for this site (or globally). */
  active: boolean;
  /** The page's hostname, for the popup's per-site switch (kept only while the tab is open). */
  site: string;
}

export interface CardRequest {
  entityId: string;
  articleDate?: string;
}

export interface ProtocolMap {
  // content script → background
  /** The page's mentions changed (after a scan, a mutation batch or a navigation). */
  contentReportPage(report: PageReport): void;
  /** Card data for a hovered mention. */
  contentGetEntityCard(request: CardRequest): EntityCard | null;
  /** The card's "Open timeline": show the entity in the side panel. */
  contentOpenTimeline(request: { entityId: string }): void;

  // extension page or background → content script (to one tab)
  /** The page's current report, straight from the content script. */
  tabGetReport(): PageReport;
  /** The "next mention" command: focus the next mention in document order and open its card. */
  tabNextMention(): void;
  /** Scroll to the next mention of an entity and flash it; false when none. */
  tabRevealMention(request: { entityId: string }): boolean;
}

export const messaging = defineExtensionMessaging<ProtocolMap>();
export const { sendMessage, onMessage } = messaging;

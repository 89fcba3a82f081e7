/**
 * What the side panel should show next, set by the card, the context menu or the
 * command. A `session:` item: only the background and extension pages may import this
 * module (a content script reading session storage throws).
 */
import { storage } from 'wxt/utils/storage';

/** What the side panel should show next (set by the card, context menu or command). */
export interface PanelRequest {
  entityId?: string;
  search?: string;
  /** Open "Story so far" (the card's and the popup's button). */
  story?: true;
  /** Set so two identical requests in a row still trigger a change. */
  at: number;
}

export const panelRequestStorage = storage.defineItem<PanelRequest | null>('session:panelRequest', {
  fallback: null,
});

/** How long a request waits for a panel that is still opening. */
export const PANEL_REQUEST_TTL_MS = 10_000;

/**
 * Whether a panel that has just opened should act on the stored request: only a recent
 * one (the click that opened the panel). An old request stays in session storage, and
 * must not steer a panel the reader opens minutes later.
 */
export function isFreshRequest(request: PanelRequest | null, now: number): request is PanelRequest {
  return request !== null && now - request.at >= 0 && now - request.at < PANEL_REQUEST_TTL_MS;
}

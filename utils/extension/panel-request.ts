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

/**
 * Opening the side panel (Chrome) or sidebar (Firefox). Both need a user gesture, so
 * callers call this first, before any await, in the handler of the user's action.
 */
import { browser } from 'wxt/browser';

interface SidePanelApi {
  open(options: { tabId?: number; windowId?: number }): Promise<void>;
  setPanelBehavior(behavior: { openPanelOnActionClick: boolean }): Promise<void>;
}
interface SidebarActionApi {
  open(): Promise<void>;
}

const api = browser as unknown as { sidePanel?: SidePanelApi; sidebarAction?: SidebarActionApi };

/** Opens the panel for a tab or window; resolves false where the browser refuses. */
export function openPanel(target: { tabId?: number; windowId?: number }): Promise<boolean> {
  try {
    const opening = api.sidePanel ? api.sidePanel.open(target) : api.sidebarAction?.open();
    if (!opening) return Promise.resolve(false);
    return opening.then(
      () => true,
      () => false,
    );
  } catch {
    return Promise.resolve(false);
  }
}

/** The toolbar button opens the popup; the panel opens from there, the card, the menu or the command. */
export function configurePanelBehavior(): void {
  void api.sidePanel?.setPanelBehavior({ openPanelOnActionClick: false }).catch(() => undefined);
}

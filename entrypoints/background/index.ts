import { browser } from 'wxt/browser';
import { defineBackground } from 'wxt/utils/define-background';
import { getEntityCard } from '../../data/queries';
import { onInstalledFirstRun } from '../../utils/extension/first-run';
import { guarded, type GuardContext } from '../../utils/extension/guard';
import { configurePanelBehavior, openPanel } from '../../utils/extension/panel';
import { panelRequestStorage } from '../../utils/extension/panel-request';
import { refreshMatcher } from '../../utils/extension/matcher';
import { pageTextMatcher } from '../../utils/extension/text-matcher';
import { ensureBundledPackFrom, getDb } from '../../utils/extension/store';
import { registerTabListeners, saveTabReport } from '../../utils/extension/tabs';
import { registerSiteListeners } from '../../utils/extension/user-sites';
import { t } from '../../utils/shared/i18n';
import { toBackground, toTab } from '../../utils/shared/messaging';
import { disabledTopicsStorage, ignoredTermsStorage } from '../../utils/shared/settings';

/** The bundled pack's id, version and path in the build (wxt.config.ts). */
declare const __BUNDLED_PACK__: { id: string; version: string; path: string };

const LOOK_UP_MENU = 'backstory-look-up';

export default defineBackground({
  type: 'module',
  main() {
    // Every listener is registered synchronously, first: a restarted worker must hear
    // the event that woke it. State lives in storage and IndexedDB, never only here.
    registerSiteListeners();
    registerTabListeners((tabId) => toTab.sendMessage('tabGetReport', undefined, tabId));
    const ctx: GuardContext = {
      runtimeId: browser.runtime.id,
      ownOrigin: browser.runtime.getURL('/'),
      dev: import.meta.env.DEV,
    };
    const { onMessage } = toBackground;

    onMessage(
      'contentReportPage',
      guarded(ctx, 'contentReportPage', undefined, async (report, { tab }) => {
        if (tab?.id !== undefined)
          await saveTabReport({ id: tab.id, windowId: tab.windowId, active: tab.active }, report);
      }),
    );
    // Pages send their text here to be matched: the matcher stays warm in this worker.
    const textMatcher = pageTextMatcher();
    onMessage(
      'contentMatchTexts',
      guarded(ctx, 'contentMatchTexts', { key: null, entities: [], blocks: [] }, (request) =>
        textMatcher.match(request.texts),
      ),
    );
    onMessage(
      'contentGetEntityCard',
      guarded(ctx, 'contentGetEntityCard', null, async (request) => {
        const card = await getEntityCard(await getDb(), request.entityId, request.articleDate);
        return card ?? null;
      }),
    );
    onMessage(
      'contentOpenTimeline',
      guarded(ctx, 'contentOpenTimeline', undefined, async (request, sender) => {
        const opened = openPanel({ tabId: sender.tab?.id }); // before any await: needs the gesture
        await panelRequestStorage.setValue({ entityId: request.entityId, at: Date.now() });
        await opened;
      }),
    );
    onMessage(
      'contentOpenStory',
      guarded(ctx, 'contentOpenStory', undefined, async (_request, sender) => {
        const opened = openPanel({ tabId: sender.tab?.id }); // before any await: needs the gesture
        await panelRequestStorage.setValue({ story: true, at: Date.now() });
        await opened;
      }),
    );
    // The background alone compiles the matcher: pages that change packs say so here.
    onMessage(
      'pagePacksChanged',
      guarded(ctx, 'pagePacksChanged', undefined, () => setUp()),
    );

    browser.runtime.onInstalled.addListener(({ reason }) => {
      void onInstalledFirstRun(reason).catch((error) =>
        console.error('[backstory] the first-run page failed', error),
      );
      browser.contextMenus.create({
        id: LOOK_UP_MENU,
        title: t('contextMenuLookUp'),
        contexts: ['selection'],
      });
    });
    browser.contextMenus.onClicked.addListener((info, tab) => {
      if (info.menuItemId !== LOOK_UP_MENU) return;
      const opened = openPanel({ tabId: tab?.id, windowId: tab?.windowId });
      const search = (info.selectionText ?? '').trim().slice(0, 200);
      void panelRequestStorage.setValue({ search, at: Date.now() }).then(() => opened);
    });
    browser.commands.onCommand.addListener((command, tab) => {
      if (command === 'open-side-panel') void openPanel({ tabId: tab?.id, windowId: tab?.windowId });
      if (command === 'next-mention' && tab?.id !== undefined) {
        void toTab.sendMessage('tabNextMention', undefined, tab.id).catch(() => undefined);
      }
    });

    disabledTopicsStorage.watch(() => void setUp());
    ignoredTermsStorage.watch(() => void setUp());

    configurePanelBehavior();
    void setUp();
  },
});

/** Seeds the bundled pack if needed and brings the matcher up to date; idempotent. */
async function setUp(): Promise<void> {
  try {
    const db = await getDb();
    await ensureBundledPackFrom(db, __BUNDLED_PACK__, async () => {
      const response = await fetch(browser.runtime.getURL(__BUNDLED_PACK__.path as '/'));
      return response.json();
    });
    await refreshMatcher(db);
  } catch (error) {
    console.error('[backstory] setting up the dataset failed', error);
  }
}

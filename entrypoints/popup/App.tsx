import { useEffect, useState } from 'preact/hooks';
import { browser } from 'wxt/browser';
import { PopupView, type PopupState } from '../../components/PopupView';
import { openBackstoryDB } from '../../data/db';
import { openPanel } from '../../utils/background/panel';
import { sendMessage } from '../../utils/messaging';
import { isRestrictedUrl, siteOf } from '../../utils/restricted';
import { disabledSitesStorage, isSiteDisabled } from '../../utils/settings';
import { loadPopupState } from './state';

export function App() {
  const [state, setState] = useState<PopupState>({ status: 'loading' });
  const [disabled, setDisabled] = useState<string[]>([]);
  const [tab, setTab] = useState<{ id?: number; windowId?: number; url?: string }>();

  useEffect(() => {
    void disabledSitesStorage.getValue().then(setDisabled);
    const unwatch = disabledSitesStorage.watch((v) => setDisabled(v ?? []));
    void (async () => {
      const [active] = await browser.tabs.query({ active: true, currentWindow: true });
      setTab(active);
      setState(
        await loadPopupState(active, {
          isRestricted: isRestrictedUrl,
          getReport: (tabId) => sendMessage('tabGetReport', undefined, tabId),
          openDb: openBackstoryDB,
        }),
      );
    })();
    return unwatch;
  }, []);

  const site = state.status === 'running' ? state.site : siteOf(tab?.url);
  return (
    <PopupView
      state={state}
      siteEnabled={site ? !isSiteDisabled(site, disabled) : true}
      onToggleSite={(enabled) => {
        if (!site) return;
        const next = enabled ? disabled.filter((d) => d !== site) : [...new Set([...disabled, site])];
        void disabledSitesStorage.setValue(next);
      }}
      onOpenPanel={() => {
        void openPanel({ tabId: tab?.id, windowId: tab?.windowId }).then(() => window.close());
      }}
      onOpenOptions={() => {
        void browser.runtime.openOptionsPage().then(() => window.close());
      }}
    />
  );
}

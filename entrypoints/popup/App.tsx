import { useEffect, useState } from 'preact/hooks';
import { browser } from 'wxt/browser';
import { PopupView, type EnableStatus, type PopupState } from '../../components/PopupView';
import { openBackstoryDB } from '../../data/db';
import { openPanel } from '../../utils/background/panel';
import { addUserSite, injectIntoTab } from '../../utils/background/sites';
import { sendMessage } from '../../utils/messaging';
import { requestSiteAccess } from '../../utils/permissions';
import { isRestrictedUrl, siteOf } from '../../utils/restricted';
import { disabledSitesStorage, isSiteDisabled, withSiteEnabled } from '../../utils/settings';
import { loadPopupState } from './state';

type Tab = { id?: number; windowId?: number; url?: string };

function loadState(tab: Tab | undefined): Promise<PopupState> {
  return loadPopupState(tab, {
    isRestricted: isRestrictedUrl,
    getReport: (tabId) => sendMessage('tabGetReport', undefined, tabId),
    openDb: openBackstoryDB,
  });
}

export function App() {
  const [state, setState] = useState<PopupState>({ status: 'loading' });
  const [disabled, setDisabled] = useState<string[]>([]);
  const [tab, setTab] = useState<Tab>();
  const [enableStatus, setEnableStatus] = useState<EnableStatus>('idle');

  useEffect(() => {
    void disabledSitesStorage.getValue().then(setDisabled);
    const unwatch = disabledSitesStorage.watch((v) => setDisabled(v ?? []));
    void (async () => {
      const [active] = await browser.tabs.query({ active: true, currentWindow: true });
      setTab(active);
      setState(await loadState(active));
    })();
    return unwatch;
  }, []);

  const site = state.status === 'running' ? state.site : siteOf(tab?.url);

  const enableSite = () => {
    if (!site || tab?.id === undefined) return;
    const tabId = tab.id;
    // First, with no await before it: the prompt needs this click's user gesture.
    const granted = requestSiteAccess(site);
    setEnableStatus('working');
    void (async () => {
      if (!(await granted.catch(() => false))) {
        setEnableStatus('denied');
        return;
      }
      await addUserSite(site);
      if ((await injectIntoTab(tabId)) === 'failed') {
        setEnableStatus('failed');
        return;
      }
      // The fresh script scans, then answers; ask a few times before giving up.
      for (let i = 0; i < 20; i++) {
        const next = await loadState(tab);
        if (next.status === 'running') {
          setState(next);
          setEnableStatus('idle');
          return;
        }
        await new Promise((r) => setTimeout(r, 150));
      }
      setEnableStatus('failed');
    })();
  };

  return (
    <PopupView
      state={state}
      siteEnabled={site ? !isSiteDisabled(site, disabled) : true}
      onToggleSite={(enabled) => {
        if (!site) return;
        void disabledSitesStorage.setValue(withSiteEnabled(disabled, site, enabled)).then(async () => {
          // The page applies the change itself; show its new report once it has.
          for (let i = 0; i < 20; i++) {
            const next = await loadState(tab);
            if (next.status !== 'running' || next.active === enabled) {
              setState(next);
              return;
            }
            await new Promise((r) => setTimeout(r, 100));
          }
        });
      }}
      onEnableSite={enableSite}
      enableStatus={enableStatus}
      onOpenPanel={() => {
        void openPanel({ tabId: tab?.id, windowId: tab?.windowId }).then(() => window.close());
      }}
      onOpenOptions={() => {
        void browser.runtime.openOptionsPage().then(() => window.close());
      }}
    />
  );
}

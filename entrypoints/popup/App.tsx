import { useEffect, useState } from 'preact/hooks';
import { browser } from 'wxt/browser';
import { PopupView, type EnableStatus, type PopupState } from '../../components/PopupView';
import { openBackstoryDB, type BackstoryDatabase } from '../../data/db';
import { followPageTab } from '../../utils/extension/page-tab';
import { openPanel } from '../../utils/extension/panel';
import { panelRequestStorage } from '../../utils/extension/panel-request';
import { getTabReport, watchTabReport } from '../../utils/extension/tabs';
import { requestSiteAccess } from '../../utils/extension/permissions';
import { siteOf } from '../../utils/shared/restricted';
import { disabledSitesStorage, isSiteDisabled, withSiteEnabled } from '../../utils/shared/settings';
import { loadPopupState } from './state';

type Tab = { id?: number; windowId?: number; url?: string };

/** How long "Turn on for this site" waits for the page's first report before saying it failed. */
const ENABLE_TIMEOUT_MS = 15_000;

export function App() {
  const [state, setState] = useState<PopupState>({ status: 'loading' });
  const [disabled, setDisabled] = useState<string[]>([]);
  const [db, setDb] = useState<BackstoryDatabase>();
  const [tab, setTab] = useState<Tab>();
  const [enableStatus, setEnableStatus] = useState<EnableStatus>('idle');

  useEffect(() => {
    void openBackstoryDB().then(setDb);
    void disabledSitesStorage.getValue().then(setDisabled);
    const unwatch = disabledSitesStorage.watch((v) => setDisabled(v ?? []));
    // The tab object carries a URL only when the browser grants it (activeTab, on a toolbar click).
    const unfollow = followPageTab(async (id) => {
      const found = id === undefined ? undefined : await browser.tabs.get(id).catch(() => undefined);
      const next: Tab | undefined = found ?? (id === undefined ? undefined : { id });
      // Refreshes come on any tab's report: keep the same object when this tab did not change,
      // so the report subscription below is not torn down and rebuilt for nothing.
      setTab((prev) => (prev?.id === next?.id && prev?.url === next?.url ? prev : next));
      if (id === undefined) setState({ status: 'not-running' });
    });
    return () => {
      unwatch();
      unfollow();
    };
  }, []);

  // The tab's report, live: one path, the background's record in storage.session.
  useEffect(() => {
    if (!db || tab?.id === undefined) return;
    let stale = false;
    const show = (report: Awaited<ReturnType<typeof getTabReport>>) =>
      void loadPopupState(tab, report, db).then((next) => {
        if (stale) return;
        setState(next);
        if (next.status === 'running') setEnableStatus('idle');
      });
    void getTabReport(tab.id).then(show);
    const unwatch = watchTabReport(tab.id, show);
    return () => {
      stale = true;
      unwatch();
    };
  }, [db, tab]);

  useEffect(() => {
    if (enableStatus !== 'working') return;
    const timer = setTimeout(() => setEnableStatus('failed'), ENABLE_TIMEOUT_MS);
    return () => clearTimeout(timer);
  }, [enableStatus]);

  const site = state.status === 'running' ? state.site : siteOf(tab?.url);

  const enableSite = () => {
    if (!site || tab?.id === undefined) return;
    // First, with no await before it: the prompt needs this click's user gesture. The
    // background hears the grant, remembers the site and starts the script in its open
    // tabs (one injection); the report that follows turns this popup to "running".
    const granted = requestSiteAccess(site);
    setEnableStatus('working');
    void granted.catch(() => false).then((ok) => !ok && setEnableStatus('denied'));
  };

  return (
    <PopupView
      state={state}
      siteEnabled={site ? !isSiteDisabled(site, disabled) : true}
      onToggleSite={(enabled) => {
        // The page applies the change and reports again; the watch above shows it.
        if (site) void disabledSitesStorage.setValue(withSiteEnabled(disabled, site, enabled));
      }}
      onEnableSite={enableSite}
      enableStatus={enableStatus}
      onOpenPanel={() => {
        void openPanel({ tabId: tab?.id, windowId: tab?.windowId }).then(() => window.close());
      }}
      onOpenStory={() => {
        const opened = openPanel({ tabId: tab?.id, windowId: tab?.windowId }); // first: needs the gesture
        void panelRequestStorage
          .setValue({ story: true, at: Date.now() })
          .then(() => opened)
          .then(() => window.close());
      }}
      onOpenOptions={() => {
        void browser.runtime.openOptionsPage().then(() => window.close());
      }}
    />
  );
}

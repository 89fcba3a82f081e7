import { useEffect, useState } from 'preact/hooks';
import { browser } from 'wxt/browser';
import { WelcomeView, type WelcomeActions, type WelcomeState } from '../../components/WelcomeView';
import { openBackstoryDB, type BackstoryDatabase } from '../../data/db';
import { getEntityCard } from '../../data/queries';
import { markPassageWith } from '../../utils/extension/first-run-example';
import { openPanel } from '../../utils/extension/panel';
import { panelRequestStorage } from '../../utils/extension/panel-request';
import { t } from '../../utils/shared/i18n';
import { matcherStorage } from '../../utils/shared/matcher-store';
import { DEFAULT_APPEARANCE, appearanceStorage, userSitesStorage } from '../../utils/shared/settings';
import { NEWS_SITES } from '../../utils/shared/sites';

/** The example article's date: the card shows what came before it and what followed. */
const EXAMPLE_DATE = '2020-09-20';

export function App() {
  const [state, setState] = useState<WelcomeState>({
    passage: undefined,
    exampleDate: EXAMPLE_DATE,
    appearance: DEFAULT_APPEARANCE,
    newsSites: NEWS_SITES,
    userSites: [],
  });
  const [db, setDb] = useState<Promise<BackstoryDatabase>>();
  const [windowId, setWindowId] = useState<number>();

  useEffect(() => {
    const paragraphs = [t('welcomeExample1'), t('welcomeExample2')];
    const update = (patch: Partial<WelcomeState>) => setState((s) => ({ ...s, ...patch }));
    const fromMatcher = (stored: { data: string } | null) => {
      // On install the background is still seeding the pack: the example waits for its matcher.
      if (stored) update({ passage: markPassageWith(stored.data, paragraphs) });
    };
    void matcherStorage.getValue().then(fromMatcher);
    void appearanceStorage.getValue().then((appearance) => update({ appearance }));
    void userSitesStorage.getValue().then((userSites) => update({ userSites }));
    setDb(openBackstoryDB());
    // The panel opens only in the click's own task: know the window beforehand.
    void browser.windows.getCurrent().then((w) => setWindowId(w.id));
    const unwatch = [
      matcherStorage.watch(fromMatcher),
      appearanceStorage.watch((appearance) => update({ appearance })),
      userSitesStorage.watch((userSites) => update({ userSites })),
    ];
    return () => unwatch.forEach((u) => u());
  }, []);

  const actions: WelcomeActions = {
    loadCard: async (entityId) => {
      if (!db) return null;
      return (await getEntityCard(await db, entityId, EXAMPLE_DATE)) ?? null;
    },
    openOptions: () => void browser.runtime.openOptionsPage(),
    openPanel: (entityId) => {
      const opened = openPanel({ windowId }); // first, before any await: needs the click
      if (entityId) void panelRequestStorage.setValue({ entityId, at: Date.now() });
      void opened;
    },
  };

  return <WelcomeView state={state} actions={actions} />;
}

import { useEffect, useState } from 'preact/hooks';
import { OptionsView, type OptionsActions, type OptionsState } from '../../components/OptionsView';
import {
  openBackstoryDB,
  removePack,
  setPackEnabled,
  writePack,
  type BackstoryDatabase,
} from '../../data/db';
import { listPacks, listTopics } from '../../data/queries';
import { parsePackText } from '../../data/validate';
import { removeUserSite } from '../../utils/extension/user-sites';
import { toBackground } from '../../utils/shared/messaging';
import {
  appearanceStorage,
  densityStorage,
  disabledSitesStorage,
  disabledTopicsStorage,
  enabledStorage,
  ignoredTermsStorage,
  resetSettings,
  userSitesStorage,
} from '../../utils/shared/settings';
import { exportPackFile } from './export';

export function App() {
  const [db, setDb] = useState<BackstoryDatabase>();
  const [state, setState] = useState<OptionsState>();

  const load = async (database: BackstoryDatabase) => {
    const [
      enabled,
      topics,
      disabledTopics,
      density,
      appearance,
      disabledSites,
      packs,
      ignoredTerms,
      userSites,
    ] = await Promise.all([
      enabledStorage.getValue(),
      listTopics(database),
      disabledTopicsStorage.getValue(),
      densityStorage.getValue(),
      appearanceStorage.getValue(),
      disabledSitesStorage.getValue(),
      listPacks(database),
      ignoredTermsStorage.getValue(),
      userSitesStorage.getValue(),
    ]);
    setState({
      enabled,
      topics,
      disabledTopics,
      density,
      appearance,
      disabledSites,
      userSites,
      packs,
      ignoredTerms,
    });
  };

  useEffect(() => {
    void openBackstoryDB().then((database) => {
      setDb(database);
      void load(database);
    });
  }, []);

  // Settings changed elsewhere (the card, the popup, another options tab) show here at once.
  useEffect(() => {
    if (!db) return;
    const reload = () => void load(db);
    const unwatch = [
      enabledStorage.watch(reload),
      disabledTopicsStorage.watch(reload),
      densityStorage.watch(reload),
      appearanceStorage.watch(reload),
      disabledSitesStorage.watch(reload),
      ignoredTermsStorage.watch(reload),
      userSitesStorage.watch(reload),
    ];
    return () => unwatch.forEach((u) => u());
  }, [db]);

  if (!db || !state) return null;

  const afterPackChange = async () => {
    // The background alone compiles the matcher; open tabs follow its stored copy.
    try {
      await toBackground.sendMessage('pagePacksChanged', undefined);
    } catch {
      // Not answered: the background also rebuilds the matcher whenever it starts.
    }
    await load(db);
  };

  const actions: OptionsActions = {
    setEnabled: (enabled) => void enabledStorage.setValue(enabled),
    setTopic: (key, on) =>
      void disabledTopicsStorage.setValue(
        on ? state.disabledTopics.filter((k) => k !== key) : [...new Set([...state.disabledTopics, key])],
      ),
    setDensity: (density) => void densityStorage.setValue(density),
    setAppearance: (appearance) => void appearanceStorage.setValue(appearance),
    removeSite: (site) => void disabledSitesStorage.setValue(state.disabledSites.filter((s) => s !== site)),
    addSite: (site) => void disabledSitesStorage.setValue([...new Set([...state.disabledSites, site])]),
    removeUserSite: (site) => void removeUserSite(site),
    importPack: async (text) => {
      const result = parsePackText(text);
      if (!result.ok) return result.problems;
      const existing = state.packs.find((p) => p.id === result.pack.id);
      if (existing?.origin === 'bundled') {
        return [
          { path: '$.id', message: `"${result.pack.id}" is the id of the bundled pack; choose another id` },
        ];
      }
      await writePack(db, result.pack, 'imported');
      await afterPackChange();
      return [];
    },
    setPackEnabled: (id, enabled) => void setPackEnabled(db, id, enabled).then(afterPackChange),
    removePack: (id) => void removePack(db, id).then(afterPackChange),
    exportPack: (id) => void exportPackFile(db, id),
    restoreTerm: (term) =>
      void ignoredTermsStorage.setValue(
        state.ignoredTerms.filter((t) => !(t.entityId === term.entityId && t.text === term.text)),
      ),
    reset: () => void resetSettings(),
  };

  return <OptionsView state={state} actions={actions} />;
}

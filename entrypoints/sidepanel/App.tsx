import { useEffect, useReducer, useRef, useState } from 'preact/hooks';
import type { EntityViewData } from '../../components/EntityView';
import { currentView, initialNav, navigate } from '../../components/navigation';
import type { PageState } from '../../components/PageEntities';
import { SidePanelView } from '../../components/SidePanelView';
import { openBackstoryDB, type BackstoryDatabase } from '../../data/db';
import { searchEntities, type SearchResult } from '../../data/queries';
import { getStory, type StoryData } from '../../data/story';
import { getTabReport, watchTabReport } from '../../utils/extension/tabs';
import { isFreshRequest, panelRequestStorage } from '../../utils/extension/panel-request';
import { toTab } from '../../utils/shared/messaging';
import { followPageTab } from '../../utils/extension/page-tab';
import { loadEntityView, loadPageState } from './data';

export function App() {
  const [nav, dispatch] = useReducer(navigate, initialNav);
  const [db, setDb] = useState<BackstoryDatabase>();
  const [tabId, setTabId] = useState<number>();
  const [page, setPage] = useState<PageState>({ status: 'loading' });
  const [entity, setEntity] = useState<EntityViewData | 'loading' | 'missing'>();
  const [results, setResults] = useState<SearchResult[]>([]);
  const [story, setStory] = useState<StoryData>();
  const searchRun = useRef(0);
  const dataAt = useRef<number | undefined>(undefined);
  const view = currentView(nav);

  useEffect(() => {
    void openBackstoryDB().then(setDb);
  }, []);

  // Follow the page this panel describes (see utils/extension/page-tab.ts): no tab URL needed.
  useEffect(
    () =>
      followPageTab((id) => {
        setTabId(id);
        if (id === undefined) setPage({ status: 'not-running' });
      }),
    [],
  );

  // The tab's report, live.
  useEffect(() => {
    if (!db || tabId === undefined) return;
    let stale = false;
    const show = (report: Awaited<ReturnType<typeof getTabReport>>) =>
      void loadPageState(db, report).then((state) => {
        if (!stale) setPage(state);
      });
    void getTabReport(tabId).then(show);
    const unwatch = watchTabReport(tabId, show);
    return () => {
      stale = true;
      unwatch();
    };
  }, [db, tabId]);

  // Requests from the card, the context menu and the command.
  useEffect(() => {
    const apply = (request: Awaited<ReturnType<typeof panelRequestStorage.getValue>>) => {
      if (request?.entityId) dispatch({ type: 'go', view: { kind: 'entity', key: request.entityId } });
      else if (request?.story) dispatch({ type: 'go', view: { kind: 'story' } });
      else if (request?.search !== undefined)
        dispatch({ type: 'go', view: { kind: 'search', query: request.search } });
    };
    // On opening, only the request that opened the panel; later, every new one.
    void panelRequestStorage.getValue().then((r) => isFreshRequest(r, Date.now()) && apply(r));
    return panelRequestStorage.watch(apply);
  }, []);

  // Load the entity page.
  useEffect(() => {
    if (!db || view.kind !== 'entity') return;
    let stale = false;
    setEntity('loading');
    void loadEntityView(db, view.key).then((data) => {
      if (stale) return;
      dataAt.current = performance.now();
      setEntity(data);
    });
    return () => {
      stale = true;
    };
  }, [db, view.kind === 'entity' ? view.key : '']);

  // The story of the page's entities, while "Story so far" is shown; again when they change.
  const pageKeys = page.status === 'ok' ? page.groups.flatMap((g) => g.entities.map((e) => e.key)) : [];
  const pageKeysId = pageKeys.join('|');
  useEffect(() => {
    if (!db || view.kind !== 'story') return;
    let stale = false;
    setStory(undefined);
    void getStory(db, pageKeys).then((data) => !stale && setStory(data));
    return () => {
      stale = true;
    };
  }, [db, view.kind === 'story', pageKeysId]);

  // Search as you type; late answers to old queries are dropped.
  useEffect(() => {
    if (!db || view.kind !== 'search') return;
    const run = ++searchRun.current;
    void searchEntities(db, view.query).then((r) => run === searchRun.current && setResults(r));
  }, [db, view.kind === 'search' ? view.query : null]);

  // Diagnostics for the benchmark: from the entity's data arriving to its timeline on screen.
  useEffect(() => {
    if (typeof entity !== 'object' || dataAt.current === undefined) return;
    const since = dataAt.current;
    dataAt.current = undefined;
    requestAnimationFrame(() =>
      performance.mark('backstory-timeline-rendered', {
        detail: { ms: performance.now() - since, events: entity.timeline.length },
      }),
    );
  }, [entity]);

  return (
    <SidePanelView
      view={view}
      page={page}
      entity={entity}
      results={results}
      story={story}
      canBack={nav.index > 0}
      canForward={nav.index < nav.stack.length - 1}
      onBack={() => dispatch({ type: 'back' })}
      onForward={() => dispatch({ type: 'forward' })}
      onShowPage={() => dispatch({ type: 'go', view: { kind: 'page' } })}
      onShowStory={() => dispatch({ type: 'go', view: { kind: 'story' } })}
      onSearch={(query) =>
        dispatch(
          view.kind === 'search'
            ? { type: 'replace', view: { kind: 'search', query } }
            : { type: 'go', view: { kind: 'search', query } },
        )
      }
      onSelectEntity={(key) => dispatch({ type: 'go', view: { kind: 'entity', key } })}
      onRevealMention={(key) => {
        if (tabId !== undefined)
          void toTab.sendMessage('tabRevealMention', { entityId: key }, tabId).catch(() => false);
      }}
    />
  );
}

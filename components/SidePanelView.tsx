import type { SearchResult } from '../data/queries';
import type { StoryData } from '../data/story';
import { t } from '../utils/shared/i18n';
import { EntityView, type EntityViewData } from './EntityView';
import type { PanelView } from './navigation';
import { PageEntities, type PageState } from './PageEntities';
import { SearchView } from './SearchView';
import { StoryView } from './StoryView';
import { IconButton } from './IconButton';

export interface SidePanelViewProps {
  view: PanelView;
  page: PageState;
  entity: EntityViewData | 'loading' | 'missing' | undefined;
  results: SearchResult[];
  story: StoryData | undefined;
  canBack: boolean;
  canForward: boolean;
  onBack: () => void;
  onForward: () => void;
  onShowPage: () => void;
  onShowStory: () => void;
  onSearch: (query: string) => void;
  onSelectEntity: (key: string) => void;
  onRevealMention: (key: string) => void;
}

/** The side panel: tabs for this page, its story and search; an entity page; back and forward. */
export function SidePanelView(props: SidePanelViewProps) {
  const { view, page } = props;
  const articleDate = page.status === 'ok' ? page.publishedAt : undefined;
  return (
    <div class="bs-panel">
      <nav class="bs-panel-nav" aria-label={t('extName')}>
        <IconButton label={t('panelBack')} glyph="←" onClick={props.onBack} disabled={!props.canBack} />
        <IconButton
          label={t('panelForward')}
          glyph="→"
          onClick={props.onForward}
          disabled={!props.canForward}
        />
        <button type="button" class="bs-tab" aria-pressed={view.kind === 'page'} onClick={props.onShowPage}>
          {t('panelOnThisPage')}
        </button>
        <button type="button" class="bs-tab" aria-pressed={view.kind === 'story'} onClick={props.onShowStory}>
          {t('panelStory')}
        </button>
        <button
          type="button"
          class="bs-tab"
          aria-pressed={view.kind === 'search'}
          onClick={() => props.onSearch(view.kind === 'search' ? view.query : '')}
        >
          {t('panelSearch')}
        </button>
      </nav>
      <main class="bs-panel-main">
        <h1 class="bs-visually-hidden">{t('extName')}</h1>
        {view.kind === 'page' && (
          <PageEntities
            page={page}
            onSelectEntity={props.onSelectEntity}
            onRevealMention={props.onRevealMention}
          />
        )}
        {view.kind === 'story' && (
          <StoryView page={page} story={props.story} onSelectEntity={props.onSelectEntity} />
        )}
        {view.kind === 'search' && (
          <SearchView
            query={view.query}
            results={props.results}
            onQuery={props.onSearch}
            onSelectEntity={props.onSelectEntity}
          />
        )}
        {view.kind === 'entity' &&
          (props.entity === undefined || props.entity === 'loading' ? (
            <p class="bs-muted">{t('cardLoading')}</p>
          ) : props.entity === 'missing' ? (
            <p class="bs-empty">{t('cardError')}</p>
          ) : (
            // Keyed by entity: the topic and importance filters belong to one entity's page
            // and must not carry over (and empty the timeline) when another entity opens.
            <EntityView
              key={props.entity.entity.key}
              data={props.entity}
              articleDate={articleDate}
              onSelectEntity={props.onSelectEntity}
            />
          ))}
      </main>
    </div>
  );
}

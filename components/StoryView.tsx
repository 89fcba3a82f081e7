import { formatDate } from '../data/dates';
import { defaultStoryImportance, splitCount, type StoryData } from '../data/story';
import { t, tCount } from '../utils/shared/i18n';
import { FilteredTimeline } from './FilteredTimeline';
import { KnowledgeNote } from './KnowledgeNote';
import { PageStatusNote, type PageState } from './PageEntities';

export interface StoryViewProps {
  page: PageState;
  /** The story of the page's entities; undefined while it loads. */
  story: StoryData | undefined;
  onSelectEntity: (key: string) => void;
}

/**
 * "Story so far": the events of every entity on the page as one chronology, the
 * article's day marked and what followed set apart, drawn as a picture above the list.
 */
export function StoryView({ page, story, onSelectEntity }: StoryViewProps) {
  if (page.status !== 'ok') return <PageStatusNote page={page} />;
  if (page.groups.length === 0) return <p class="bs-empty">{t('panelNoMentions')}</p>;
  if (!story) return <p class="bs-muted">{t('cardLoading')}</p>;
  // Keyed by the set of entities: a new page starts from its own default filters.
  return (
    <StoryBody
      key={story.events.length + ':' + story.entityCount}
      story={story}
      articleDate={page.publishedAt}
      knowledgeEnds={page.knowledgeEnds}
      onSelectEntity={onSelectEntity}
    />
  );
}

function StoryBody(props: {
  story: StoryData;
  articleDate: string | undefined;
  knowledgeEnds: string | undefined;
  onSelectEntity: (key: string) => void;
}) {
  const { story, articleDate } = props;
  return (
    <article class="bs-story" aria-labelledby="bs-story-heading">
      <header>
        <h2 id="bs-story-heading">{t('panelStory')}</h2>
        <p class="bs-muted">
          {t('storyIntro', [
            tCount('storyEvents', story.events.length),
            tCount('storyEntities', story.entityCount),
          ])}
          {' · '}
          {articleDate ? t('popupPageDate', formatDate(articleDate)) : t('popupPageNoDate')}
        </p>
      </header>
      {props.knowledgeEnds && <KnowledgeNote asOf={props.knowledgeEnds} />}
      <FilteredTimeline
        events={story.events}
        topics={story.topics}
        articleDate={articleDate}
        initialImportance={defaultStoryImportance(story.events)}
        onSelectEntity={props.onSelectEntity}
        summary={(shown) => {
          const split = splitCount(shown, articleDate);
          return (
            <p class="bs-story-count" aria-live="polite">
              {articleDate
                ? t('storySplit', [tCount('storyEvents', split.before), String(split.after)])
                : tCount('storyEvents', shown.length)}
            </p>
          );
        }}
      />
    </article>
  );
}

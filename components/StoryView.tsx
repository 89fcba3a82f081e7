import { useMemo, useState } from 'preact/hooks';
import { formatDate } from '../data/dates';
import { defaultStoryImportance, filterStory, splitCount, type StoryData } from '../data/story';
import { t, tCount } from '../utils/shared/i18n';
import { EventFilters } from './EventFilters';
import { KnowledgeNote } from './KnowledgeNote';
import { PageStatusNote, type PageState } from './PageEntities';
import { revealEvent, Timeline } from './Timeline';
import { TimeStrip } from './TimeStrip';

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
  const [topic, setTopic] = useState('');
  const [minImportance, setMinImportance] = useState(() => defaultStoryImportance(story.events));
  const events = useMemo(
    () => filterStory(story.events, { minImportance, topic }),
    [story.events, minImportance, topic],
  );
  const split = splitCount(events, articleDate);
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
      <EventFilters
        topics={story.topics}
        topic={topic}
        minImportance={minImportance}
        onTopic={setTopic}
        onMinImportance={setMinImportance}
      />
      {events.length === 0 ? (
        <p class="bs-muted">{t('cardNoEvents')}</p>
      ) : (
        <>
          <p class="bs-story-count" aria-live="polite">
            {articleDate
              ? t('storySplit', [tCount('storyEvents', split.before), String(split.after)])
              : tCount('storyEvents', events.length)}
          </p>
          <TimeStrip events={events} articleDate={articleDate} onSelect={revealEvent} />
          <Timeline events={events} articleDate={articleDate} onSelectEntity={props.onSelectEntity} />
        </>
      )}
    </article>
  );
}

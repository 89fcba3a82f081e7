import type { ComponentChildren } from 'preact';
import { useMemo, useState } from 'preact/hooks';
import type { TimelineItem } from '../data/queries';
import type { TopicRecord } from '../data/records';
import { filterEvents } from '../data/story';
import { t } from '../utils/shared/i18n';
import { EventFilters } from './EventFilters';
import { revealEvent, Timeline } from './Timeline';
import { TimeStrip } from './TimeStrip';

export interface FilteredTimelineProps {
  events: readonly TimelineItem[];
  topics: readonly Pick<TopicRecord, 'key' | 'label'>[];
  articleDate?: string | undefined;
  /** The entity whose timeline this is (not repeated among each event's entities). */
  currentKey?: string;
  /** The importance floor it opens with. */
  initialImportance?: number;
  onSelectEntity: (key: string) => void;
  /** A line about the events shown, between the filters and the picture. */
  summary?: (shown: readonly TimelineItem[]) => ComponentChildren;
}

/**
 * Filters, the picture of time and the year-grouped list, over one set of events: the
 * entity page's timeline and "Story so far" are both this.
 */
export function FilteredTimeline(props: FilteredTimelineProps) {
  const [topic, setTopic] = useState('');
  const [minImportance, setMinImportance] = useState(props.initialImportance ?? 1);
  const events = useMemo(
    () => filterEvents(props.events, { minImportance, topic }),
    [props.events, minImportance, topic],
  );
  return (
    <>
      <EventFilters
        topics={props.topics}
        topic={topic}
        minImportance={minImportance}
        onTopic={setTopic}
        onMinImportance={setMinImportance}
      />
      {events.length === 0 ? (
        <p class="bs-muted">{t('cardNoEvents')}</p>
      ) : (
        <>
          {props.summary?.(events)}
          <TimeStrip events={events} articleDate={props.articleDate} onSelect={revealEvent} />
          <Timeline
            events={events}
            articleDate={props.articleDate}
            {...(props.currentKey ? { currentKey: props.currentKey } : {})}
            onSelectEntity={props.onSelectEntity}
          />
        </>
      )}
    </>
  );
}

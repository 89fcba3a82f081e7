import type { TopicRecord } from '../data/records';
import { IMPORTANCE_FLOORS } from '../data/story';
import { t, type MessageKey } from '../utils/shared/i18n';

/** The label of each importance floor the story's default is chosen from. */
const FLOOR_LABELS: Record<(typeof IMPORTANCE_FLOORS)[number], MessageKey> = {
  1: 'filterAllEvents',
  3: 'filterNotable',
  4: 'filterMajor',
  5: 'filterKey',
};

export interface EventFiltersProps {
  topics: readonly Pick<TopicRecord, 'key' | 'label'>[];
  topic: string;
  minImportance: number;
  onTopic: (topic: string) => void;
  onMinImportance: (importance: number) => void;
}

/** The timeline filters of the entity page and "Story so far": a topic and an importance floor. */
export function EventFilters(props: EventFiltersProps) {
  return (
    <div class="bs-filters">
      <label>
        <span class="bs-visually-hidden">{t('filterTopic')}</span>
        <select
          value={props.topic}
          onChange={(e) => props.onTopic((e.currentTarget as HTMLSelectElement).value)}
        >
          <option value="">{t('filterAllTopics')}</option>
          {props.topics.map((tp) => (
            <option key={tp.key} value={tp.key}>
              {tp.label}
            </option>
          ))}
        </select>
      </label>
      <label>
        <span class="bs-visually-hidden">{t('filterImportance')}</span>
        <select
          value={String(props.minImportance)}
          onChange={(e) => props.onMinImportance(Number((e.currentTarget as HTMLSelectElement).value))}
        >
          {[...IMPORTANCE_FLOORS].reverse().map((floor) => (
            <option key={floor} value={String(floor)}>
              {t(FLOOR_LABELS[floor])}
            </option>
          ))}
        </select>
      </label>
    </div>
  );
}

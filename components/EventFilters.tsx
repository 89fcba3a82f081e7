import type { TopicRecord } from '../data/records';
import { t } from '../utils/shared/i18n';

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
          <option value="1">{t('filterAllEvents')}</option>
          <option value="3">{t('filterNotable')}</option>
          <option value="4">{t('filterMajor')}</option>
          <option value="5">{t('filterKey')}</option>
        </select>
      </label>
    </div>
  );
}

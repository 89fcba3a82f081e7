import { useState } from 'preact/hooks';
import type { EntityRecord } from '../data/records';
import type { EntityRef, TimelineItem } from '../data/queries';
import type { TopicRecord } from '../data/records';
import { t, type MessageKey } from '../utils/shared/i18n';
import { EntityChip } from './EntityChip';
import { isAfterKnowledge } from '../data/dates';
import { KnowledgeNote } from './KnowledgeNote';
import { FilteredTimeline } from './FilteredTimeline';

export interface EntityViewData {
  entity: Pick<EntityRecord, 'key' | 'name' | 'kind' | 'summary' | 'facts'>;
  timeline: TimelineItem[];
  related: EntityRef[];
  topics: TopicRecord[];
  /** The asOf of the entity's pack. */
  asOf?: string;
}

export interface EntityViewProps {
  data: EntityViewData;
  articleDate?: string | undefined;
  onSelectEntity: (key: string) => void;
}

/** Summaries longer than this open clamped (about four lines of a 400 px panel). */
const SUMMARY_CLAMP_CHARS = 220;

/** `kind_law_or_policy` from `law-or-policy`. */
export function kindKey(kind: string): MessageKey {
  return `kind_${kind.replace(/-/g, '_')}` as MessageKey;
}

/** The side panel's entity page: summary, key facts, filterable timeline, related entities. */
export function EntityView({ data, articleDate, onSelectEntity }: EntityViewProps) {
  // A long summary opens clamped to four lines, so the timeline is in reach.
  const [wholeSummary, setWholeSummary] = useState(false);
  return (
    <article class="bs-entity" aria-labelledby="bs-entity-name">
      <header>
        <h2 id="bs-entity-name">{data.entity.name}</h2>
        <p class="bs-kind">{t(kindKey(data.entity.kind))}</p>
      </header>
      <p id="bs-entity-summary" class={`bs-summary${wholeSummary ? '' : ' bs-clamped'}`}>
        {data.entity.summary}
      </p>
      {data.entity.summary.length > SUMMARY_CLAMP_CHARS && (
        <button
          type="button"
          class="bs-link bs-more"
          aria-expanded={wholeSummary}
          aria-controls="bs-entity-summary"
          onClick={() => setWholeSummary(!wholeSummary)}
        >
          {wholeSummary ? t('panelShowLess') : t('panelReadMore')}
        </button>
      )}
      {data.asOf && isAfterKnowledge(articleDate, data.asOf) && <KnowledgeNote asOf={data.asOf} />}
      {data.entity.facts.length > 0 && (
        <section aria-labelledby="bs-facts">
          <h3 id="bs-facts">{t('panelKeyFacts')}</h3>
          <dl class="bs-facts">
            {data.entity.facts.map((f, i) => (
              <div key={i}>
                <dt>{f.label}</dt>
                {/* A fact's date orders it; its value already says it in words. */}
                <dd>{f.value}</dd>
              </div>
            ))}
          </dl>
        </section>
      )}
      <section aria-labelledby="bs-timeline-heading">
        <h3 id="bs-timeline-heading">{t('panelTimeline')}</h3>
        <FilteredTimeline
          events={data.timeline}
          topics={data.topics}
          articleDate={articleDate}
          currentKey={data.entity.key}
          onSelectEntity={onSelectEntity}
        />
      </section>
      {data.related.length > 0 && (
        <section aria-labelledby="bs-related">
          <h3 id="bs-related">{t('panelRelated')}</h3>
          <div class="bs-chips">
            {data.related.map((r) => (
              <EntityChip key={r.key} entity={r} onSelect={onSelectEntity} />
            ))}
          </div>
        </section>
      )}
    </article>
  );
}

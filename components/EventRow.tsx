import type { TimelineItem } from '../data/queries';
import { DateLabel } from './DateLabel';
import { EntityChip } from './EntityChip';
import { SourceLink } from './SourceLink';

export interface EventRowProps {
  event: TimelineItem;
  /** Leave out the description and involved entities (the card). */
  compact?: boolean;
  /** The entity whose timeline this is, not repeated among the involved ones. */
  currentKey?: string;
  onSelectEntity?: (key: string) => void;
  /** Set apart as later than the article. */
  after?: boolean;
}

/** The id of an event's row, so the timeline picture can bring it into view. */
export const eventDomId = (key: string): string => `bs-event-${key}`;

/** One dated event: date, title, (description, involved entities), sources. */
export function EventRow({
  event,
  compact = false,
  currentKey,
  onSelectEntity,
  after = false,
}: EventRowProps) {
  const others = event.entities.filter((e) => e.key !== currentKey);
  return (
    <li
      id={compact ? undefined : eventDomId(event.key)}
      tabIndex={compact ? undefined : -1}
      class={`bs-event bs-importance-${event.importance}${after ? ' bs-after' : ''}`}
    >
      <DateLabel date={event.date} end={event.end} short={compact} />
      <span class="bs-event-title">{event.title}</span>
      {!compact && <p class="bs-event-description">{event.description}</p>}
      {!compact && others.length > 0 && (
        <span class="bs-event-entities">
          {others.map((e) => (
            <EntityChip key={e.key} entity={e} {...(onSelectEntity ? { onSelect: onSelectEntity } : {})} />
          ))}
        </span>
      )}
      <span class="bs-event-sources">
        {/* The card names the first (primary) source; the panel lists them all. */}
        {(compact ? event.sources.slice(0, 1) : event.sources).map((s, i) => (
          <SourceLink key={i} source={s} />
        ))}
      </span>
    </li>
  );
}

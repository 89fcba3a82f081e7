import { startKey } from '../data/dates';
import type { TimelineItem } from '../data/queries';
import { t } from '../utils/shared/i18n';
import { eventDomId, EventRow } from './EventRow';

export interface TimelineProps {
  events: readonly TimelineItem[];
  /** The article's day; a "this article" marker is drawn there and later events set apart. */
  articleDate?: string | undefined;
  currentKey?: string;
  onSelectEntity?: (key: string) => void;
}

interface YearGroup {
  year: string;
  items: (TimelineItem | 'marker')[];
}

/** Groups events by year and places the article marker among them. Pure, for tests. */
export function groupTimeline(events: readonly TimelineItem[], articleDate?: string): YearGroup[] {
  const groups: YearGroup[] = [];
  let markerPlaced = !articleDate;
  const push = (year: string, item: TimelineItem | 'marker') => {
    const last = groups[groups.length - 1];
    if (last && last.year === year) last.items.push(item);
    else groups.push({ year, items: [item] });
  };
  for (const event of events) {
    if (!markerPlaced && articleDate && startKey(event.date) > articleDate) {
      push(articleDate.slice(0, 4), 'marker');
      markerPlaced = true;
    }
    push(event.date.slice(0, 4), event);
  }
  if (!markerPlaced && articleDate) push(articleDate.slice(0, 4), 'marker');
  return groups;
}

/**
 * Brings an event's row into view and focus, and flashes it: what choosing a mark in
 * the timeline picture does. Smooth scrolling only where motion is welcome.
 */
export function revealEvent(key: string): void {
  const row = document.getElementById(eventDomId(key));
  if (!row) return;
  const still = window.matchMedia?.('(prefers-reduced-motion: reduce)').matches ?? true;
  row.scrollIntoView({ block: 'center', behavior: still ? 'auto' : 'smooth' });
  row.focus({ preventScroll: true });
  row.classList.remove('bs-flash');
  void row.offsetWidth; // restart the flash when the same row is chosen twice
  row.classList.add('bs-flash');
}

/** A full timeline grouped by year, with the article's date as a marker. */
export function Timeline({ events, articleDate, currentKey, onSelectEntity }: TimelineProps) {
  const groups = groupTimeline(events, articleDate);
  let after = false;
  return (
    <div class="bs-timeline">
      {groups.map((group) => (
        <section key={group.year} class="bs-year" aria-label={group.year}>
          <h3 class="bs-year-heading">{group.year}</h3>
          <ol class="bs-events">
            {group.items.map((item) => {
              if (item === 'marker') {
                after = true;
                // A list item holding the separator: a list may only contain list items.
                return (
                  <li key="marker" class="bs-article-marker">
                    <span role="separator" aria-label={t('panelThisArticle')}>
                      {t('panelThisArticle')}
                    </span>
                  </li>
                );
              }
              return (
                <EventRow
                  key={item.key}
                  event={item}
                  {...(currentKey ? { currentKey } : {})}
                  {...(onSelectEntity ? { onSelectEntity } : {})}
                  {...(after ? { after: true } : {})}
                />
              );
            })}
          </ol>
        </section>
      ))}
    </div>
  );
}

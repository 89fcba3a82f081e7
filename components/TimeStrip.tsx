import { useLayoutEffect, useMemo, useRef, useState } from 'preact/hooks';
import { formatDate } from '../data/dates';
import { t } from '../utils/shared/i18n';
import { layoutStrip, nearestMark, type ScaleEvent } from './time-scale';

export interface TimeStripProps {
  events: readonly (ScaleEvent & { title: string })[];
  articleDate?: string | undefined;
  /** A mark was chosen (click, Enter): show that event in the list. */
  onSelect: (key: string) => void;
}

const HEIGHT = 62;
const BASE = 40;

/**
 * The picture of time: each event a mark on a date axis (taller when more important,
 * darker where events crowd), the article's day as a line, later events in the "since"
 * colour. Pointer and keyboard (arrows, Home, End, Enter) show one event at a time.
 * Screen readers hear one sentence and read the list that follows instead.
 */
export function TimeStrip({ events, articleDate, onSelect }: TimeStripProps) {
  const wrap = useRef<HTMLDivElement>(null);
  const [width, setWidth] = useState(300);
  const [active, setActive] = useState(-1);

  useLayoutEffect(() => {
    const el = wrap.current;
    if (!el) return;
    const measure = () => setWidth(Math.max(160, Math.round(el.clientWidth) || 300));
    measure();
    if (typeof ResizeObserver === 'undefined') return;
    const observer = new ResizeObserver(measure);
    observer.observe(el);
    return () => observer.disconnect();
  }, []);

  const layout = useMemo(() => layoutStrip(events, articleDate, width), [events, articleDate, width]);
  const shown = active >= 0 ? events[active] : undefined;
  const mark = active >= 0 ? layout.marks[active] : undefined;
  if (events.length === 0) return null;

  const first = events[0]!;
  const last = events[events.length - 1]!;
  const label = t('stripLabel', [events.length, formatDate(first.date), formatDate(last.date)]);
  // Where keyboard focus starts: the last event up to the article (or the first).
  const startIndex = () => {
    const lastBefore = layout.marks.findLastIndex((m) => !m.after);
    return lastBefore >= 0 ? lastBefore : 0;
  };
  const onKeyDown = (e: KeyboardEvent) => {
    const from = active >= 0 ? active : startIndex();
    const next: Record<string, number> = {
      ArrowRight: Math.min(events.length - 1, from + 1),
      ArrowLeft: Math.max(0, from - 1),
      Home: 0,
      End: events.length - 1,
    };
    if (e.key in next) {
      e.preventDefault();
      setActive(next[e.key]!);
    } else if ((e.key === 'Enter' || e.key === ' ') && events[from]) {
      e.preventDefault();
      onSelect(events[from].key);
    }
  };
  const pointAt = (e: PointerEvent) => {
    const box = (e.currentTarget as Element).getBoundingClientRect();
    setActive(nearestMark(layout.marks, e.clientX - box.left));
  };

  return (
    <div
      ref={wrap}
      class="bs-strip"
      role="img"
      aria-label={label}
      tabIndex={0}
      onKeyDown={onKeyDown}
      onFocus={() => setActive((a) => (a >= 0 ? a : startIndex()))}
      onBlur={() => setActive(-1)}
    >
      <svg
        class="bs-strip-svg"
        width={width}
        height={HEIGHT}
        viewBox={`0 0 ${width} ${HEIGHT}`}
        aria-hidden="true"
        onPointerMove={pointAt}
        onPointerLeave={() => setActive(-1)}
        onClick={(e) => {
          const box = (e.currentTarget as Element).getBoundingClientRect();
          const i = nearestMark(layout.marks, e.clientX - box.left);
          if (events[i]) onSelect(events[i].key);
        }}
      >
        <line class="bs-strip-axis" x1={0} x2={width} y1={BASE + 0.5} y2={BASE + 0.5} />
        {layout.ticks.map((tick) => (
          <g key={tick.label} class="bs-strip-tick">
            <line x1={tick.x} x2={tick.x} y1={BASE} y2={BASE + 4} />
            <text x={tick.x} y={BASE + 16} text-anchor="middle">
              {tick.label}
            </text>
          </g>
        ))}
        {layout.marks.map((m, i) => (
          <rect
            key={m.key}
            class={`bs-strip-mark${m.after ? ' bs-after' : ''}${i === active ? ' bs-active' : ''}`}
            x={m.x - 1.5}
            y={BASE - m.height}
            width={3}
            height={m.height}
            rx={1}
          />
        ))}
        {layout.articleX !== undefined && (
          <g class="bs-strip-article">
            <line x1={layout.articleX} x2={layout.articleX} y1={2} y2={BASE + 6} />
            <path d={`M${layout.articleX - 4} 2h8l-4 5z`} />
          </g>
        )}
        {mark && <circle class="bs-strip-focus" cx={mark.x} cy={BASE - mark.height - 5} r={3} />}
      </svg>
      {/* One line under the picture names the event under the pointer or keyboard focus. */}
      <p class="bs-strip-tip" aria-hidden="true">
        {shown && (
          <>
            <span class="bs-date">{formatDate(shown.date)}</span> {shown.title}
          </>
        )}
      </p>
    </div>
  );
}

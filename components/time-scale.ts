/**
 * The geometry of the timeline picture, pure so it is tested without a renderer:
 * a linear date axis, one mark per event (taller for more important events), year
 * ticks that never crowd, and the article's day as a line.
 */
import { endKey, startKey } from '../data/dates';

export interface ScaleEvent {
  key: string;
  date: string;
  end?: string | undefined;
  importance: number;
}

export interface StripMark {
  key: string;
  /** Centre of the mark, in px from the left edge. */
  x: number;
  /** Height of the mark in px, by importance. */
  height: number;
  /** Later than the article. */
  after: boolean;
}

export interface StripTick {
  x: number;
  label: string;
}

export interface StripLayout {
  marks: StripMark[];
  ticks: StripTick[];
  /** Where the article's day falls, when it has one. */
  articleX?: number;
}

const DAY = 86_400_000;
/** Days since 1970 of a `YYYY-MM-DD` key. */
const dayOf = (key: string): number =>
  Date.UTC(Number(key.slice(0, 4)), Number(key.slice(5, 7)) - 1, Number(key.slice(8, 10))) / DAY;

/** Mark heights by importance 1–5. */
const HEIGHTS = [0, 8, 11, 15, 19, 23] as const;
/** Year steps a tick may take, smallest first. */
const STEPS = [1, 2, 5, 10, 20, 50, 100] as const;
/** Room one year label needs, in px. */
const LABEL_ROOM = 44;

/**
 * Lays out `events` (oldest first or not) on a strip `width` px wide with `pad` px at
 * each end. An event spanning days is placed at its first day; a coarse date ("2019")
 * at its first day too, like the list's order.
 */
export function layoutStrip(
  events: readonly ScaleEvent[],
  articleDate: string | undefined,
  width: number,
  pad = 12,
): StripLayout {
  if (events.length === 0 && !articleDate) return { marks: [], ticks: [] };
  const days = events.map((e) => dayOf(startKey(e.date)));
  const ends = events.map((e) => dayOf(endKey(e.end ?? e.date)));
  const article = articleDate ? dayOf(articleDate) : undefined;
  let lo = Math.min(...days, ...(article === undefined ? [] : [article]));
  let hi = Math.max(...days, ...ends, ...(article === undefined ? [] : [article]));
  // A single day or a very short span: show a year around it so marks do not pile up at the edges.
  if (hi - lo < 365) {
    const mid = (lo + hi) / 2;
    lo = mid - 183;
    hi = mid + 183;
  }
  const inner = Math.max(1, width - 2 * pad);
  const x = (day: number) => pad + ((day - lo) / (hi - lo)) * inner;
  const marks = events.map((e, i) => ({
    key: e.key,
    x: x(days[i]!),
    height: HEIGHTS[Math.min(5, Math.max(1, Math.round(e.importance)))]!,
    after: articleDate !== undefined && startKey(e.date) > articleDate,
  }));
  const firstYear = new Date(lo * DAY).getUTCFullYear();
  const lastYear = new Date(hi * DAY).getUTCFullYear();
  const pxPerYear = (inner * 365.25) / (hi - lo);
  const step = STEPS.find((s) => s * pxPerYear >= LABEL_ROOM) ?? STEPS[STEPS.length - 1]!;
  const ticks: StripTick[] = [];
  for (let year = Math.ceil(firstYear / step) * step; year <= lastYear; year += step) {
    const day = Date.UTC(year, 0, 1) / DAY;
    if (day < lo || day > hi) continue;
    ticks.push({ x: x(day), label: String(year) });
  }
  return { marks, ticks, ...(article === undefined ? {} : { articleX: x(article) }) };
}

/** The index of the mark nearest to `px` (the pointer), or -1 without marks. */
export function nearestMark(marks: readonly Pick<StripMark, 'x'>[], px: number): number {
  let best = -1;
  let distance = Infinity;
  marks.forEach((m, i) => {
    const d = Math.abs(m.x - px);
    if (d < distance) {
      best = i;
      distance = d;
    }
  });
  return best;
}

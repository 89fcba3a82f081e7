/**
 * Dates as packs write them: `YYYY`, `YYYY-MM` or `YYYY-MM-DD`, the form giving the
 * precision. Pure functions, no time zones: a date is a calendar day as written.
 */

export type Precision = 'year' | 'month' | 'day';

export interface PartialDate {
  year: number;
  month?: number;
  day?: number;
  precision: Precision;
}

const PATTERN = /^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?$/;

/** Parses a partial date; `undefined` for a malformed or impossible one (2019-02-30, month 13). */
export function parsePartialDate(value: string): PartialDate | undefined {
  const m = PATTERN.exec(value);
  if (!m) return undefined;
  const year = Number(m[1]);
  if (m[2] === undefined) return { year, precision: 'year' };
  const month = Number(m[2]);
  if (month < 1 || month > 12) return undefined;
  if (m[3] === undefined) return { year, month, precision: 'month' };
  const day = Number(m[3]);
  if (day < 1 || day > daysInMonth(year, month)) return undefined;
  return { year, month, day, precision: 'day' };
}

export function daysInMonth(year: number, month: number): number {
  return new Date(Date.UTC(year, month, 0)).getUTCDate();
}

/** True for a real calendar date in any of the three forms. */
export function isRealDate(value: string): boolean {
  return parsePartialDate(value) !== undefined;
}

/**
 * A sortable key: the first day the date covers (`2019` → `2019-01-01`). Events with a
 * coarser date sort before finer ones of the same first day, which reads naturally.
 */
export function startKey(value: string): string {
  const d = parsePartialDate(value);
  if (!d) return value;
  return `${pad(d.year, 4)}-${pad(d.month ?? 1)}-${pad(d.day ?? 1)}`;
}

/** The last day the date covers (`2019-02` → `2019-02-28`). */
export function endKey(value: string): string {
  const d = parsePartialDate(value);
  if (!d) return value;
  const month = d.month ?? 12;
  const day = d.day ?? daysInMonth(d.year, month);
  return `${pad(d.year, 4)}-${pad(month)}-${pad(day)}`;
}

/**
 * Where an event stands relative to an article's day: 'before' when it ended on or
 * before that day, 'after' when it starts after it; a coarse date that contains the
 * day ("2019" for an article of 3 July 2019) counts as before, since the article could
 * know of it.
 */
export function relativeTo(eventDate: string, articleDay: string): 'before' | 'after' {
  return startKey(eventDate) <= articleDay ? 'before' : 'after';
}

const MONTHS = [
  'January',
  'February',
  'March',
  'April',
  'May',
  'June',
  'July',
  'August',
  'September',
  'October',
  'November',
  'December',
] as const;

/**
 * A date at its precision in the reader's language: "2019", "May 2019", "16 May 2019"
 * ("16 May 2019" stays, "28 Jan 2020" with short months, as the card's narrow column
 * needs). Uses Intl when a locale is given, so translations follow the browser.
 */
export function formatDate(value: string, locale?: string, month: 'long' | 'short' = 'long'): string {
  const d = parsePartialDate(value);
  if (!d) return value;
  if (d.precision === 'year') return String(d.year);
  const date = new Date(Date.UTC(d.year, (d.month ?? 1) - 1, d.day ?? 1));
  if (locale) {
    const options: Intl.DateTimeFormatOptions =
      d.precision === 'month'
        ? { year: 'numeric', month, timeZone: 'UTC' }
        : { year: 'numeric', month, day: 'numeric', timeZone: 'UTC' };
    return new Intl.DateTimeFormat(locale, options).format(date);
  }
  const name = MONTHS[(d.month ?? 1) - 1]!;
  const shown = month === 'short' ? name.slice(0, 3) : name;
  return d.precision === 'month' ? `${shown} ${d.year}` : `${d.day} ${shown} ${d.year}`;
}

/** A span: "2019 – 2021", "May – June 2019" is kept simple as two formatted ends. */
export function formatSpan(
  start: string,
  end: string | undefined,
  locale?: string,
  month: 'long' | 'short' = 'long',
): string {
  if (!end || end === start) return formatDate(start, locale, month);
  return `${formatDate(start, locale, month)} – ${formatDate(end, locale, month)}`;
}

function pad(n: number, width = 2): string {
  return String(n).padStart(width, '0');
}

/** Whether an article dated `articleDate` is later than what a pack knows (its asOf day). */
export function isAfterKnowledge(articleDate: string | undefined, asOf: string | undefined): boolean {
  return !!articleDate && !!asOf && startKey(articleDate) > asOf;
}

import { formatSpan, startKey } from '../data/dates';

/**
 * A date at its own precision ("2019", "May 2019", "16 May 2019"; "16 May 2019" with
 * `short` months where room is tight), machine-readable too.
 */
export function DateLabel({
  date,
  end,
  short = false,
}: {
  date: string;
  end?: string | undefined;
  short?: boolean;
}) {
  return (
    <time class="bs-date" dateTime={date.length === 4 ? date : startKey(date).slice(0, date.length)}>
      {formatSpan(date, end, undefined, short ? 'short' : 'long')}
    </time>
  );
}

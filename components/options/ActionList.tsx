/**
 * A list of named items, each with one action button (sites turned on, sites turned off,
 * ignored terms): the options page's three lists are this one component.
 */
export function ActionList<T>(props: {
  items: readonly T[];
  /** Shown when there is nothing to list. */
  empty: string;
  labelledBy?: string;
  keyOf: (item: T) => string;
  name: (item: T) => string;
  action: string;
  /** The button's accessible name when the visible text alone does not say which item. */
  actionLabel?: (item: T) => string;
  onAction: (item: T) => void;
}) {
  if (props.items.length === 0) return <p class="bs-muted">{props.empty}</p>;
  return (
    <ul class="bs-plain-list" aria-labelledby={props.labelledBy}>
      {props.items.map((item) => (
        <li key={props.keyOf(item)}>
          <span>{props.name(item)}</span>{' '}
          <button
            type="button"
            class="bs-button"
            aria-label={props.actionLabel?.(item)}
            onClick={() => props.onAction(item)}
          >
            {props.action}
          </button>
        </li>
      ))}
    </ul>
  );
}

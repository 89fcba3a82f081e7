/** A small button whose accessible name and tooltip are its label (card bar, panel nav). */
export function IconButton(props: {
  label: string;
  glyph: string;
  onClick: () => void;
  pressed?: boolean;
  disabled?: boolean;
}) {
  return (
    <button
      type="button"
      class="bs-icon-button"
      onClick={props.onClick}
      aria-label={props.label}
      title={props.label}
      disabled={props.disabled}
      {...(props.pressed !== undefined ? { 'aria-pressed': props.pressed } : {})}
    >
      {props.glyph}
    </button>
  );
}

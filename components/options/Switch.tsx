import type { ComponentChildren } from 'preact';
import { useId } from 'preact/hooks';

/**
 * An on/off setting: a native checkbox with the switch role (so keyboard, forms and
 * assistive technology treat it as a switch), drawn as a track and thumb by options.css.
 * The label is the accessible name; the description, if any, is read after it.
 */
export function Switch(props: {
  checked: boolean;
  onChange: (on: boolean) => void;
  label: ComponentChildren;
  description?: ComponentChildren;
  disabled?: boolean;
}) {
  const id = useId();
  return (
    <div class="bs-switch-row">
      <label class="bs-switch">
        <span class="bs-switch-label">{props.label}</span>
        <input
          type="checkbox"
          role="switch"
          class="bs-switch-input"
          checked={props.checked}
          disabled={props.disabled}
          aria-describedby={props.description ? `${id}-d` : undefined}
          onChange={(e) => props.onChange((e.currentTarget as HTMLInputElement).checked)}
        />
      </label>
      {props.description && (
        <p id={`${id}-d`} class="bs-muted bs-switch-description">
          {props.description}
        </p>
      )}
    </div>
  );
}

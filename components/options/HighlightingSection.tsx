import { t } from '../../utils/shared/i18n';
import { PALETTES, type Appearance, type Density, type Palette } from '../../utils/shared/settings';
import type { OptionsActions, OptionsState } from '../OptionsView';

/**
 * Swatch colours of the palettes: the underline colours of utils/page/highlights.css
 * on light pages (tests/unit/contrast.test.ts keeps the two in step).
 */
export const PALETTE_SWATCHES: Record<Palette, string> = {
  amber: '#a15c00',
  blue: '#1a56db',
  green: '#0b7a3b',
  magenta: '#b0267a',
};

export function HighlightingSection({ state, actions }: { state: OptionsState; actions: OptionsActions }) {
  return (
    <section aria-labelledby="opt-highlighting">
      <h2 id="opt-highlighting">{t('optionsHighlighting')}</h2>
      <label class="bs-field">
        <span>{t('optionsDensity')}</span>
        <select
          value={state.density}
          onChange={(e) => actions.setDensity((e.currentTarget as HTMLSelectElement).value as Density)}
        >
          <option value="first-per-entity">{t('densityFirstPerEntity')}</option>
          <option value="first-per-section">{t('densityFirstPerSection')}</option>
          <option value="all">{t('densityAll')}</option>
        </select>
      </label>
      <label class="bs-field">
        <span>{t('optionsStyle')}</span>
        <select
          value={state.appearance.style}
          onChange={(e) =>
            actions.setAppearance({
              ...state.appearance,
              style: (e.currentTarget as HTMLSelectElement).value as Appearance['style'],
            })
          }
        >
          <option value="underline">{t('styleUnderline')}</option>
          <option value="background">{t('styleBackground')}</option>
          <option value="none">{t('styleNone')}</option>
        </select>
      </label>
      <fieldset class="bs-field bs-palette">
        <legend>{t('optionsPalette')}</legend>
        {PALETTES.map((palette) => (
          <label key={palette} class="bs-radio">
            <input
              type="radio"
              name="bs-palette"
              value={palette}
              checked={state.appearance.palette === palette}
              onChange={() => actions.setAppearance({ ...state.appearance, palette })}
            />
            <span
              class="bs-swatch"
              aria-hidden="true"
              style={{
                display: 'inline-block',
                width: '0.9em',
                height: '0.9em',
                margin: '0 0.3em',
                verticalAlign: 'middle',
                borderRadius: '50%',
                background: PALETTE_SWATCHES[palette],
              }}
            />
            <span>{t(`palette_${palette}` as const)}</span>
          </label>
        ))}
      </fieldset>
      <label class="bs-field">
        <span>{t('optionsDwell')}</span>
        <input
          type="number"
          min={100}
          max={2000}
          step={50}
          value={state.appearance.dwellMs}
          onChange={(e) => {
            const value = Number((e.currentTarget as HTMLInputElement).value);
            if (Number.isFinite(value)) {
              actions.setAppearance({ ...state.appearance, dwellMs: Math.min(2000, Math.max(100, value)) });
            }
          }}
        />
      </label>
    </section>
  );
}

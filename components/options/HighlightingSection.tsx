import { useRef } from 'preact/hooks';
import { t } from '../../utils/shared/i18n';
import {
  PALETTES,
  type Appearance,
  type Density,
  type HighlightStyle,
  type Palette,
} from '../../utils/shared/settings';
import { highlightNameOf, usePaintedText } from '../highlight-paint';
import type { OptionsActions, OptionsState } from '../OptionsView';
import { Group } from './Group';

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

const STYLES: { value: HighlightStyle; label: 'styleUnderline' | 'styleBackground' | 'styleNone' }[] = [
  { value: 'underline', label: 'styleUnderline' },
  { value: 'background', label: 'styleBackground' },
  { value: 'none', label: 'styleNone' },
];

/** A marker no translation contains, to split the preview sentence around its name. */
const SLOT = '\u0001';

/**
 * The live preview: a sentence whose name is painted by the page highlighter's own
 * stylesheet, under the highlight the chosen style and colour select.
 */
export function HighlightPreview({ appearance }: { appearance: Appearance }) {
  const mark = useRef<HTMLSpanElement>(null);
  const name = highlightNameOf(appearance);
  usePaintedText(name, () => (mark.current ? [mark.current] : []), null);
  const [before, after] = t('optionsPreviewSentence', SLOT).split(SLOT);
  return (
    <figure class="bs-preview">
      <figcaption class="bs-preview-caption">{t('optionsPreview')}</figcaption>
      <p class="bs-preview-text" aria-describedby={name ? undefined : 'opt-preview-none'}>
        {before}
        <span ref={mark} class="bs-preview-mark" data-highlight={name ?? 'none'}>
          {t('optionsPreviewName')}
        </span>
        {after}
      </p>
      {!name && (
        <p id="opt-preview-none" class="bs-muted">
          {t('optionsPreviewNone')}
        </p>
      )}
    </figure>
  );
}

export function HighlightingSection({ state, actions }: { state: OptionsState; actions: OptionsActions }) {
  const { appearance } = state;
  return (
    <Group id="opt-highlighting" title={t('optionsHighlighting')} help={t('optionsHighlightingHelp')}>
      <HighlightPreview appearance={appearance} />
      <fieldset class="bs-choice">
        <legend>{t('optionsStyle')}</legend>
        <div class="bs-segmented">
          {STYLES.map(({ value, label }) => (
            <label key={value} class="bs-segment">
              <input
                type="radio"
                name="bs-style"
                value={value}
                checked={appearance.style === value}
                onChange={() => actions.setAppearance({ ...appearance, style: value })}
              />
              <span>{t(label)}</span>
            </label>
          ))}
        </div>
      </fieldset>
      <fieldset class="bs-choice bs-palette">
        <legend>{t('optionsPalette')}</legend>
        <div class="bs-segmented">
          {PALETTES.map((palette) => (
            <label key={palette} class="bs-segment">
              <input
                type="radio"
                name="bs-palette"
                value={palette}
                checked={appearance.palette === palette}
                onChange={() => actions.setAppearance({ ...appearance, palette })}
              />
              <span class="bs-swatch" aria-hidden="true" style={{ background: PALETTE_SWATCHES[palette] }} />
              <span>{t(`palette_${palette}` as const)}</span>
            </label>
          ))}
        </div>
      </fieldset>
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
        <span>{t('optionsDwell')}</span>
        <input
          type="number"
          min={100}
          max={2000}
          step={50}
          value={appearance.dwellMs}
          onChange={(e) => {
            const value = Number((e.currentTarget as HTMLInputElement).value);
            if (Number.isFinite(value)) {
              actions.setAppearance({ ...appearance, dwellMs: Math.min(2000, Math.max(100, value)) });
            }
          }}
        />
      </label>
    </Group>
  );
}

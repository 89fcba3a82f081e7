import { useEffect, useRef, useState } from 'preact/hooks';
import type { TopicSummary } from '../data/queries';
import type { PackRecord } from '../data/records';
import type { Problem } from '../data/validate';
import { t, tCount } from '../utils/shared/i18n';
import { NEWS_SITES } from '../utils/shared/sites';
import {
  normalizeSite,
  PALETTES,
  type Appearance,
  type Density,
  type Palette,
  type TermOverride,
} from '../utils/shared/settings';

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

export interface OptionsState {
  enabled: boolean;
  topics: TopicSummary[];
  disabledTopics: string[];
  density: Density;
  appearance: Appearance;
  disabledSites: string[];
  /** Sites outside the manifest's list that the user turned on (each with its permission). */
  userSites: string[];
  packs: PackRecord[];
  ignoredTerms: TermOverride[];
}

export interface OptionsActions {
  setEnabled(enabled: boolean): void;
  setTopic(key: string, on: boolean): void;
  setDensity(density: Density): void;
  setAppearance(appearance: Appearance): void;
  removeSite(site: string): void;
  addSite(site: string): void;
  /** Gives a user site's permission back and stops registering the script there. */
  removeUserSite(site: string): void;
  importPack(text: string): Promise<Problem[]>;
  setPackEnabled(id: string, enabled: boolean): void;
  removePack(id: string): void;
  exportPack(id: string): void;
  restoreTerm(term: TermOverride): void;
  reset(): void;
}

/** The options page: topics, highlighting, sites, packs, ignored terms, reset. */
export function OptionsView({ state, actions }: { state: OptionsState; actions: OptionsActions }) {
  const [problems, setProblems] = useState<Problem[] | null>(null);
  const [importing, setImporting] = useState(false);
  const [newSite, setNewSite] = useState('');
  const [siteError, setSiteError] = useState(false);
  const [confirmReset, setConfirmReset] = useState(false);
  const resetButton = useRef<HTMLButtonElement>(null);
  const cancelButton = useRef<HTMLButtonElement>(null);
  // The confirmation replaces the button that opened it: keep keyboard focus with it
  // (on the safe choice), and give focus back to "Reset" when it closes.
  const opened = useRef(false);
  useEffect(() => {
    if (confirmReset) cancelButton.current?.focus();
    else if (opened.current) resetButton.current?.focus();
    opened.current = confirmReset;
  }, [confirmReset]);

  const onFile = async (file: File | undefined) => {
    if (!file) return;
    setImporting(true);
    try {
      setProblems(await actions.importPack(await file.text()));
    } finally {
      setImporting(false);
    }
  };

  return (
    <main class="bs-options">
      <h1>{t('optionsTitle')}</h1>
      <label class="bs-switch">
        <input
          type="checkbox"
          checked={state.enabled}
          onChange={(e) => actions.setEnabled((e.currentTarget as HTMLInputElement).checked)}
        />
        <span>{t('optionsEnabled')}</span>
      </label>

      <section aria-labelledby="opt-topics">
        <h2 id="opt-topics">{t('optionsTopics')}</h2>
        <ul class="bs-toggle-list">
          {state.topics.map((topic) => (
            <li key={topic.key}>
              <label class="bs-switch">
                <input
                  type="checkbox"
                  checked={!state.disabledTopics.includes(topic.key)}
                  onChange={(e) => actions.setTopic(topic.key, (e.currentTarget as HTMLInputElement).checked)}
                />
                <span>
                  {topic.label} <span class="bs-muted">({tCount('optionsEntities', topic.entityCount)})</span>
                </span>
              </label>
              <p class="bs-muted bs-indent">{topic.description}</p>
            </li>
          ))}
        </ul>
      </section>

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

      <section aria-labelledby="opt-sites">
        <h2 id="opt-sites">{t('optionsSites')}</h2>
        <p class="bs-muted">{t('optionsSitesModel', NEWS_SITES.length)}</p>
        <h3 id="opt-user-sites">{t('optionsUserSites')}</h3>
        {state.userSites.length === 0 ? (
          <p class="bs-muted">{t('optionsNoUserSites')}</p>
        ) : (
          <ul class="bs-plain-list" aria-labelledby="opt-user-sites">
            {state.userSites.map((site) => (
              <li key={site}>
                <span>{site}</span>{' '}
                <button
                  type="button"
                  class="bs-button"
                  aria-label={t('optionsRemoveUserSiteLabel', site)}
                  onClick={() => actions.removeUserSite(site)}
                >
                  {t('optionsRemove')}
                </button>
              </li>
            ))}
          </ul>
        )}
        <h3 id="opt-off-sites">{t('optionsOffSites')}</h3>
        <p class="bs-muted">{t('optionsSitesHelp')}</p>
        {state.disabledSites.length === 0 ? (
          <p class="bs-muted">{t('optionsNoOffSites')}</p>
        ) : (
          <ul class="bs-plain-list" aria-labelledby="opt-off-sites">
            {state.disabledSites.map((site) => (
              <li key={site}>
                <span>{site}</span>{' '}
                <button
                  type="button"
                  class="bs-button"
                  aria-label={t('optionsTurnBackOnLabel', site)}
                  onClick={() => actions.removeSite(site)}
                >
                  {t('optionsTurnBackOn')}
                </button>
              </li>
            ))}
          </ul>
        )}
        <form
          class="bs-inline-form"
          onSubmit={(e) => {
            e.preventDefault();
            const site = normalizeSite(newSite);
            setSiteError(!site && newSite.trim() !== '');
            if (!site) return;
            actions.addSite(site);
            setNewSite('');
          }}
        >
          <label>
            <span class="bs-visually-hidden">{t('optionsAddSiteLabel')}</span>
            <input
              type="text"
              value={newSite}
              placeholder="example.com"
              aria-invalid={siteError}
              aria-describedby={siteError ? 'opt-site-error' : undefined}
              onInput={(e) => setNewSite((e.currentTarget as HTMLInputElement).value)}
            />
          </label>
          <button type="submit" class="bs-button">
            {t('optionsAddSite')}
          </button>
        </form>
        {siteError && (
          <p id="opt-site-error" class="bs-note" role="alert">
            {t('optionsSiteInvalid')}
          </p>
        )}
      </section>

      <section aria-labelledby="opt-packs">
        <h2 id="opt-packs">{t('optionsPacks')}</h2>
        <ul class="bs-pack-list">
          {state.packs.map((pack) => (
            <li key={pack.id} class="bs-pack">
              <label class="bs-switch">
                <input
                  type="checkbox"
                  checked={pack.enabled}
                  onChange={(e) =>
                    actions.setPackEnabled(pack.id, (e.currentTarget as HTMLInputElement).checked)
                  }
                />
                <span>
                  <strong>{pack.title}</strong> <span class="bs-muted">v{pack.version}</span>
                </span>
              </label>
              <p class="bs-muted bs-indent">
                {t('optionsPackCounts', [pack.counts.entities, pack.counts.events, pack.asOf])}
                {' · '}
                {pack.origin === 'bundled' ? t('optionsBundled') : t('optionsImported')}
              </p>
              <div class="bs-indent">
                <button
                  type="button"
                  class="bs-button"
                  aria-label={t('optionsExportLabel', pack.title)}
                  onClick={() => actions.exportPack(pack.id)}
                >
                  {t('optionsExport')}
                </button>{' '}
                {pack.origin === 'imported' && (
                  <button
                    type="button"
                    class="bs-button"
                    aria-label={t('optionsRemovePackLabel', pack.title)}
                    onClick={() => actions.removePack(pack.id)}
                  >
                    {t('optionsRemove')}
                  </button>
                )}
              </div>
            </li>
          ))}
        </ul>
        <label class="bs-field">
          <span>{t('optionsImport')}</span>
          <input
            type="file"
            accept="application/json,.json"
            disabled={importing}
            onChange={(e) => void onFile((e.currentTarget as HTMLInputElement).files?.[0])}
          />
        </label>
        {problems !== null &&
          (problems.length === 0 ? (
            <p class="bs-ok" role="status">
              {t('optionsImportDone')}
            </p>
          ) : (
            <div role="alert" class="bs-problems">
              <p>{t('optionsImportFailed', problems.length)}</p>
              <ul>
                {problems.slice(0, 50).map((p, i) => (
                  <li key={i}>
                    <code>{p.path}</code> {p.message}
                  </li>
                ))}
              </ul>
            </div>
          ))}
      </section>

      <section aria-labelledby="opt-terms">
        <h2 id="opt-terms">{t('optionsTerms')}</h2>
        {state.ignoredTerms.length === 0 ? (
          <p class="bs-muted">{t('optionsNoTerms')}</p>
        ) : (
          <ul class="bs-plain-list">
            {state.ignoredTerms.map((term) => (
              <li key={`${term.entityId}:${term.text}`}>
                <span>“{term.text}”</span>{' '}
                <button type="button" class="bs-button" onClick={() => actions.restoreTerm(term)}>
                  {t('optionsRestoreTerm')}
                </button>
              </li>
            ))}
          </ul>
        )}
      </section>

      <section aria-labelledby="opt-reset">
        <h2 id="opt-reset" class="bs-visually-hidden">
          {t('optionsReset')}
        </h2>
        {confirmReset ? (
          <p
            role="alert"
            onKeyDown={(e) => {
              if (e.key !== 'Escape') return;
              e.preventDefault();
              setConfirmReset(false);
            }}
          >
            {t('optionsResetConfirm')}{' '}
            <button
              type="button"
              class="bs-button bs-danger"
              onClick={() => {
                actions.reset();
                setConfirmReset(false);
              }}
            >
              {t('optionsResetYes')}
            </button>{' '}
            <button type="button" class="bs-button" ref={cancelButton} onClick={() => setConfirmReset(false)}>
              {t('optionsCancel')}
            </button>
          </p>
        ) : (
          <button type="button" class="bs-button" ref={resetButton} onClick={() => setConfirmReset(true)}>
            {t('optionsReset')}
          </button>
        )}
      </section>
    </main>
  );
}

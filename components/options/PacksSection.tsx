import { useState } from 'preact/hooks';
import type { Problem } from '../../data/validate';
import { t } from '../../utils/shared/i18n';
import type { OptionsActions, OptionsState } from '../OptionsView';

/** Installed packs (enable, export, remove) and importing one, with every problem listed. */
export function PacksSection({ state, actions }: { state: OptionsState; actions: OptionsActions }) {
  const [problems, setProblems] = useState<Problem[] | null>(null);
  const [importing, setImporting] = useState(false);
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
  );
}

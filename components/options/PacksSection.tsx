import { useState } from 'preact/hooks';
import type { Problem } from '../../data/validate';
import { t } from '../../utils/shared/i18n';
import type { OptionsActions, OptionsState } from '../OptionsView';
import { Group } from './Group';
import { Switch } from './Switch';

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
    <Group id="opt-packs" title={t('optionsPacks')} help={t('optionsPacksHelp')}>
      <ul class="bs-pack-list">
        {state.packs.map((pack) => (
          <li key={pack.id} class="bs-pack">
            <Switch
              checked={pack.enabled}
              onChange={(on) => actions.setPackEnabled(pack.id, on)}
              label={
                <>
                  <strong>{pack.title}</strong> <span class="bs-muted">v{pack.version}</span>
                </>
              }
              description={
                <>
                  {t('optionsPackCounts', [pack.counts.entities, pack.counts.events, pack.asOf])}
                  {' · '}
                  {pack.origin === 'bundled' ? t('optionsBundled') : t('optionsImported')}
                </>
              }
            />
            <div class="bs-pack-actions">
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
      <label class="bs-field bs-import">
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
    </Group>
  );
}

import { useState } from 'preact/hooks';
import { t } from '../../utils/shared/i18n';
import { normalizeSite } from '../../utils/shared/settings';
import { NEWS_SITES } from '../../utils/shared/sites';
import type { OptionsActions, OptionsState } from '../OptionsView';
import { ActionList } from './ActionList';
import { Group } from './Group';

/** Where Backstory runs: sites turned on (with their permission), sites turned off, adding one. */
export function SitesSection({ state, actions }: { state: OptionsState; actions: OptionsActions }) {
  const [newSite, setNewSite] = useState('');
  const [siteError, setSiteError] = useState(false);
  const same = (site: string) => site;
  return (
    <Group id="opt-sites" title={t('optionsSites')} help={t('optionsSitesModel', NEWS_SITES.length)}>
      <h3 id="opt-user-sites">{t('optionsUserSites')}</h3>
      <ActionList
        items={state.userSites}
        empty={t('optionsNoUserSites')}
        labelledBy="opt-user-sites"
        keyOf={same}
        name={same}
        action={t('optionsRemove')}
        actionLabel={(site) => t('optionsRemoveUserSiteLabel', site)}
        onAction={actions.removeUserSite}
      />
      <h3 id="opt-off-sites">{t('optionsOffSites')}</h3>
      <p class="bs-muted">{t('optionsSitesHelp')}</p>
      <ActionList
        items={state.disabledSites}
        empty={t('optionsNoOffSites')}
        labelledBy="opt-off-sites"
        keyOf={same}
        name={same}
        action={t('optionsTurnBackOn')}
        actionLabel={(site) => t('optionsTurnBackOnLabel', site)}
        onAction={actions.removeSite}
      />
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
    </Group>
  );
}

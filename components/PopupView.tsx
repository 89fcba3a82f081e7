import type { EntityRef } from '../data/queries';
import { formatDate } from '../data/dates';
import { t } from '../utils/shared/i18n';

/** What the popup knows about the active tab. */
export type PopupState =
  | { status: 'loading' }
  | { status: 'restricted' }
  /**
   * No content script answered. `canEnable`: an http(s) page outside the manifest's
   * sites, where the user may turn Backstory on (which asks for the site's permission).
   */
  | { status: 'not-running'; site?: string; canEnable?: boolean }
  | {
      status: 'running';
      site: string;
      active: boolean;
      highlightApi: boolean;
      mentionCount: number;
      publishedAt?: string | undefined;
      /** The most mentioned entities, most first, with counts. */
      top: (EntityRef & { count: number })[];
    };

/** Progress of "Turn on for this site". */
export type EnableStatus = 'idle' | 'working' | 'denied' | 'failed';

export interface PopupViewProps {
  state: PopupState;
  siteEnabled: boolean;
  onToggleSite: (enabled: boolean) => void;
  /** Asks for the site's permission and starts Backstory there. */
  onEnableSite?: () => void;
  enableStatus?: EnableStatus;
  onOpenPanel: () => void;
  /** Opens the side panel on "Story so far". */
  onOpenStory: () => void;
  onOpenOptions: () => void;
}

/** The popup: the page's mentions at a glance, the site switch, and the way to the panel. */
export function PopupView({
  state,
  siteEnabled,
  onToggleSite,
  onEnableSite,
  enableStatus = 'idle',
  onOpenPanel,
  onOpenStory,
  onOpenOptions,
}: PopupViewProps) {
  const hasStory = state.status === 'running' && state.active && state.top.length > 0;
  const canEnable = state.status === 'not-running' && !!state.canEnable && !!state.site;
  return (
    <main class="bs-popup">
      <header class="bs-popup-header">
        <img src="/icon/32.png" alt="" width={20} height={20} />
        <h1>{t('extName')}</h1>
      </header>
      <PopupBody state={state} />
      {canEnable && (
        <div class="bs-enable-site">
          <p class="bs-muted">{t('popupEnableHelp')}</p>
          <button
            type="button"
            class="bs-button bs-primary"
            disabled={enableStatus === 'working'}
            onClick={onEnableSite}
          >
            {t('popupEnableSite', state.site)}
          </button>
          {enableStatus === 'denied' && (
            <p class="bs-note" role="alert">
              {t('popupEnableDenied')}
            </p>
          )}
          {enableStatus === 'failed' && (
            <p class="bs-note" role="alert">
              {t('popupEnableFailed')}
            </p>
          )}
        </div>
      )}
      {(state.status === 'running' || (state.status === 'not-running' && state.site && !canEnable)) && (
        <label class="bs-switch">
          <input
            type="checkbox"
            checked={siteEnabled}
            onChange={(e) => onToggleSite((e.currentTarget as HTMLInputElement).checked)}
          />
          <span>{t('popupSiteToggle', state.site ?? '')}</span>
        </label>
      )}
      <footer class="bs-popup-actions">
        {hasStory && (
          <button type="button" class="bs-button bs-primary bs-story-button" onClick={onOpenStory}>
            {t('popupStory')}
          </button>
        )}
        <button type="button" class={hasStory ? 'bs-button' : 'bs-button bs-primary'} onClick={onOpenPanel}>
          {t('popupOpenPanel')}
        </button>
        <button type="button" class="bs-button" onClick={onOpenOptions}>
          {t('popupOpenOptions')}
        </button>
      </footer>
    </main>
  );
}

function PopupBody({ state }: { state: PopupState }) {
  switch (state.status) {
    case 'loading':
      return <p class="bs-muted">{t('cardLoading')}</p>;
    case 'restricted':
      return <p class="bs-note">{t('popupNotReadable')}</p>;
    case 'not-running':
      return <p class="bs-note">{state.canEnable ? t('popupNotOnSite') : t('popupNotRunning')}</p>;
    case 'running':
      if (!state.active) return <p class="bs-note">{t('panelSiteOff')}</p>;
      return (
        <>
          <p class="bs-summary" aria-live="polite">
            {state.mentionCount === 0
              ? t('popupNoMentions')
              : t('popupMentionsCount', [state.mentionCount, state.top.length])}
          </p>
          <p class="bs-muted">
            {state.publishedAt ? t('popupPageDate', formatDate(state.publishedAt)) : t('popupPageNoDate')}
          </p>
          {!state.highlightApi && <p class="bs-note">{t('popupNoHighlightApi')}</p>}
          {state.top.length > 0 && (
            <>
              <h2>{t('popupTopEntities')}</h2>
              <ul class="bs-top">
                {state.top.slice(0, 5).map((e) => (
                  <li key={e.key}>
                    <span>{e.name}</span> <span class="bs-count">{e.count}</span>
                  </li>
                ))}
              </ul>
            </>
          )}
        </>
      );
  }
}

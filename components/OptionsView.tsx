import type { TopicSummary } from '../data/queries';
import type { PackRecord } from '../data/records';
import type { Problem } from '../data/validate';
import { t } from '../utils/shared/i18n';
import type { Appearance, Density, TermOverride } from '../utils/shared/settings';
import { HighlightingSection } from './options/HighlightingSection';
import { PacksSection } from './options/PacksSection';
import { ResetSection } from './options/ResetSection';
import { SitesSection } from './options/SitesSection';
import { Switch } from './options/Switch';
import { TermsSection } from './options/TermsSection';
import { TopicsSection } from './options/TopicsSection';

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

/** The options page: the global switch, then highlighting (with its live preview), topics, sites, packs, ignored terms, reset, each a titled group. */
export function OptionsView({ state, actions }: { state: OptionsState; actions: OptionsActions }) {
  return (
    <main class="bs-options">
      <header class="bs-options-header">
        <h1>{t('optionsTitle')}</h1>
        <div class="bs-group bs-master">
          <Switch
            checked={state.enabled}
            onChange={actions.setEnabled}
            label={<strong>{t('optionsEnabled')}</strong>}
            description={t('optionsEnabledHelp')}
          />
        </div>
      </header>
      <HighlightingSection state={state} actions={actions} />
      <TopicsSection state={state} actions={actions} />
      <SitesSection state={state} actions={actions} />
      <PacksSection state={state} actions={actions} />
      <TermsSection state={state} actions={actions} />
      <ResetSection actions={actions} />
    </main>
  );
}

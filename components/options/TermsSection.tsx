import { t } from '../../utils/shared/i18n';
import type { OptionsActions, OptionsState } from '../OptionsView';
import { ActionList } from './ActionList';

export function TermsSection({ state, actions }: { state: OptionsState; actions: OptionsActions }) {
  return (
    <section aria-labelledby="opt-terms">
      <h2 id="opt-terms">{t('optionsTerms')}</h2>
      <ActionList
        items={state.ignoredTerms}
        empty={t('optionsNoTerms')}
        keyOf={(term) => `${term.entityId}:${term.text}`}
        name={(term) => `“${term.text}”`}
        action={t('optionsRestoreTerm')}
        onAction={actions.restoreTerm}
      />
    </section>
  );
}

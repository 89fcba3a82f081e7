import { t } from '../../utils/shared/i18n';
import type { OptionsActions, OptionsState } from '../OptionsView';
import { ActionList } from './ActionList';
import { Group } from './Group';

export function TermsSection({ state, actions }: { state: OptionsState; actions: OptionsActions }) {
  return (
    <Group id="opt-terms" title={t('optionsTerms')} help={t('optionsTermsHelp')}>
      <ActionList
        items={state.ignoredTerms}
        empty={t('optionsNoTerms')}
        keyOf={(term) => `${term.entityId}:${term.text}`}
        name={(term) => `“${term.text}”`}
        action={t('optionsRestoreTerm')}
        onAction={actions.restoreTerm}
      />
    </Group>
  );
}

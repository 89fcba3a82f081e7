import { t, tCount } from '../../utils/shared/i18n';
import type { OptionsActions, OptionsState } from '../OptionsView';
import { Group } from './Group';
import { Switch } from './Switch';

export function TopicsSection({ state, actions }: { state: OptionsState; actions: OptionsActions }) {
  return (
    <Group id="opt-topics" title={t('optionsTopics')} help={t('optionsTopicsHelp')}>
      <ul class="bs-toggle-list">
        {state.topics.map((topic) => (
          <li key={topic.key}>
            <Switch
              checked={!state.disabledTopics.includes(topic.key)}
              onChange={(on) => actions.setTopic(topic.key, on)}
              label={
                <>
                  {topic.label} <span class="bs-muted">({tCount('optionsEntities', topic.entityCount)})</span>
                </>
              }
              description={topic.description}
            />
          </li>
        ))}
      </ul>
    </Group>
  );
}

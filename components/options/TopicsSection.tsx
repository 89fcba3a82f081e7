import { t, tCount } from '../../utils/shared/i18n';
import type { OptionsActions, OptionsState } from '../OptionsView';

export function TopicsSection({ state, actions }: { state: OptionsState; actions: OptionsActions }) {
  return (
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
  );
}

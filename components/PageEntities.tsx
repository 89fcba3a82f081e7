import type { EntityRef } from '../data/queries';
import { formatDate } from '../data/dates';
import { t, tCount } from '../utils/shared/i18n';
import { KnowledgeNote } from './KnowledgeNote';

export interface PageEntityGroup {
  topicKey: string;
  label: string;
  entities: (EntityRef & { count: number })[];
}

export type PageState =
  | { status: 'loading' }
  | { status: 'restricted' }
  | { status: 'not-running' }
  | { status: 'off' }
  | {
      status: 'ok';
      groups: PageEntityGroup[];
      publishedAt?: string | undefined;
      /** The latest asOf of the enabled packs, when the article is newer than it. */
      knowledgeEnds?: string | undefined;
    };

export interface PageEntitiesProps {
  page: PageState;
  onSelectEntity: (key: string) => void;
  onRevealMention: (key: string) => void;
}

/** What the panel's page views say when there is no page to show. */
export function PageStatusNote({ page }: { page: Exclude<PageState, { status: 'ok' }> }) {
  switch (page.status) {
    case 'loading':
      return <p class="bs-muted">{t('cardLoading')}</p>;
    case 'restricted':
      return <p class="bs-empty">{t('panelNotReadable')}</p>;
    case 'not-running':
      return <p class="bs-empty">{t('popupNotRunning')}</p>;
    case 'off':
      return <p class="bs-empty">{t('panelSiteOff')}</p>;
  }
}

/** "On this page": the entities found in the active tab, grouped by topic. */
export function PageEntities({ page, onSelectEntity, onRevealMention }: PageEntitiesProps) {
  switch (page.status) {
    case 'loading':
    case 'restricted':
    case 'not-running':
    case 'off':
      return <PageStatusNote page={page} />;
    case 'ok':
      return (
        <div class="bs-page-entities">
          <p class="bs-muted">
            {page.publishedAt ? t('popupPageDate', formatDate(page.publishedAt)) : t('popupPageNoDate')}
          </p>
          {page.knowledgeEnds && <KnowledgeNote asOf={page.knowledgeEnds} />}
          {page.groups.length === 0 ? (
            <p class="bs-empty">{t('panelNoMentions')}</p>
          ) : (
            page.groups.map((group) => (
              <section key={group.topicKey} aria-labelledby={`bs-group-${group.topicKey}`}>
                <h2 id={`bs-group-${group.topicKey}`}>{group.label}</h2>
                <ul class="bs-entity-list">
                  {group.entities.map((e) => (
                    <li key={e.key}>
                      <button type="button" class="bs-link" onClick={() => onSelectEntity(e.key)}>
                        {e.name}
                      </button>
                      <button
                        type="button"
                        class="bs-count-button"
                        onClick={() => onRevealMention(e.key)}
                        aria-label={`${tCount('panelMentions', e.count)}: ${t('panelJumpTo', e.name)}`}
                        title={t('panelJumpTo', e.name)}
                      >
                        {e.count}
                      </button>
                    </li>
                  ))}
                </ul>
              </section>
            ))
          )}
        </div>
      );
  }
}

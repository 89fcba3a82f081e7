import type { EntityCard } from '../data/queries';
import { t, tCount } from '../utils/shared/i18n';
import { EntityChip } from './EntityChip';
import { kindKey } from './EntityView';
import { EventRow } from './EventRow';
import { IconButton } from './IconButton';
import { KnowledgeNote } from './KnowledgeNote';

export type CardState = { status: 'loading' } | { status: 'error' } | { status: 'ready'; card: EntityCard };

export interface CardProps {
  state: CardState;
  /** The text as the page wrote it ("Huawei’s" minus the possessive), for "Don't highlight …". */
  term: string;
  pinned: boolean;
  canGoBack: boolean;
  onBack: () => void;
  onPin: () => void;
  onClose: () => void;
  onOpenTimeline: (entityId: string) => void;
  onSelectRelated: (entityId: string) => void;
  onIgnoreTerm: (entityId: string, term: string) => void;
  onHideTopic: (topicKey: string) => void;
  onSiteOff: () => void;
}

/** The first sentence of a summary: the one line a screen reader hears. */
export function firstSentence(text: string): string {
  const match = /^(.{20,}?[.!?])(\s|$)/.exec(text);
  return (match?.[1] ?? text).slice(0, 200);
}

/**
 * The start of a summary that a reader takes in at a glance: whole sentences up to about
 * `max` characters (at least the first sentence, cut with an ellipsis if even that is long).
 */
export function shortSummary(text: string, max = 280): string {
  const sentences = text.match(/[^.!?]+[.!?]+(?:["'”’)]*)(?:\s+|$)|[^.!?]+$/g) ?? [text];
  let out = '';
  for (const sentence of sentences) {
    if (out && (out + sentence).trim().length > max) break;
    out += sentence;
  }
  out = out.trim();
  return out.length > max + 80 ? `${out.slice(0, max).replace(/\s+\S*$/, '')}…` : out;
}

/**
 * The hover card: what the thing is, key facts, the few events that matter around the
 * article's date ("Since this article" set apart), related entities and the controls.
 */
export function Card(props: CardProps) {
  const { state } = props;
  const header = (
    <div class="bs-card-bar">
      {props.canGoBack && <IconButton label={t('panelBack')} glyph="←" onClick={props.onBack} />}
      <span class="bs-card-brand">{t('extName')}</span>
      <IconButton
        label={props.pinned ? t('cardUnpin') : t('cardPin')}
        glyph={props.pinned ? '●' : '○'}
        pressed={props.pinned}
        onClick={props.onPin}
      />
      <IconButton label={t('cardClose')} glyph="×" onClick={props.onClose} />
    </div>
  );
  if (state.status === 'loading') {
    return (
      <div class="bs-card" role="dialog" aria-label={t('extName')} aria-busy="true">
        {header}
        <p class="bs-card-muted">{t('cardLoading')}</p>
      </div>
    );
  }
  if (state.status === 'error') {
    return (
      <div class="bs-card" role="dialog" aria-label={t('extName')}>
        {header}
        <p class="bs-card-muted">{t('cardError')}</p>
      </div>
    );
  }
  const { card } = state;
  const { entity } = card;
  const primaryTopic = card.topics[0];
  const noDate = !card.articleDate;
  const noEvents = card.before.length === 0 && card.after.length === 0;
  return (
    <div
      class="bs-card"
      role="dialog"
      aria-labelledby="bs-card-name"
      aria-describedby="bs-card-line"
      data-entity={entity.key}
    >
      {header}
      <h2 id="bs-card-name" class="bs-card-name">
        {entity.name}
      </h2>
      <p class="bs-card-kind">{t(kindKey(entity.kind))}</p>
      <span id="bs-card-line" class="bs-sr-only">
        {firstSentence(entity.summary)}
      </span>
      <p class="bs-card-summary" title={entity.summary}>
        {shortSummary(entity.summary)}
      </p>
      {card.knowledgeEnds && <KnowledgeNote asOf={card.knowledgeEnds} />}
      {card.facts.length > 0 && (
        <dl class="bs-card-facts">
          {card.facts.map((f, i) => (
            <div key={i}>
              <dt>{f.label}</dt>
              <dd>{f.value}</dd>
            </div>
          ))}
        </dl>
      )}
      {noEvents ? (
        <p class="bs-card-muted">{t('cardNoEvents')}</p>
      ) : (
        <>
          {noDate && <p class="bs-card-note">{t('cardNoDate')}</p>}
          <ol class="bs-card-events" aria-label={t('panelTimeline')}>
            {card.before.map((e) => (
              <EventRow key={e.key} event={e} compact currentKey={entity.key} />
            ))}
          </ol>
          {card.after.length > 0 && (
            <section class="bs-card-since" aria-labelledby="bs-card-since">
              <h3 id="bs-card-since">{t('cardSinceArticle')}</h3>
              <ol class="bs-card-events">
                {card.after.map((e) => (
                  <EventRow key={e.key} event={e} compact after currentKey={entity.key} />
                ))}
              </ol>
              {card.moreAfter > 0 && <p class="bs-card-more">{tCount('cardMoreSince', card.moreAfter)}</p>}
            </section>
          )}
        </>
      )}
      {card.related.length > 0 && (
        <div class="bs-card-related" aria-label={t('panelRelated')} role="group">
          {card.related.slice(0, 6).map((r) => (
            <EntityChip key={r.key} entity={r} onSelect={props.onSelectRelated} />
          ))}
        </div>
      )}
      <div class="bs-card-actions">
        <button type="button" class="bs-card-primary" onClick={() => props.onOpenTimeline(entity.key)}>
          {t('cardOpenTimeline')}
        </button>
      </div>
      <details class="bs-card-controls">
        <summary>{t('cardMore')}</summary>
        <button type="button" onClick={() => props.onIgnoreTerm(entity.key, props.term)}>
          {t('cardIgnoreTerm', props.term)}
        </button>
        {primaryTopic && (
          <button type="button" onClick={() => props.onHideTopic(primaryTopic.key)}>
            {t('cardHideTopic', primaryTopic.label)}
          </button>
        )}
        <button type="button" onClick={props.onSiteOff}>
          {t('cardSiteOff')}
        </button>
      </details>
    </div>
  );
}

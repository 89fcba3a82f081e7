import { useState } from 'preact/hooks';
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
  /** "Story so far": the page's whole chronology in the side panel. */
  onOpenStory: () => void;
  onSelectRelated: (entityId: string) => void;
  onIgnoreTerm: (entityId: string, term: string) => void;
  onHideTopic: (topicKey: string) => void;
  onSiteOff: () => void;
}

/**
 * The first sentence of a summary: the card's one line and what a screen reader hears.
 * A first sentence longer than `max` is cut at a word, with an ellipsis.
 */
export function firstSentence(text: string, max = 240): string {
  const match = /^(.{20,}?[.!?])(\s|$)/.exec(text);
  return clampWords(match?.[1] ?? text, max);
}

/** `text` if it is at most `max` long, else its start cut at a word and ended with "…". */
export function clampWords(text: string, max: number): string {
  if (text.length <= max) return text;
  const cut = text.slice(0, max);
  const atWord = cut.replace(/\s+\S*$/, '');
  return `${(atWord.length >= max / 2 ? atWord : cut).trimEnd()}…`;
}

/**
 * The hover card leads with the backstory: name, kind, one line of what it is, then
 * the few events that matter around the article's date ("Since this article" set
 * apart), each with its date and source. The full summary, key facts, related
 * entities and the highlighting controls are one step away ("About …").
 */
export function Card(props: CardProps) {
  const { state } = props;
  const [details, setDetails] = useState(false);
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
      <p id="bs-card-line" class="bs-card-line" title={entity.summary}>
        {firstSentence(entity.summary)}
      </p>
      {card.knowledgeEnds && <KnowledgeNote asOf={card.knowledgeEnds} />}
      {noEvents ? (
        <p class="bs-card-muted">{t('cardNoEvents')}</p>
      ) : (
        <>
          {noDate && <p class="bs-card-note">{t('cardNoDate')}</p>}
          {card.before.length > 0 && (
            <ol class="bs-card-events" aria-label={t('panelTimeline')}>
              {card.before.map((e) => (
                <EventRow key={e.key} event={e} compact currentKey={entity.key} />
              ))}
            </ol>
          )}
          {card.after.length > 0 && (
            <section class="bs-card-since" aria-labelledby="bs-card-since">
              <div class="bs-card-since-head">
                <h3 id="bs-card-since">{t('cardSinceArticle')}</h3>
                {card.moreAfter > 0 && <p class="bs-card-more">{tCount('cardMoreSince', card.moreAfter)}</p>}
              </div>
              <ol class="bs-card-events">
                {card.after.map((e) => (
                  <EventRow key={e.key} event={e} compact after currentKey={entity.key} />
                ))}
              </ol>
            </section>
          )}
        </>
      )}
      <div class="bs-card-actions">
        <button type="button" class="bs-card-primary" onClick={() => props.onOpenTimeline(entity.key)}>
          {t('cardOpenTimeline')}
        </button>
        <button type="button" class="bs-card-secondary" onClick={props.onOpenStory}>
          {t('cardStory')}
        </button>
        <button
          type="button"
          class="bs-card-toggle"
          aria-expanded={details}
          aria-controls="bs-card-details"
          aria-label={t('cardDetailsLabel', entity.name)}
          onClick={() => setDetails(!details)}
        >
          {t('cardDetails')}
          <span aria-hidden="true">{details ? ' ▴' : ' ▾'}</span>
        </button>
      </div>
      {details && (
        <div id="bs-card-details" class="bs-card-details">
          <p class="bs-card-summary">{entity.summary}</p>
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
          {card.related.length > 0 && (
            <div class="bs-card-related" aria-label={t('panelRelated')} role="group">
              {card.related.slice(0, 6).map((r) => (
                <EntityChip key={r.key} entity={r} onSelect={props.onSelectRelated} />
              ))}
            </div>
          )}
          <div class="bs-card-controls" role="group" aria-label={t('cardMore')}>
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
          </div>
        </div>
      )}
    </div>
  );
}

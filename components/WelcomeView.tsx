import { useRef, useState } from 'preact/hooks';
import type { EntityCard } from '../data/queries';
import type { PassageSegment } from '../utils/extension/first-run-example';
import { t } from '../utils/shared/i18n';
import type { Appearance } from '../utils/shared/settings';
import { Card, type CardState } from './Card';
import { highlightNameOf, usePaintedText } from './highlight-paint';
import { CardSlot } from './welcome/CardSlot';

export interface WelcomeState {
  /** The example, marked by the stored matcher; undefined while the background still sets up. */
  passage: PassageSegment[][] | undefined;
  /** The example article's date (YYYY-MM-DD): the card chooses its events around it. */
  exampleDate: string;
  appearance: Appearance;
  newsSites: readonly string[];
  userSites: readonly string[];
}

export interface WelcomeActions {
  loadCard(entityId: string): Promise<EntityCard | null>;
  openOptions(): void;
  /** Opens the side panel, on an entity's timeline when one is given. */
  openPanel(entityId?: string): void;
}

interface Shown {
  /** Entities walked through (related chips), the last one shown. */
  stack: string[];
  term: string;
  state: CardState;
}

/**
 * The first-run page: what Backstory does, a live example (the real matcher's marks, the
 * real card), where it runs and how to add a site, where the options and the panel are.
 */
export function WelcomeView({ state, actions }: { state: WelcomeState; actions: WelcomeActions }) {
  const passage = useRef<HTMLDivElement>(null);
  const [shown, setShown] = useState<Shown>();
  const [pinned, setPinned] = useState(false);
  const [note, setNote] = useState(false);
  const request = useRef(0);

  usePaintedText(
    highlightNameOf(state.appearance),
    () => [...(passage.current?.querySelectorAll('.bs-demo-mark') ?? [])],
    state.passage,
  );

  const show = (stack: string[], term: string) => {
    const id = ++request.current;
    setNote(false);
    setShown({ stack, term, state: { status: 'loading' } });
    void actions.loadCard(stack[stack.length - 1]!).then(
      (card) => {
        if (id !== request.current) return;
        setShown({ stack, term, state: card ? { status: 'ready', card } : { status: 'error' } });
      },
      () => {
        if (id === request.current) setShown({ stack, term, state: { status: 'error' } });
      },
    );
  };
  /** Set while close() gives focus back to the mark, whose focus must not reopen the card. */
  const closing = useRef(false);
  const showMention = (entityId: string, term: string) => {
    if (closing.current) return;
    if (shown?.stack.length === 1 && shown.stack[0] === entityId) return;
    show([entityId], term);
  };
  const close = () => {
    const entityId = shown?.stack[0];
    request.current++;
    setShown(undefined);
    setPinned(false);
    closing.current = true;
    try {
      if (entityId)
        passage.current?.querySelector<HTMLElement>(`[data-entity="${CSS.escape(entityId)}"]`)?.focus();
    } finally {
      closing.current = false;
    }
  };
  const exampleOnly = () => setNote(true);
  // Escape closes the card, from a mark or from inside the card, as on a page.
  const onEscape = (e: KeyboardEvent) => {
    if (e.key !== 'Escape' || !shown) return;
    e.preventDefault();
    close();
  };

  return (
    <main class="bs-options bs-welcome">
      <header class="bs-options-header">
        <h1>{t('welcomeTitle')}</h1>
        <p class="bs-welcome-lead">{t('welcomeLead')}</p>
      </header>

      <section class="bs-group" aria-labelledby="welcome-try">
        <h2 id="welcome-try">{t('welcomeTry')}</h2>
        <p class="bs-muted bs-group-help">{t('welcomeTryHelp')}</p>
        <figure class="bs-preview bs-demo">
          <figcaption class="bs-preview-caption">
            {t('welcomeExampleLabel', longDate(state.exampleDate))}
          </figcaption>
          {state.passage ? (
            <div ref={passage} class="bs-preview-text" data-ready="true" onKeyDown={onEscape}>
              {state.passage.map((segments, i) => (
                <p key={i}>
                  {segments.map((s, j) =>
                    s.entityId ? (
                      <button
                        key={j}
                        type="button"
                        class="bs-demo-mark"
                        data-entity={s.entityId}
                        aria-expanded={shown?.stack[0] === s.entityId}
                        aria-controls="welcome-card"
                        onMouseEnter={() => showMention(s.entityId!, s.text)}
                        onFocus={() => showMention(s.entityId!, s.text)}
                        onClick={() => showMention(s.entityId!, s.text)}
                      >
                        {s.text}
                      </button>
                    ) : (
                      s.text
                    ),
                  )}
                </p>
              ))}
            </div>
          ) : (
            <p class="bs-muted" role="status">
              {t('welcomeExampleWaiting')}
            </p>
          )}
        </figure>
        <div id="welcome-card" class="bs-demo-card" onKeyDown={onEscape}>
          {shown ? (
            <CardSlot>
              <Card
                state={shown.state}
                term={shown.term}
                pinned={pinned}
                canGoBack={shown.stack.length > 1}
                onBack={() => show(shown.stack.slice(0, -1), shown.term)}
                onPin={() => setPinned(!pinned)}
                onClose={close}
                onOpenTimeline={(entityId) => actions.openPanel(entityId)}
                onOpenStory={exampleOnly}
                onSelectRelated={(entityId) => show([...shown.stack, entityId], shown.term)}
                onIgnoreTerm={exampleOnly}
                onHideTopic={exampleOnly}
                onSiteOff={exampleOnly}
              />
            </CardSlot>
          ) : (
            <p class="bs-muted">{t('welcomeCardHint')}</p>
          )}
          {note && (
            <p class="bs-note" role="status">
              {t('welcomeCardExampleOnly')}
            </p>
          )}
        </div>
      </section>

      <section class="bs-group" aria-labelledby="welcome-sites">
        <h2 id="welcome-sites">{t('welcomeSites')}</h2>
        <p>{t('welcomeSitesHelp', state.newsSites.length)}</p>
        <details class="bs-site-list">
          <summary>{t('welcomeSitesList')}</summary>
          <ul>
            {state.newsSites.map((site) => (
              <li key={site}>{site}</li>
            ))}
          </ul>
        </details>
        {state.userSites.length > 0 && <p>{t('welcomeUserSites', state.userSites.join(', '))}</p>}
        <p>{t('welcomeAddSite')}</p>
      </section>

      <section class="bs-group" aria-labelledby="welcome-more">
        <h2 id="welcome-more">{t('welcomeMore')}</h2>
        <p>{t('welcomeMoreHelp')}</p>
        <div class="bs-welcome-actions">
          <button type="button" class="bs-button bs-primary" onClick={actions.openOptions}>
            {t('welcomeOpenOptions')}
          </button>
          <button type="button" class="bs-button" onClick={() => actions.openPanel()}>
            {t('welcomeOpenPanel')}
          </button>
        </div>
      </section>
    </main>
  );
}

/** "20 September 2020" for 2020-09-20, whatever the reader's time zone. */
function longDate(iso: string): string {
  return new Date(`${iso}T00:00:00Z`).toLocaleDateString('en-GB', {
    day: 'numeric',
    month: 'long',
    year: 'numeric',
    timeZone: 'UTC',
  });
}

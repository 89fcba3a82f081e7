/**
 * The hover card's side of the content script: hit-testing the pointer against the marked
 * mentions, the hover rules (dwell, grace, pin), the per-page cache of card data fetched
 * from the background, and the card's own actions (ignore a term, hide a topic, turn
 * the site off). Every listener is tied to the WXT context.
 */
import { browser } from 'wxt/browser';
import type { ContentScriptContext } from 'wxt/utils/content-script-context';
import type { EntityCard } from '../../data/queries';
import { toBackground } from '../shared/messaging';
import { HoverTracker } from './hover';
import { importCardUi, LazyCard } from './lazy-card';
import { appendToStoredList, LIST_KEYS } from './page-storage';
import type { Mention, PageScan } from './scan';

export interface PageCardHost {
  doc: Document;
  win: Window;
  site: () => string;
  /** The current scan, whose marked mentions can be hovered. */
  scan: () => PageScan | undefined;
  /** The article's publication day, which the card's events are chosen around. */
  articleDate: () => string | undefined;
  dwellMs: () => number;
}

export class PageCard {
  private readonly cards = new Map<string, Promise<EntityCard | null>>();
  private readonly card: LazyCard;
  private readonly hover: HoverTracker<Mention>;
  private openMention: Mention | undefined;

  constructor(
    private readonly ctx: ContentScriptContext,
    private readonly host: PageCardHost,
  ) {
    this.card = new LazyCard(
      this.ctx,
      {
        load: (id) => this.loadCard(id),
        openTimeline: (entityId) =>
          void toBackground.sendMessage('contentOpenTimeline', { entityId }).catch(() => undefined),
        openStory: () => void toBackground.sendMessage('contentOpenStory', undefined).catch(() => undefined),
        // Raw appends to the settings' lists (see page-storage.ts for why not the items).
        ignoreTerm: (entityId, text) => void appendToStoredList(LIST_KEYS.ignoredTerms, { entityId, text }),
        hideTopic: (topic) => void appendToStoredList(LIST_KEYS.disabledTopics, topic),
        siteOff: () => void appendToStoredList(LIST_KEYS.disabledSites, this.host.site()),
        pointer: (inside) => (inside ? this.hover.cardEnter() : this.hover.cardLeave()),
        closed: () => {
          this.openMention = undefined;
          this.hover.reset();
        },
      },
      () => importCardUi(browser.runtime.getURL('/card-ui.js')),
    );
    this.hover = new HoverTracker<Mention>({
      dwellMs: this.host.dwellMs,
      graceMs: 300,
      setTimeout: (fn, ms) => this.ctx.setTimeout(fn, ms),
      clearTimeout: (id) => clearTimeout(id),
      hitTest: (x, y) => this.host.scan()?.hitTest(x, y),
      prefetch: (m) => {
        void this.loadCard(m.entityId);
        this.card.prefetch();
      },
      open: (m) => this.open(m, false),
      close: () => this.card.close(),
      openFor: () => this.openMention,
      isPinned: () => this.card.isPinned,
    });
    let frame = 0;
    let point: { x: number; y: number } | undefined;
    this.ctx.addEventListener(
      this.host.win,
      'pointermove',
      (e: PointerEvent) => {
        if (e.pointerType === 'touch') return;
        point = { x: e.clientX, y: e.clientY };
        // One hit-test per frame at most, never per event.
        frame ||= this.ctx.requestAnimationFrame(() => {
          frame = 0;
          if (point) this.hover.pointerMove(point.x, point.y);
        });
      },
      { passive: true },
    );
    this.ctx.addEventListener(this.host.doc.documentElement, 'mouseleave', () => this.hover.pointerLeave(), {
      passive: true,
    });
    this.ctx.addEventListener(
      this.host.win,
      'keydown',
      (e: KeyboardEvent) => {
        if (e.key === 'Escape' && this.openMention) this.card.close();
      },
      { capture: true },
    );
  }

  /** A new page (SPA navigation): forget cached cards and close the open one. */
  reset(): void {
    this.cards.clear();
    this.card.close();
  }

  /** Card data, fetched once per entity per page from the background. */
  private loadCard(entityId: string): Promise<EntityCard | null> {
    let pending = this.cards.get(entityId);
    if (!pending) {
      pending = toBackground
        .sendMessage('contentGetEntityCard', {
          entityId,
          ...(this.host.articleDate() ? { articleDate: this.host.articleDate()! } : {}),
        })
        .catch(() => null);
      // A failed answer is not cached: the next hover asks again.
      void pending.then((card) => {
        if (!card) this.cards.delete(entityId);
      });
      this.cards.set(entityId, pending);
    }
    return pending;
  }

  /** Opens the card on a mention (the keyboard command moves focus into it). */
  open(mention: Mention, focus: boolean): void {
    if (!mention.range) return;
    this.openMention = mention;
    void this.card.open(
      {
        entityId: mention.entityId,
        range: mention.range,
        context: mention.block.element,
        term: mention.range.toString(),
      },
      { focus },
    );
  }
}

/**
 * The hover card on the page: a `backstory-card` element with a shadow root (WXT's
 * createShadowRootUi), styled by a constructed stylesheet (so a strict CSP cannot block
 * it and page CSS cannot reach it), positioned with floating-ui against the mention's
 * range. Mounted only while a card is open, so the page's DOM is untouched otherwise.
 */
import { autoUpdate, computePosition, flip, inline, offset, shift, size } from '@floating-ui/dom';
import { render } from 'preact';
import type { ContentScriptContext } from 'wxt/utils/content-script-context';
import { createShadowRootUi, type ShadowRootContentScriptUi } from 'wxt/utils/content-script-ui/shadow-root';
import { Card, type CardState } from '../../components/Card';
import cardCss from '../../components/card.css?inline';
import type { EntityCard } from '../../data/queries';
import { adoptStyles } from '../../utils/page/adopt-styles';

export interface CardTarget {
  entityId: string;
  range: Range;
  /** The element scrolling ancestors are found from. */
  context: Element;
  term: string;
}

export interface CardActions {
  load: (entityId: string) => Promise<EntityCard | null>;
  openTimeline: (entityId: string) => void;
  openStory: () => void;
  ignoreTerm: (entityId: string, term: string) => void;
  hideTopic: (topicKey: string) => void;
  siteOff: () => void;
  /** The pointer entered or left the card (hover rules). */
  pointer: (inside: boolean) => void;
  /** The card closed (any reason). */
  closed: () => void;
}

const FOCUSABLE = 'button, a[href], summary, [tabindex]:not([tabindex="-1"])';

export class CardUi {
  private ui: ShadowRootContentScriptUi<HTMLElement> | undefined;
  private target: CardTarget | undefined;
  private stack: string[] = [];
  private state: CardState = { status: 'loading' };
  private pinned = false;
  private stopAutoUpdate: (() => void) | undefined;
  private returnFocus: Element | null = null;
  private request = 0;
  /** Keyboard-opened: move focus in once the content is drawn. */
  private wantsFocus = false;
  /** When the dwell ended (open was called), for the benchmark's user-timing mark. */
  private openedAt: number | undefined;

  constructor(
    private readonly ctx: ContentScriptContext,
    private readonly actions: CardActions,
  ) {}

  get openFor(): CardTarget | undefined {
    return this.target;
  }

  get isPinned(): boolean {
    return this.pinned;
  }

  get host(): HTMLElement | undefined {
    return this.ui?.shadowHost;
  }

  /** Opens (or moves) the card to `target`; `focus` moves keyboard focus into it. */
  async open(target: CardTarget, { focus = false }: { focus?: boolean } = {}): Promise<void> {
    this.openedAt = performance.now();
    if (focus) this.returnFocus = document.activeElement;
    this.target = target;
    this.stack = [target.entityId];
    this.pinned = false;
    const ui = await this.mount();
    if (this.target !== target) return;
    this.wantsFocus = focus;
    this.show(target.entityId);
    this.position(ui);
  }

  close(): void {
    if (!this.target) return;
    this.target = undefined;
    this.stack = [];
    this.pinned = false;
    this.wantsFocus = false;
    this.ui?.remove(); // onRemove unmounts the tree and stops autoUpdate
    const back = this.returnFocus;
    this.returnFocus = null;
    if (back instanceof HTMLElement && back.isConnected) back.focus({ preventScroll: true });
    this.actions.closed();
  }

  private async mount(): Promise<ShadowRootContentScriptUi<HTMLElement>> {
    if (!this.ui) {
      this.ui = await createShadowRootUi<HTMLElement>(this.ctx, {
        name: 'backstory-card',
        position: 'inline',
        anchor: 'body',
        append: 'last',
        inheritStyles: true,
        isolateEvents: ['keydown', 'keyup', 'keypress'],
        onMount: (container, shadow, host) => {
          adoptStyles(shadow, cardCss);
          host.setAttribute('data-backstory-ui', '');
          host.addEventListener('pointerenter', () => this.actions.pointer(true));
          host.addEventListener('pointerleave', () => this.actions.pointer(false));
          const app = document.createElement('div');
          app.className = 'bs-card-app';
          app.addEventListener('keydown', (e) => this.onKey(e));
          // WXT hands over the shadow root's <body>, where isolateEvents listens.
          container.append(app);
          return app;
        },
        // Called by remove() and by WXT when the content script is invalidated (an update,
        // a second injection): nothing of a pinned card may outlive it.
        onRemove: (app) => {
          this.stopAutoUpdate?.();
          this.stopAutoUpdate = undefined;
          if (app) render(null, app);
        },
      });
    }
    if (!this.ui.mounted) this.ui.mount();
    return this.ui;
  }

  private app(): HTMLElement | undefined {
    return this.ui?.mounted;
  }

  private cardElement(): HTMLElement | null {
    return this.app()?.querySelector<HTMLElement>('.bs-card') ?? null;
  }

  private show(entityId: string): void {
    const run = ++this.request;
    this.state = { status: 'loading' };
    this.draw();
    this.actions.load(entityId).then(
      (card) => {
        if (run !== this.request || !this.target) return;
        this.state = card ? { status: 'ready', card } : { status: 'error' };
        this.draw();
        if (this.ui) this.position(this.ui);
        if (this.openedAt !== undefined) {
          // Diagnostics: from the end of the dwell to the card drawn with its data.
          performance.mark('backstory-card-shown', { detail: { ms: performance.now() - this.openedAt } });
          this.openedAt = undefined;
        }
        if (this.wantsFocus) {
          this.wantsFocus = false;
          this.focusFirst();
        }
      },
      () => {
        if (run !== this.request || !this.target) return;
        this.state = { status: 'error' };
        this.draw();
        if (this.wantsFocus) {
          this.wantsFocus = false;
          this.focusFirst();
        }
      },
    );
  }

  private draw(): void {
    const app = this.app();
    const target = this.target;
    if (!app || !target) return;
    render(
      // Keyed by entity: "About …" opens closed for each entity the card shows.
      <Card
        key={this.stack[this.stack.length - 1]}
        state={this.state}
        term={target.term}
        pinned={this.pinned}
        canGoBack={this.stack.length > 1}
        onBack={() => {
          this.stack.pop();
          this.show(this.stack[this.stack.length - 1]!);
        }}
        onPin={() => {
          this.pinned = !this.pinned;
          this.draw();
        }}
        onClose={() => this.close()}
        onOpenTimeline={(id) => this.actions.openTimeline(id)}
        onOpenStory={() => this.actions.openStory()}
        onSelectRelated={(id) => {
          this.stack.push(id);
          this.show(id);
        }}
        onIgnoreTerm={(id, term) => {
          this.actions.ignoreTerm(id, term);
          this.close();
        }}
        onHideTopic={(topic) => {
          this.actions.hideTopic(topic);
          this.close();
        }}
        onSiteOff={() => {
          this.actions.siteOff();
          this.close();
        }}
      />,
      app,
    );
  }

  /** Anchors the card to the mention; flips and shifts to stay in view, never over the mention. */
  private position(ui: ShadowRootContentScriptUi<HTMLElement>): void {
    const target = this.target;
    const floating = this.cardElement();
    if (!target || !floating || !ui.mounted) return;
    const reference = {
      getBoundingClientRect: () => target.range.getBoundingClientRect(),
      getClientRects: () => target.range.getClientRects(),
      contextElement: target.context,
    };
    const update = () => {
      const rect = target.range.getBoundingClientRect();
      const outOfView =
        rect.bottom < 0 || rect.top > window.innerHeight || (rect.width === 0 && rect.height === 0);
      if (outOfView && !this.pinned) {
        this.close();
        return;
      }
      const el = this.cardElement();
      if (!el) return;
      void computePosition(reference, el, {
        strategy: 'fixed',
        placement: 'bottom-start',
        middleware: [
          inline(),
          offset(6),
          flip({ padding: 8, fallbackPlacements: ['top-start', 'bottom-end', 'top-end'] }),
          shift({ padding: 8, crossAxis: false }),
          size({
            padding: 8,
            apply({ availableHeight, elements }) {
              elements.floating.style.maxHeight = `${Math.max(140, Math.min(480, Math.floor(availableHeight)))}px`;
            },
          }),
        ],
      }).then(({ x, y }) => {
        el.style.left = `${Math.round(x)}px`;
        el.style.top = `${Math.round(y)}px`;
      });
    };
    this.stopAutoUpdate?.();
    this.stopAutoUpdate = autoUpdate(reference, floating, update, { animationFrame: false });
  }

  /** Controls that can take focus now (not inside a closed disclosure). */
  private focusables(): HTMLElement[] {
    return [...(this.cardElement()?.querySelectorAll<HTMLElement>(FOCUSABLE) ?? [])].filter((el) => {
      const details = el.closest('details');
      return (!details || details.open || el.tagName === 'SUMMARY') && el.getClientRects().length > 0;
    });
  }

  private focusFirst(): void {
    // The first control after the bar's buttons: usually "Open timeline" or a link.
    requestAnimationFrame(() => {
      const list = this.focusables();
      (list.find((el) => el.classList.contains('bs-card-primary')) ?? list[0])?.focus();
    });
  }

  private onKey(e: KeyboardEvent): void {
    if (e.key === 'Escape') {
      e.preventDefault();
      this.close();
      return;
    }
    if (e.key !== 'Tab') return;
    // Tab cycles within the card.
    const list = this.focusables();
    if (list.length === 0) return;
    const active = this.ui?.shadow.activeElement;
    const index = list.indexOf(active as HTMLElement);
    const next = e.shiftKey
      ? index <= 0
        ? list.length - 1
        : index - 1
      : index === list.length - 1
        ? 0
        : index + 1;
    e.preventDefault();
    list[next]?.focus();
  }
}

/**
 * Loads the card UI on demand. The content script stays small (matching and
 * highlighting only); the card's code is a separate file, web-accessible only through
 * a per-session dynamic URL, imported into the content script's own world on the first
 * hover (while the dwell runs) and reused afterwards.
 */
import type { ContentScriptContext } from 'wxt/utils/content-script-context';
import type { CardActions, CardTarget, CardUi } from '../../entrypoints/card-ui/card-ui';
import { importGlobal } from './page-loader';

export const CARD_UI_GLOBAL = '__backstoryCardUi';

type CardUiClass = new (ctx: ContentScriptContext, actions: CardActions) => CardUi;

export class LazyCard {
  private real: CardUi | undefined;
  private loading: Promise<CardUi | undefined> | undefined;

  constructor(
    private readonly ctx: ContentScriptContext,
    private readonly actions: CardActions,
    /** Imports the card UI file and returns its class (injected for tests). */
    private readonly load: () => Promise<CardUiClass | undefined>,
  ) {}

  /** Starts loading the UI without opening anything. */
  prefetch(): void {
    void this.ensure();
  }

  async open(target: CardTarget, options?: { focus?: boolean }): Promise<void> {
    const card = await this.ensure();
    await card?.open(target, options);
  }

  close(): void {
    this.real?.close();
  }

  get isPinned(): boolean {
    return this.real?.isPinned ?? false;
  }

  private ensure(): Promise<CardUi | undefined> {
    this.loading ??= this.load().then(
      (Ui) => {
        if (!Ui) throw new Error('card UI did not register');
        this.real = new Ui(this.ctx, this.actions);
        return this.real;
      },
      (error: unknown) => {
        // Let a later hover try again.
        this.loading = undefined;
        console.warn('[backstory] could not load the card UI', error);
        return undefined;
      },
    );
    return this.loading;
  }
}

/** Imports the built card-ui.js through its extension URL. */
export function importCardUi(url: string): Promise<CardUiClass | undefined> {
  return importGlobal<CardUiClass>(url, CARD_UI_GLOBAL);
}

import { defineUnlistedScript } from 'wxt/utils/define-unlisted-script';
import { CardUi } from './card-ui';
import { CARD_UI_GLOBAL } from '../../utils/page/lazy-card';

// The card's UI (Preact, floating-ui, styles) is loaded by the content script on the
// first hover, so pages pay for it only when a reader asks for a card.
export default defineUnlistedScript(() => {
  (globalThis as Record<string, unknown>)[CARD_UI_GLOBAL] = CardUi;
});

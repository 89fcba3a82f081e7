import { render, type ComponentChildren } from 'preact';
import { useLayoutEffect, useRef } from 'preact/hooks';
import cardCss from '../card.css?inline';

/**
 * Shows the hover card in our own page as the content script shows it on an article:
 * inside a shadow root with card.css alone, so the page's styles and the card's never
 * meet. Here it sits in the flow under the example instead of floating by the mention.
 */
const IN_FLOW = `:host { all: initial !important; display: block !important; position: static !important;
  width: auto !important; height: auto !important; }
.bs-card { position: static; max-height: none; }`;

export function CardSlot({ children }: { children: ComponentChildren }) {
  const host = useRef<HTMLDivElement>(null);
  const mount = useRef<HTMLDivElement | null>(null);
  useLayoutEffect(() => {
    const el = host.current;
    if (!el) return;
    const root = el.shadowRoot ?? el.attachShadow({ mode: 'open' });
    const style = document.createElement('style');
    style.textContent = `${cardCss}\n${IN_FLOW}`;
    const div = document.createElement('div');
    root.append(style, div);
    mount.current = div;
    return () => {
      render(null, div);
      style.remove();
      div.remove();
      mount.current = null;
    };
  }, []);
  useLayoutEffect(() => {
    if (mount.current) render(<>{children}</>, mount.current);
  });
  return <div ref={host} class="bs-card-slot" />;
}

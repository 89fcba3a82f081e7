import { fireEvent, render, screen, waitFor, within } from '@testing-library/preact';
import userEvent from '@testing-library/user-event';
import { describe, expect, it, vi } from 'vitest';
import { WelcomeView, type WelcomeActions, type WelcomeState } from '../../components/WelcomeView';
import type { EntityCard } from '../../data/queries';
import { stubHighlightApi } from '../fixtures/fake-highlights';

function card(key: string, name: string): EntityCard {
  return {
    entity: {
      key,
      id: key.split(':')[1]!,
      packId: 'p',
      name,
      kind: 'company',
      summary: `${name} is an example entity used by the first-run page test.`,
      aliases: [{ text: name, caseSensitive: false }],
      topics: [],
      facts: [],
      related: [],
    } as unknown as EntityCard['entity'],
    facts: [],
    before: [],
    after: [],
    moreAfter: 0,
    totalBefore: 0,
    totalAfter: 0,
    articleDate: '2020-09-20',
    related: [{ key: 'p:tsmc', name: 'TSMC', kind: 'company' }],
    topics: [],
  };
}

function state(overrides: Partial<WelcomeState> = {}): WelcomeState {
  return {
    passage: [
      [
        { text: 'The US added ' },
        { text: 'Huawei', entityId: 'p:huawei' },
        { text: ' to the ' },
        { text: 'Entity List', entityId: 'p:entity-list' },
        { text: '.' },
      ],
    ],
    exampleDate: '2020-09-20',
    appearance: { style: 'underline', palette: 'amber', dwellMs: 400 },
    newsSites: ['apnews.com', 'bbc.com'],
    userSites: [],
    ...overrides,
  };
}

function actions(): WelcomeActions {
  return {
    loadCard: vi.fn(async (id: string) =>
      id === 'p:huawei' ? card(id, 'Huawei') : id === 'p:tsmc' ? card(id, 'TSMC') : null,
    ),
    openOptions: vi.fn(),
    openPanel: vi.fn(),
  };
}

/**
 * The open card (inside the slot's shadow root), with its secondary part shown: where the
 * card keeps related entities and its page controls behind a disclosure, it is opened.
 */
async function openCard(): Promise<HTMLElement> {
  const card = document.querySelector('.bs-card-slot')!.shadowRoot!.querySelector<HTMLElement>('.bs-card')!;
  const disclosure = card.querySelector('[aria-controls="bs-card-details"]');
  if (disclosure?.getAttribute('aria-expanded') === 'false') await userEvent.click(disclosure);
  return card;
}

/** The card's heading, rendered inside the slot's shadow root. */
function cardName(): string | undefined {
  const host = document.querySelector('.bs-card-slot');
  return host?.shadowRoot?.querySelector('.bs-card-name')?.textContent ?? undefined;
}

describe('WelcomeView', () => {
  it('shows the example with its marks as buttons, and waits while there is no matcher', () => {
    const { rerender } = render(<WelcomeView state={state({ passage: undefined })} actions={actions()} />);
    expect(screen.getByRole('status').textContent).toContain('still setting up');
    expect(document.querySelectorAll('.bs-demo-mark')).toHaveLength(0);
    rerender(<WelcomeView state={state()} actions={actions()} />);
    expect(screen.getByText(/Example article, dated 20 September 2020/)).toBeTruthy();
    const marks = [...document.querySelectorAll('.bs-demo-mark')].map((m) => m.textContent);
    expect(marks).toEqual(['Huawei', 'Entity List']);
    expect(document.querySelector('.bs-preview-text')?.textContent).toBe(
      'The US added Huawei to the Entity List.',
    );
  });

  it('opens the real card on focus, walks to a related entity and back, and closes with Escape', async () => {
    const a = actions();
    render(<WelcomeView state={state()} actions={a} />);
    const huawei = screen.getByRole('button', { name: 'Huawei' });
    expect(huawei.getAttribute('aria-expanded')).toBe('false');
    huawei.focus();
    await waitFor(() => expect(cardName()).toBe('Huawei'));
    expect(a.loadCard).toHaveBeenCalledWith('p:huawei');
    expect(huawei.getAttribute('aria-expanded')).toBe('true');

    await userEvent.click(within(await openCard()).getByRole('button', { name: 'TSMC' }));
    await waitFor(() => expect(cardName()).toBe('TSMC'));
    await userEvent.click(within(await openCard()).getByRole('button', { name: 'Back' }));
    await waitFor(() => expect(cardName()).toBe('Huawei'));

    await userEvent.click(within(await openCard()).getByRole('button', { name: 'Open timeline' }));
    expect(a.openPanel).toHaveBeenCalledWith('p:huawei');

    // Escape from a related entity's card: focus goes back to the mark, the card stays closed.
    await userEvent.click(within(await openCard()).getByRole('button', { name: 'TSMC' }));
    await waitFor(() => expect(cardName()).toBe('TSMC'));
    fireEvent.keyDown(await openCard(), { key: 'Escape', bubbles: true, composed: true });
    await waitFor(() => expect(document.querySelector('.bs-card-slot')).toBeNull());
    expect(document.activeElement).toBe(huawei);

    // Escape on a mark closes its card too.
    huawei.focus();
    fireEvent.focus(huawei);
    await waitFor(() => expect(cardName()).toBe('Huawei'));
    fireEvent.keyDown(huawei, { key: 'Escape' });
    await waitFor(() => expect(document.querySelector('.bs-card-slot')).toBeNull());
  });

  it('says that the card’s page controls change nothing here', async () => {
    render(<WelcomeView state={state()} actions={actions()} />);
    screen.getByRole('button', { name: 'Entity List' }).focus();
    // An entity the store does not know shows the card's error state, not a blank.
    await waitFor(() =>
      expect(document.querySelector('.bs-card-slot')?.shadowRoot?.textContent).toContain("couldn't load"),
    );
    screen.getByRole('button', { name: 'Huawei' }).focus();
    await waitFor(() => expect(cardName()).toBe('Huawei'));
    await userEvent.click(within(await openCard()).getByRole('button', { name: /Turn off on this site/ }));
    expect(screen.getByRole('status').textContent).toContain('Here nothing changed.');
  });

  it('paints the marks under the highlight of the reader’s style and colour', async () => {
    const registry = stubHighlightApi();
    try {
      const { rerender } = render(<WelcomeView state={state()} actions={actions()} />);
      await waitFor(() => expect([...registry.keys()]).toEqual(['backstory-underline-amber']));
      expect(registry.get('backstory-underline-amber')!.ranges.map((r) => r.toString())).toEqual([
        'Huawei',
        'Entity List',
      ]);
      rerender(
        <WelcomeView
          state={state({ appearance: { style: 'none', palette: 'blue', dwellMs: 400 } })}
          actions={actions()}
        />,
      );
      await waitFor(() => expect([...registry.keys()]).toEqual([]));
    } finally {
      vi.unstubAllGlobals();
    }
  });

  it('lists the news sites and the reader’s own, and links to options and the panel', async () => {
    const a = actions();
    render(<WelcomeView state={state({ userSites: ['blog.example.org'] })} actions={a} />);
    expect(screen.getByText(/runs by itself on 2 major news sites/)).toBeTruthy();
    expect(screen.getAllByRole('listitem').map((li) => li.textContent)).toEqual(['apnews.com', 'bbc.com']);
    expect(screen.getByText('Sites you turned on: blog.example.org')).toBeTruthy();
    await userEvent.click(screen.getByRole('button', { name: 'Open options' }));
    expect(a.openOptions).toHaveBeenCalledTimes(1);
    await userEvent.click(screen.getByRole('button', { name: 'Open the side panel' }));
    expect(a.openPanel).toHaveBeenCalledWith();
  });
});

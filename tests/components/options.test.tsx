import { render, screen, waitFor, within } from '@testing-library/preact';
import userEvent from '@testing-library/user-event';
import { describe, expect, it, vi } from 'vitest';
import { OptionsView, type OptionsActions, type OptionsState } from '../../components/OptionsView';
import { openBackstoryDB, writePack } from '../../data/db';
import { listPacks } from '../../data/queries';
import { validatePack } from '../../data/validate';
import { App } from '../../entrypoints/options/App';
import { highlightName } from '../../utils/page/highlighter';
import { PALETTES, disabledTopicsStorage } from '../../utils/shared/settings';
import { toBackground } from '../../utils/shared/messaging';
import { smallPack } from '../fixtures/packs';
import { stubHighlightApi } from '../fixtures/fake-highlights';

function checked(element: HTMLElement): boolean {
  return (element as HTMLInputElement).checked;
}

function state(overrides: Partial<OptionsState> = {}): OptionsState {
  return {
    enabled: true,
    topics: [
      {
        key: 'p:trade',
        packId: 'p',
        id: 'trade',
        label: 'Trade',
        description: 'Export rules.',
        entityCount: 3,
        packTitle: 'P',
      },
      {
        key: 'p:networks',
        packId: 'p',
        id: 'networks',
        label: 'Networks',
        description: 'Who builds them.',
        entityCount: 1,
        packTitle: 'P',
      },
    ],
    disabledTopics: ['p:networks'],
    density: 'first-per-entity',
    appearance: { style: 'underline', palette: 'amber', dwellMs: 400 },
    disabledSites: ['example.com'],
    userSites: ['blog.example.org'],
    packs: [],
    ignoredTerms: [{ entityId: 'p:acme', text: 'acme' }],
    ...overrides,
  };
}

function actions(): OptionsActions {
  return {
    setEnabled: vi.fn(),
    setTopic: vi.fn(),
    setDensity: vi.fn(),
    setAppearance: vi.fn(),
    removeSite: vi.fn(),
    addSite: vi.fn(),
    removeUserSite: vi.fn(),
    importPack: vi.fn(async () => []),
    setPackEnabled: vi.fn(),
    removePack: vi.fn(),
    exportPack: vi.fn(),
    restoreTerm: vi.fn(),
    reset: vi.fn(),
  };
}

describe('OptionsView', () => {
  it('shows a switch per topic with its entity count and description, and reports toggles', async () => {
    const a = actions();
    render(<OptionsView state={state()} actions={a} />);
    const trade = screen.getByRole('switch', { name: 'Trade (3 entities)' });
    const networks = screen.getByRole('switch', { name: 'Networks (1 entity)' });
    expect(document.getElementById(trade.getAttribute('aria-describedby')!)?.textContent).toBe(
      'Export rules.',
    );
    expect(checked(trade)).toBe(true);
    expect(checked(networks)).toBe(false);
    await userEvent.click(trade);
    expect(a.setTopic).toHaveBeenCalledWith('p:trade', false);
    await userEvent.click(networks);
    expect(a.setTopic).toHaveBeenCalledWith('p:networks', true);
  });

  it('has a global switch that the keyboard toggles', async () => {
    const a = actions();
    const { rerender } = render(<OptionsView state={state()} actions={a} />);
    const master = screen.getByRole('switch', { name: 'Backstory is on' });
    expect(checked(master)).toBe(true);
    master.focus();
    await userEvent.keyboard(' ');
    expect(a.setEnabled).toHaveBeenCalledWith(false);
    rerender(<OptionsView state={state({ enabled: false })} actions={a} />);
    expect(checked(screen.getByRole('switch', { name: 'Backstory is on' }))).toBe(false);
  });

  it('groups the page into titled sections, each with a line of help', () => {
    render(<OptionsView state={state()} actions={actions()} />);
    const groups = [...document.querySelectorAll('section.bs-group')].map((section) => [
      section.querySelector('h2')?.textContent,
      Boolean(section.querySelector('.bs-group-help')?.textContent),
    ]);
    expect(groups).toEqual([
      ['Highlighting', true],
      ['Topics', true],
      ['Sites', true],
      ['Packs', true],
      ['Ignored terms', true],
      ['Reset to defaults', true],
    ]);
  });

  it('previews the chosen style and colour, and follows every change', async () => {
    const a = actions();
    const { rerender } = render(<OptionsView state={state()} actions={a} />);
    const mark = () => document.querySelector('.bs-preview-mark')!;
    expect(mark().textContent).toBe('Huawei');
    expect(mark().getAttribute('data-highlight')).toBe('backstory-underline-amber');

    await userEvent.click(screen.getByRole('radio', { name: 'Tinted background' }));
    expect(a.setAppearance).toHaveBeenCalledWith({ style: 'background', palette: 'amber', dwellMs: 400 });
    rerender(
      <OptionsView
        state={state({ appearance: { style: 'background', palette: 'magenta', dwellMs: 400 } })}
        actions={a}
      />,
    );
    expect(mark().getAttribute('data-highlight')).toBe('backstory-background-magenta');
    expect(screen.queryByText(/No mark is drawn/)).toBeNull();

    rerender(
      <OptionsView
        state={state({ appearance: { style: 'none', palette: 'magenta', dwellMs: 400 } })}
        actions={a}
      />,
    );
    expect(mark().getAttribute('data-highlight')).toBe('none');
    expect(screen.getByText(/No mark is drawn/)).toBeTruthy();
  });

  it('paints the preview with the page highlighter’s own highlight names', async () => {
    const registry = stubHighlightApi();
    try {
      for (const style of ['underline', 'background'] as const) {
        for (const palette of PALETTES) {
          const appearance = { style, palette, dwellMs: 400 };
          const { unmount } = render(<OptionsView state={state({ appearance })} actions={actions()} />);
          const name = highlightName(appearance)!;
          await waitFor(() => expect([...registry.keys()]).toEqual([name]));
          expect(registry.get(name)!.ranges.map((r) => r.toString())).toEqual(['Huawei']);
          unmount();
          await waitFor(() => expect(registry.size).toBe(0));
        }
      }
      expect(highlightName({ style: 'none', palette: 'amber' })).toBeUndefined();
    } finally {
      vi.unstubAllGlobals();
    }
  });

  it('offers every palette as a labelled radio and keeps the other appearance settings', async () => {
    const a = actions();
    render(<OptionsView state={state()} actions={a} />);
    const group = screen.getByRole('group', { name: 'Colour' });
    const radios = within(group).getAllByRole('radio');
    expect(radios.map((r) => (r as HTMLInputElement).value)).toEqual(['amber', 'blue', 'green', 'magenta']);
    expect(checked(within(group).getByRole('radio', { name: 'Amber' }))).toBe(true);
    await userEvent.click(within(group).getByRole('radio', { name: 'Green' }));
    expect(a.setAppearance).toHaveBeenCalledWith({ style: 'underline', palette: 'green', dwellMs: 400 });
  });

  it('lists user sites and off sites with buttons that name the site', async () => {
    const a = actions();
    render(<OptionsView state={state()} actions={a} />);
    await userEvent.click(
      screen.getByRole('button', { name: 'Remove blog.example.org and give back its permission' }),
    );
    expect(a.removeUserSite).toHaveBeenCalledWith('blog.example.org');
    await userEvent.click(screen.getByRole('button', { name: 'Turn Backstory back on for example.com' }));
    expect(a.removeSite).toHaveBeenCalledWith('example.com');
  });

  it('normalizes a typed site and refuses text that names none', async () => {
    const a = actions();
    render(<OptionsView state={state()} actions={a} />);
    const input = screen.getByRole('textbox', { name: 'Site to turn off' });
    await userEvent.type(input, 'https://www.News.example.net/x{Enter}');
    expect(a.addSite).toHaveBeenCalledWith('news.example.net');
    await userEvent.type(input, 'not a site{Enter}');
    expect(a.addSite).toHaveBeenCalledTimes(1);
    expect(screen.getByRole('alert').textContent).toContain('That is not a site name');
    expect(input.getAttribute('aria-invalid')).toBe('true');
  });

  it('lists the problems of a rejected pack', async () => {
    const a = actions();
    a.importPack = vi.fn(async () => [
      { path: '$.entities[0].name', message: 'Required' },
      { path: '$.asOf', message: '2024-02-30 is not a calendar date' },
    ]);
    render(<OptionsView state={state()} actions={a} />);
    const file = new File(['{}'], 'broken.json', { type: 'application/json' });
    await userEvent.upload(screen.getByLabelText('Import a pack (JSON)'), file);
    const alert = await screen.findByRole('alert');
    expect(alert.textContent).toContain('The pack was not imported: 2 problems. Nothing was changed.');
    expect(
      within(alert)
        .getAllByRole('listitem')
        .map((li) => li.textContent),
    ).toEqual(['$.entities[0].name Required', '$.asOf 2024-02-30 is not a calendar date']);
  });

  it('restores an ignored term', async () => {
    const a = actions();
    render(<OptionsView state={state()} actions={a} />);
    await userEvent.click(screen.getByRole('button', { name: 'Highlight again' }));
    expect(a.restoreTerm).toHaveBeenCalledWith({ entityId: 'p:acme', text: 'acme' });
  });

  it('resets only after confirmation', async () => {
    const a = actions();
    render(<OptionsView state={state()} actions={a} />);
    await userEvent.click(screen.getByRole('button', { name: 'Reset to defaults' }));
    expect(a.reset).not.toHaveBeenCalled();
    await userEvent.click(screen.getByRole('button', { name: 'Cancel' }));
    await userEvent.click(screen.getByRole('button', { name: 'Reset to defaults' }));
    await userEvent.click(screen.getByRole('button', { name: 'Reset' }));
    expect(a.reset).toHaveBeenCalledTimes(1);
  });
});

describe('the options page with a store (fake browser, in-memory IndexedDB)', () => {
  async function seeded() {
    const db = await openBackstoryDB();
    const bundled = validatePack(smallPack({ id: 'bundled', title: 'Bundled pack' }));
    if (!bundled.ok) throw new Error('fixture invalid');
    await writePack(db, bundled.pack, 'bundled');
    return db;
  }

  it('imports a valid pack, and writes nothing for a broken one', async () => {
    const db = await seeded();
    // The background alone rebuilds the matcher: the page asks it to, once per change.
    const asks = vi.spyOn(toBackground, 'sendMessage').mockResolvedValue(undefined as never);
    render(<App />);
    const input = await screen.findByLabelText('Import a pack (JSON)');

    const broken = { ...smallPack({ id: 'mine' }), asOf: '2024-02-30', entities: [{ id: 'x' }] };
    await userEvent.upload(input, new File([JSON.stringify(broken)], 'broken.json'));
    expect((await screen.findByRole('alert')).textContent).toContain('Nothing was changed.');
    expect((await listPacks(db)).map((p) => p.id)).toEqual(['bundled']);

    const mine = smallPack({ id: 'mine', title: 'My own pack' });
    await userEvent.upload(input, new File([JSON.stringify(mine)], 'mine.json'));
    expect((await screen.findByRole('status')).textContent).toContain('Pack imported.');
    expect((await listPacks(db)).map((p) => [p.id, p.origin])).toEqual([
      ['bundled', 'bundled'],
      ['mine', 'imported'],
    ]);
    expect(await screen.findByText('My own pack')).toBeTruthy();
    expect(asks.mock.calls).toEqual([['pagePacksChanged', undefined]]);
    asks.mockRestore();
  });

  it('refuses an import that would replace the bundled pack', async () => {
    const db = await seeded();
    render(<App />);
    const input = await screen.findByLabelText('Import a pack (JSON)');
    const clash = smallPack({ id: 'bundled', version: '9.0.0', title: 'Impostor' });
    await userEvent.upload(input, new File([JSON.stringify(clash)], 'clash.json'));
    expect((await screen.findByRole('alert')).textContent).toContain('the id of the bundled pack');
    expect((await listPacks(db))[0]?.title).toBe('Bundled pack');
  });

  it('updating the bundled pack leaves imported packs alone', async () => {
    const db = await seeded();
    const mine = validatePack(smallPack({ id: 'mine', title: 'My own pack' }));
    if (!mine.ok) throw new Error('fixture invalid');
    await writePack(db, mine.pack, 'imported');
    const newer = validatePack(smallPack({ id: 'bundled', version: '2.0.0', title: 'Bundled pack v2' }));
    if (!newer.ok) throw new Error('fixture invalid');
    await writePack(db, newer.pack, 'bundled', { onlyIfNewer: true });
    const packs = await listPacks(db);
    expect(packs.map((p) => [p.id, p.version, p.origin])).toEqual([
      ['bundled', '2.0.0', 'bundled'],
      ['mine', '1.0.0', 'imported'],
    ]);
    expect(await db.countFromIndex('entities', 'packId', 'mine')).toBe(smallPack().entities.length);
  });

  it('turning a topic off writes it to storage at once', async () => {
    await seeded();
    render(<App />);
    const trade = await screen.findByRole('switch', { name: /^Trade/ });
    await userEvent.click(trade);
    await waitFor(async () => expect(await disabledTopicsStorage.getValue()).toEqual(['bundled:trade']));
    await waitFor(() => expect(checked(screen.getByRole('switch', { name: /^Trade/ }))).toBe(false));
  });
});

/**
 * The side panel as the reader sees it: the "On this page" list and its empty states, the
 * entity page built from a seeded store (entrypoints/sidepanel/data.ts), search with the
 * keyboard, and back/forward.
 */
import { cleanup, render, screen, within } from '@testing-library/preact';
import userEvent from '@testing-library/user-event';
import { useState } from 'preact/hooks';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { EntityViewData } from '../../components/EntityView';
import type { PanelView } from '../../components/navigation';
import { PageEntities, type PageState } from '../../components/PageEntities';
import { SearchView } from '../../components/SearchView';
import { SidePanelView, type SidePanelViewProps } from '../../components/SidePanelView';
import { openBackstoryDB, writePack } from '../../data/db';
import type { SearchResult } from '../../data/queries';
import type { PackInput } from '../../data/schema';
import { validatePack } from '../../data/validate';
import { loadEntityView, loadPageState } from '../../entrypoints/sidepanel/data';
import type { PageReport } from '../../utils/shared/protocol';
import { birdPack } from '../fixtures/more-packs';
import { smallPack } from '../fixtures/packs';

afterEach(cleanup);

const HOSTILE = '<img src=x onerror=alert(1)>';

async function seeded(...packs: PackInput[]) {
  const db = await openBackstoryDB();
  for (const input of packs) {
    const result = validatePack(input);
    if (!result.ok) throw new Error(JSON.stringify(result.problems));
    await writePack(db, result.pack, 'bundled');
  }
  return db;
}

const OK_PAGE: Extract<PageState, { status: 'ok' }> = {
  status: 'ok',
  publishedAt: '2019-07-03',
  groups: [
    {
      topicKey: 'test-pack:trade',
      label: 'Trade',
      entities: [
        { key: 'test-pack:northwind', name: 'Northwind Telecom', kind: 'company', count: 4 },
        { key: 'test-pack:trade-office', name: 'Office of Trade Rules', kind: 'government-body', count: 1 },
      ],
    },
    {
      topicKey: 'test-pack:networks',
      label: 'Networks',
      entities: [{ key: 'test-pack:ada-quill', name: 'Ada Quill', kind: 'person', count: 2 }],
    },
  ],
};

/** Every prop at a neutral value, callbacks as spies. */
function defaultProps(): SidePanelViewProps {
  return {
    view: { kind: 'page' },
    page: OK_PAGE,
    entity: undefined,
    results: [],
    story: undefined,
    canBack: false,
    canForward: false,
    onBack: vi.fn(),
    onForward: vi.fn(),
    onShowPage: vi.fn(),
    onShowStory: vi.fn(),
    onSearch: vi.fn(),
    onSelectEntity: vi.fn(),
    onRevealMention: vi.fn(),
  };
}

function panel(overrides: Partial<SidePanelViewProps> = {}) {
  const props: SidePanelViewProps = { ...defaultProps(), ...overrides };
  return { props, ...render(<SidePanelView {...props} />) };
}

describe('On this page', () => {
  it('lists the entities grouped by topic, with mention counts and the publication date', () => {
    panel();
    expect(screen.getByText('Published 3 July 2019')).toBeTruthy();
    const trade = screen.getByRole('region', { name: 'Trade' });
    const networks = screen.getByRole('region', { name: 'Networks' });
    const rows = (region: HTMLElement) =>
      within(region)
        .getAllByRole('listitem')
        .map((li) => Array.from(li.querySelectorAll('button'), (b) => b.textContent).join(' × '));
    expect(rows(trade)).toEqual(['Northwind Telecom × 4', 'Office of Trade Rules × 1']);
    expect(rows(networks)).toEqual(['Ada Quill × 2']);
    expect(
      screen.getByRole('button', { name: '4 mentions: Show next mention of Northwind Telecom on the page' }),
    ).toBeTruthy();
    expect(screen.getByRole('button', { name: 'On this page' }).getAttribute('aria-pressed')).toBe('true');
    expect(screen.getByRole('button', { name: 'Search' }).getAttribute('aria-pressed')).toBe('false');
  });

  it('opens an entity from its name and reveals a mention from its count', async () => {
    const user = userEvent.setup();
    const { props } = panel();
    await user.click(screen.getByRole('button', { name: 'Ada Quill' }));
    expect(props.onSelectEntity).toHaveBeenCalledWith('test-pack:ada-quill');
    expect(props.onRevealMention).not.toHaveBeenCalled();
    await user.click(screen.getByRole('button', { name: /^4 mentions/ }));
    expect(props.onRevealMention).toHaveBeenCalledWith('test-pack:northwind');
    expect(props.onSelectEntity).toHaveBeenCalledTimes(1);
  });

  it.each([
    [{ status: 'loading' } as PageState, 'Loading…'],
    [{ status: 'restricted' } as PageState, "This page can't be read by extensions."],
    [{ status: 'not-running' } as PageState, 'Backstory is not running on this page.'],
    [{ status: 'off' } as PageState, 'Backstory is off on this site.'],
    [{ status: 'ok', groups: [] } as PageState, 'No entities from your topics are mentioned on this page.'],
  ])('shows the empty state for %o', (page, message) => {
    const { container } = panel({ page });
    expect(screen.getByText(message)).toBeTruthy();
    expect(container.querySelectorAll('.bs-entity-list')).toHaveLength(0);
  });

  it('says when the page has no publication date', () => {
    panel({ page: { ...OK_PAGE, publishedAt: undefined } });
    expect(screen.getByText('No publication date found')).toBeTruthy();
  });

  it('renders entity names as text', () => {
    const page: PageState = {
      status: 'ok',
      groups: [
        {
          topicKey: 'p:t',
          label: HOSTILE,
          entities: [{ key: 'p:x', name: HOSTILE, kind: 'person', count: 1 }],
        },
      ],
    };
    const { container } = render(
      <PageEntities page={page} onSelectEntity={() => {}} onRevealMention={() => {}} />,
    );
    expect(screen.getByRole('heading', { name: HOSTILE })).toBeTruthy();
    expect(screen.getByRole('button', { name: HOSTILE })).toBeTruthy();
    expect(container.querySelector('img')).toBeNull();
  });
});

describe('loadPageState', () => {
  const report = (mentions: PageReport['mentions'], extra: Partial<PageReport> = {}): PageReport => ({
    mentions,
    highlightApi: true,
    active: true,
    site: 'news.example',
    ...extra,
  });

  it('maps a missing report to not-running and a switched-off site to off', async () => {
    const db = await seeded(smallPack());
    expect(await loadPageState(db, undefined)).toEqual({ status: 'not-running' });
    expect(await loadPageState(db, report([], { active: false }))).toEqual({ status: 'off' });
  });

  it('groups by each entity’s first topic, most mentioned first, and drops unknown entities', async () => {
    const db = await seeded(smallPack());
    const state = await loadPageState(
      db,
      report(
        [
          { entityId: 'test-pack:trade-office', count: 1, order: 0 },
          { entityId: 'test-pack:restricted-list', count: 3, order: 1 },
          { entityId: 'test-pack:northwind', count: 5, order: 2 },
          { entityId: 'gone:nobody', count: 9, order: 3 },
        ],
        { publishedAt: '2019-07-03' },
      ),
    );
    expect(state.status).toBe('ok');
    if (state.status !== 'ok') return;
    expect(state.publishedAt).toBe('2019-07-03');
    expect(state.groups.map((g) => [g.label, g.entities.map((e) => `${e.name} ${e.count}`)])).toEqual([
      ['Trade', ['Restricted List 3', 'Office of Trade Rules 1']],
      ['Networks', ['Northwind Telecom 5']],
    ]);
    // Groups of the same size go by label.
    const tied = await loadPageState(
      db,
      report([
        { entityId: 'test-pack:ada-quill', count: 1, order: 0 },
        { entityId: 'test-pack:trade-office', count: 1, order: 1 },
      ]),
    );
    expect(tied.status === 'ok' && tied.groups.map((g) => g.label)).toEqual(['Networks', 'Trade']);
    expect(tied.status === 'ok' && tied.publishedAt).toBeUndefined();
  });
});

describe('entity page', () => {
  async function northwind(publishedAt: string | undefined, onSelectEntity = vi.fn()) {
    const db = await seeded(smallPack());
    const entity = await loadEntityView(db, 'test-pack:northwind');
    expect(entity).not.toBe('missing');
    const page: PageState = { ...OK_PAGE, publishedAt };
    return panel({ view: { kind: 'entity', key: 'test-pack:northwind' }, page, entity, onSelectEntity });
  }

  const rowsOf = (container: Element) =>
    Array.from(container.querySelectorAll('.bs-timeline li'), (li) =>
      li.querySelector('[role="separator"]')
        ? '|'
        : `${li.querySelector('.bs-event-title')?.textContent}${li.classList.contains('bs-after') ? ' (after)' : ''}`,
    );

  it('places the "This article" marker at the article date and marks later events', async () => {
    const { container } = await northwind('2019-07-03');
    expect(screen.getByRole('heading', { level: 2 }).textContent).toBe('Northwind Telecom');
    expect(rowsOf(container)).toEqual([
      'Northwind Telecom founded',
      'Ada Quill detained',
      'Northwind sales fall',
      'Northwind added to the Restricted List',
      'Temporary licence for Northwind customers',
      '|',
      'Rule extended to foreign-made parts (after)',
      'Ada Quill released (after)',
      'Northwind launches a phone with its own chip (after)',
      'Licences for Northwind revoked (after)',
    ]);
    // The marker sits in the article's year.
    const marker = screen.getByRole('separator', { name: 'This article' });
    expect(marker.closest('section')?.getAttribute('aria-label')).toBe('2019');
  });

  it('has no marker when the page has no date', async () => {
    const { container } = await northwind(undefined);
    expect(screen.queryByRole('separator')).toBeNull();
    expect(rowsOf(container).some((r) => r.endsWith('(after)'))).toBe(false);
  });

  it('filters by topic and importance', async () => {
    const user = userEvent.setup();
    const { container } = await northwind('2019-07-03');
    const [topic, importance] = screen.getAllByRole('combobox') as HTMLSelectElement[];
    await user.selectOptions(importance!, '4');
    expect(rowsOf(container)).toEqual([
      'Ada Quill detained',
      'Northwind added to the Restricted List',
      '|',
      'Rule extended to foreign-made parts (after)',
      'Ada Quill released (after)',
    ]);
    // Every event of the small pack is in "trade": the other topic leaves none.
    await user.selectOptions(topic!, 'test-pack:networks');
    expect(screen.getByText('No dated events yet.')).toBeTruthy();
  });

  it('filters a timeline whose events span two topics', async () => {
    const user = userEvent.setup();
    const db = await seeded(birdPack());
    const entity = (await loadEntityView(db, 'more:zoe-angstrom')) as EntityViewData;
    const { container } = panel({ view: { kind: 'entity', key: 'more:zoe-angstrom' }, entity });
    expect(screen.getByText('Person')).toBeTruthy();
    expect(Array.from(container.querySelectorAll('.bs-facts dd'), (d) => d.textContent).slice(0, 2)).toEqual([
      'Harbourtown',
      'Birds of prey',
    ]);
    const [topic] = screen.getAllByRole('combobox') as HTMLSelectElement[];
    await user.selectOptions(topic!, 'more:birds');
    // All before the article of 2019-07-03, so the marker closes the list.
    expect(rowsOf(container)).toEqual([
      'First kestrel count',
      'Kestrel count published',
      'Institute founded',
      '|',
    ]);
  });

  it('starts each entity with its filters reset', async () => {
    const user = userEvent.setup();
    const db = await seeded(smallPack(), birdPack());
    const zoe = (await loadEntityView(db, 'more:zoe-angstrom')) as EntityViewData;
    const quay = (await loadEntityView(db, 'more:angstrom')) as EntityViewData;
    const props = defaultProps();
    const { container, rerender } = render(
      <SidePanelView {...props} view={{ kind: 'entity', key: zoe.entity.key }} entity={zoe} />,
    );
    const [topic, importance] = screen.getAllByRole('combobox') as HTMLSelectElement[];
    await user.selectOptions(topic!, 'more:birds');
    await user.selectOptions(importance!, '4');
    expect(rowsOf(container)).toEqual(['Institute founded', '|']);
    // Another entity (as after clicking a related chip): its whole timeline, not zoe's filters.
    rerender(<SidePanelView {...props} view={{ kind: 'entity', key: quay.entity.key }} entity={quay} />);
    expect(rowsOf(container)).toEqual(['Quay built', 'Quay renamed', '|', 'Quay dredged (after)']);
    const [topicNow, importanceNow] = screen.getAllByRole('combobox') as HTMLSelectElement[];
    expect(topicNow!.value).toBe('');
    expect(importanceNow!.value).toBe('1');
  });

  it('opens related entities from their chips', async () => {
    const user = userEvent.setup();
    const onSelect = vi.fn();
    await northwind('2019-07-03', onSelect);
    const related = screen.getByRole('heading', { name: 'Related' }).parentElement!;
    await user.click(within(related).getByRole('button', { name: 'Restricted List' }));
    expect(onSelect).toHaveBeenCalledWith('test-pack:restricted-list');
    await user.click(within(related).getByRole('button', { name: 'Office of Trade Rules' }));
    expect(onSelect).toHaveBeenLastCalledWith('test-pack:trade-office');
  });

  it('shows loading and missing states', async () => {
    const view: PanelView = { kind: 'entity', key: 'test-pack:nobody' };
    panel({ view, entity: 'loading' });
    expect(screen.getByText('Loading…')).toBeTruthy();
    cleanup();
    const db = await seeded(smallPack());
    panel({ view, entity: await loadEntityView(db, 'test-pack:nobody') });
    expect(screen.getByText("Backstory couldn't load this entry.")).toBeTruthy();
  });

  it('renders stored data as text', async () => {
    const pack = smallPack();
    pack.entities[0]!.name = HOSTILE;
    pack.entities[0]!.summary = `Summary ${HOSTILE}`;
    pack.events[0]!.title = HOSTILE;
    const db = await seeded(pack);
    const entity = await loadEntityView(db, 'test-pack:northwind');
    const { container } = panel({ view: { kind: 'entity', key: 'test-pack:northwind' }, entity });
    expect(screen.getByRole('heading', { level: 2 }).textContent).toBe(HOSTILE);
    expect(screen.getByText(`Summary ${HOSTILE}`)).toBeTruthy();
    expect(screen.getAllByText(HOSTILE).length).toBeGreaterThanOrEqual(2);
    expect(container.querySelector('img')).toBeNull();
  });
});

describe('back, forward and tabs', () => {
  it('disables back and forward when there is nowhere to go', async () => {
    const user = userEvent.setup();
    const { props } = panel();
    const back = screen.getByRole('button', { name: 'Back' }) as HTMLButtonElement;
    const forward = screen.getByRole('button', { name: 'Forward' }) as HTMLButtonElement;
    expect(back.disabled).toBe(true);
    expect(forward.disabled).toBe(true);
    await user.click(back);
    await user.click(forward);
    expect(props.onBack).not.toHaveBeenCalled();
    expect(props.onForward).not.toHaveBeenCalled();
  });

  it('enables each as the history allows and calls it', async () => {
    const user = userEvent.setup();
    const { props } = panel({ canBack: true, canForward: false });
    expect((screen.getByRole('button', { name: 'Back' }) as HTMLButtonElement).disabled).toBe(false);
    expect((screen.getByRole('button', { name: 'Forward' }) as HTMLButtonElement).disabled).toBe(true);
    await user.click(screen.getByRole('button', { name: 'Back' }));
    expect(props.onBack).toHaveBeenCalledTimes(1);
    cleanup();
    const next = panel({ canBack: false, canForward: true });
    await user.click(screen.getByRole('button', { name: 'Forward' }));
    expect(next.props.onForward).toHaveBeenCalledTimes(1);
  });

  it('switches between the page and search tabs, keeping the query', async () => {
    const user = userEvent.setup();
    const { props } = panel({ view: { kind: 'entity', key: 'x' }, entity: 'loading' });
    await user.click(screen.getByRole('button', { name: 'Search' }));
    expect(props.onSearch).toHaveBeenCalledWith('');
    await user.click(screen.getByRole('button', { name: 'On this page' }));
    expect(props.onShowPage).toHaveBeenCalled();
    cleanup();
    const again = panel({ view: { kind: 'search', query: 'north' } });
    expect(screen.getByRole('button', { name: 'Search' }).getAttribute('aria-pressed')).toBe('true');
    await user.click(screen.getByRole('button', { name: 'Search' }));
    expect(again.props.onSearch).toHaveBeenCalledWith('north');
  });
});

const RESULTS: SearchResult[] = [
  { key: 'p:kestrel', name: 'Kestrel', kind: 'company', summary: 'First.', score: 100 },
  { key: 'p:ks', name: 'KS Holding', kind: 'company', summary: 'Second.', score: 90, matched: 'Kestrel' },
  { key: 'p:quill', name: 'Ada Quill', kind: 'person', summary: 'Third.', score: 20 },
];

/** SearchView with its query held in state, as the panel holds it. */
function SearchHarness(props: {
  results: SearchResult[];
  onQuery: (q: string) => void;
  onSelectEntity: (k: string) => void;
}) {
  const [query, setQuery] = useState('');
  return (
    <SearchView
      query={query}
      results={props.results}
      onQuery={(q) => {
        props.onQuery(q);
        setQuery(q);
      }}
      onSelectEntity={props.onSelectEntity}
    />
  );
}

describe('search', () => {
  const selected = () =>
    screen.getAllByRole('option').findIndex((o) => o.getAttribute('aria-selected') === 'true');

  it('calls onQuery as the reader types', async () => {
    const user = userEvent.setup();
    const onQuery = vi.fn();
    render(<SearchHarness results={[]} onQuery={onQuery} onSelectEntity={() => {}} />);
    await user.type(screen.getByRole('combobox', { name: 'Search the Backstory dataset' }), 'Kes');
    expect(onQuery.mock.calls.map(([q]) => q)).toEqual(['K', 'Ke', 'Kes']);
  });

  it('moves through results with ArrowDown and ArrowUp, staying in bounds, and opens one with Enter', async () => {
    const user = userEvent.setup();
    const onSelect = vi.fn();
    render(<SearchHarness results={RESULTS} onQuery={() => {}} onSelectEntity={onSelect} />);
    const input = screen.getByRole('combobox');
    await user.click(input);
    expect(selected()).toBe(0);
    expect(input.getAttribute('aria-activedescendant')).toBe('bs-result-0');
    await user.keyboard('{ArrowDown}{ArrowDown}{ArrowDown}');
    expect(selected()).toBe(2);
    expect(input.getAttribute('aria-activedescendant')).toBe('bs-result-2');
    await user.keyboard('{ArrowUp}');
    expect(selected()).toBe(1);
    await user.keyboard('{Enter}');
    expect(onSelect).toHaveBeenCalledWith('p:ks');
    await user.keyboard('{ArrowUp}{ArrowUp}{ArrowUp}{Enter}');
    expect(selected()).toBe(0);
    expect(onSelect).toHaveBeenLastCalledWith('p:kestrel');
  });

  it('starts again from the first result after typing, and opens a result on click', async () => {
    const user = userEvent.setup();
    const onSelect = vi.fn();
    render(<SearchHarness results={RESULTS} onQuery={() => {}} onSelectEntity={onSelect} />);
    const input = screen.getByRole('combobox');
    await user.click(input);
    await user.keyboard('{ArrowDown}{ArrowDown}');
    await user.type(input, 'q');
    expect(selected()).toBe(0);
    await user.click(screen.getByText('Ada Quill'));
    expect(onSelect).toHaveBeenCalledWith('p:quill');
  });

  it('keeps the active result valid when the results shrink', async () => {
    const user = userEvent.setup();
    const onSelect = vi.fn();
    const props = { query: 'k', onQuery: () => {}, onSelectEntity: onSelect };
    const { rerender } = render(<SearchView {...props} results={RESULTS} />);
    await user.click(screen.getByRole('combobox'));
    await user.keyboard('{ArrowDown}{ArrowDown}');
    rerender(<SearchView {...props} results={RESULTS.slice(0, 1)} />);
    expect(screen.getByRole('combobox').getAttribute('aria-activedescendant')).toBe('bs-result-0');
    await user.keyboard('{Enter}');
    expect(onSelect).toHaveBeenCalledWith('p:kestrel');
  });

  it('shows the kind and the alias that matched', () => {
    render(<SearchView query="kestrel" results={RESULTS} onQuery={() => {}} onSelectEntity={() => {}} />);
    const [first, second, third] = screen.getAllByRole('option');
    expect(within(first!).getByText('Company')).toBeTruthy();
    expect(within(second!).getByText(/· Kestrel/)).toBeTruthy();
    expect(within(third!).getByText('Person')).toBeTruthy();
    expect(first!.textContent).not.toContain('·');
  });

  it('says when nothing matches, but not before the reader types', () => {
    const { rerender } = render(
      <SearchView query="" results={[]} onQuery={() => {}} onSelectEntity={() => {}} />,
    );
    expect(screen.queryByText(/Nothing matches/)).toBeNull();
    rerender(<SearchView query="zzz" results={[]} onQuery={() => {}} onSelectEntity={() => {}} />);
    expect(screen.getByText('Nothing matches “zzz”.')).toBeTruthy();
    rerender(<SearchView query="zzz" results={RESULTS} onQuery={() => {}} onSelectEntity={() => {}} />);
    expect(screen.queryByText(/Nothing matches/)).toBeNull();
  });

  it('is reachable through the panel and renders results as text', async () => {
    const user = userEvent.setup();
    const hostile: SearchResult[] = [
      { key: 'p:x', name: HOSTILE, kind: 'person', summary: HOSTILE, score: 20 },
    ];
    const { props, container } = panel({ view: { kind: 'search', query: 'img' }, results: hostile });
    expect(screen.getAllByText(HOSTILE)).toHaveLength(2);
    expect(container.querySelector('img')).toBeNull();
    await user.click(screen.getByRole('combobox'));
    await user.keyboard('{Enter}');
    expect(props.onSelectEntity).toHaveBeenCalledWith('p:x');
    await user.type(screen.getByRole('combobox'), 's');
    expect(props.onSearch).toHaveBeenLastCalledWith('imgs');
  });
});

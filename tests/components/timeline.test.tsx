/** The year-grouped timeline, its article marker, and the entity page around it. */
import { cleanup, render, screen, within } from '@testing-library/preact';
import userEvent from '@testing-library/user-event';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { EntityView, kindKey, type EntityViewData } from '../../components/EntityView';
import { groupTimeline, Timeline } from '../../components/Timeline';
import { startKey } from '../../data/dates';
import type { EntityRef, TimelineItem } from '../../data/queries';

afterEach(cleanup);

const HOSTILE = '<img src=x onerror=alert(1)>';

function item(
  id: string,
  date: string,
  importance = 3,
  topics = ['p:trade'],
  entities: EntityRef[] = [],
): TimelineItem {
  return {
    key: `p:${id}`,
    packId: 'p',
    id,
    date,
    startKey: startKey(date),
    title: `Title ${id}`,
    description: `What happened in ${id}.`,
    entities,
    topics,
    importance,
    sources: [{ publisher: `Publisher ${id}`, title: `Story ${id}`, url: `https://example.org/${id}` }],
  };
}

/** Each group as `year: a, b, |, c` with `|` for the marker. */
const shape = (events: TimelineItem[], articleDate?: string) =>
  groupTimeline(events, articleDate).map(
    (g) => `${g.year}: ${g.items.map((i) => (i === 'marker' ? '|' : i.id)).join(', ')}`,
  );

const EVENTS = [
  item('a', '2018-12-01'),
  item('b', '2019'),
  item('c', '2019-05-16'),
  item('d', '2019-09'),
  item('e', '2021-02-02'),
];

describe('groupTimeline', () => {
  it('groups events by year, in the given order, without a marker when there is no date', () => {
    expect(shape(EVENTS)).toEqual(['2018: a', '2019: b, c, d', '2021: e']);
    expect(shape([])).toEqual([]);
  });

  it('puts the marker just before the first event after the article', () => {
    expect(shape(EVENTS, '2019-07-03')).toEqual(['2018: a', '2019: b, c, |, d', '2021: e']);
    // On the article's own day an event counts as before it.
    expect(shape(EVENTS, '2019-05-16')).toEqual(['2018: a', '2019: b, c, |, d', '2021: e']);
    // A coarse date that begins after the article is after it.
    expect(shape(EVENTS, '2018-12-31')).toEqual(['2018: a, |', '2019: b, c, d', '2021: e']);
  });

  it('gives the marker its own year when no event shares it', () => {
    expect(shape(EVENTS, '2020-06-01')).toEqual(['2018: a', '2019: b, c, d', '2020: |', '2021: e']);
  });

  it('puts the marker at the end when every event is earlier, at the start when every one is later', () => {
    expect(shape(EVENTS, '2024-01-01')).toEqual(['2018: a', '2019: b, c, d', '2021: e', '2024: |']);
    expect(shape(EVENTS, '2021-02-02')).toEqual(['2018: a', '2019: b, c, d', '2021: e, |']);
    expect(shape(EVENTS, '2010-01-01')).toEqual(['2010: |', '2018: a', '2019: b, c, d', '2021: e']);
  });
});

describe('Timeline', () => {
  it('draws year headings, the marker, and sets later events apart', () => {
    const { container } = render(<Timeline events={EVENTS} articleDate="2019-07-03" />);
    expect(screen.getAllByRole('heading', { level: 3 }).map((h) => h.textContent)).toEqual([
      '2018',
      '2019',
      '2021',
    ]);
    const rows = Array.from(container.querySelectorAll('li'));
    expect(
      rows.map((li) =>
        li.querySelector('[role="separator"]') ? '|' : li.querySelector('.bs-event-title')?.textContent,
      ),
    ).toEqual(['Title a', 'Title b', 'Title c', '|', 'Title d', 'Title e']);
    expect(screen.getByRole('separator', { name: 'This article' }).textContent).toBe('This article');
    const after = rows.filter((li) => li.classList.contains('bs-after'));
    expect(after.map((li) => li.querySelector('.bs-event-title')?.textContent)).toEqual([
      'Title d',
      'Title e',
    ]);
  });

  it('has no marker and nothing set apart without an article date', () => {
    const { container } = render(<Timeline events={EVENTS} />);
    expect(screen.queryByRole('separator')).toBeNull();
    expect(container.querySelectorAll('.bs-after')).toHaveLength(0);
    expect(container.querySelectorAll('li.bs-event')).toHaveLength(5);
  });

  it('marks every event as later when the article predates them all', () => {
    const { container } = render(<Timeline events={EVENTS} articleDate="2000-01-01" />);
    expect(container.querySelectorAll('li.bs-event.bs-after')).toHaveLength(5);
    expect(container.querySelector('li')?.querySelector('[role="separator"]')).not.toBeNull();
  });
});

const REFS: Record<string, EntityRef> = {
  acme: { key: 'p:acme', name: 'Acme Parts', kind: 'company' },
  office: { key: 'p:office', name: 'Office of Rules', kind: 'government-body' },
  list: { key: 'p:list', name: 'Parts List', kind: 'law-or-policy' },
};

function viewData(overrides: Partial<EntityViewData['entity']> = {}): EntityViewData {
  return {
    entity: {
      key: 'p:acme',
      name: 'Acme Parts',
      kind: 'company',
      summary: 'An invented supplier of parts.',
      facts: [
        { label: 'Founded', value: 'Port Example', date: '1990-04' },
        { label: 'Employees', value: 'About 900' },
      ],
      ...overrides,
    },
    timeline: [
      item('founded', '1990-04', 2, ['p:trade'], [REFS.acme!]),
      item('listed', '2019-05-16', 5, ['p:trade'], [REFS.acme!, REFS.list!, REFS.office!]),
      item('network', '2019-06', 3, ['p:networks'], [REFS.acme!]),
      item('rule', '2020-08-17', 4, ['p:trade'], [REFS.acme!, REFS.list!]),
      item('phone', '2023-08', 1, ['p:networks'], [REFS.acme!]),
    ],
    related: [REFS.office!, REFS.list!],
    topics: [
      { key: 'p:trade', packId: 'p', id: 'trade', label: 'Trade', description: 'Trade.' },
      { key: 'p:networks', packId: 'p', id: 'networks', label: 'Networks', description: 'Networks.' },
    ],
  };
}

const titles = (container: Element) =>
  Array.from(container.querySelectorAll('.bs-event-title'), (e) => e.textContent);

describe('EntityView', () => {
  it('shows name, kind label, summary and key facts', () => {
    render(<EntityView data={viewData()} onSelectEntity={() => {}} />);
    expect(screen.getByRole('heading', { level: 2 }).textContent).toBe('Acme Parts');
    expect(screen.getByText('Company')).toBeTruthy();
    expect(screen.getByText('An invented supplier of parts.')).toBeTruthy();
    const facts = screen.getByRole('heading', { name: 'Key facts' }).parentElement!;
    const terms = Array.from(facts.querySelectorAll('dt'), (d) => d.textContent);
    const values = Array.from(facts.querySelectorAll('dd'), (d) => d.textContent);
    expect(terms).toEqual(['Founded', 'Employees']);
    // A fact's date orders it; the value already says it in words.
    expect(values).toEqual(['Port Example', 'About 900']);
    expect(facts.querySelector('dd time')).toBeNull();
  });

  it('opens a long summary clamped, with a control to read it whole; a short one has none', async () => {
    const user = userEvent.setup();
    const long = 'A sentence about the supplier. '.repeat(12).trim();
    const { rerender } = render(<EntityView data={viewData({ summary: long })} onSelectEntity={() => {}} />);
    const summary = screen.getByText(long);
    expect(summary.classList.contains('bs-clamped')).toBe(true);
    const more = screen.getByRole('button', { name: 'Read more' });
    expect(more.getAttribute('aria-expanded')).toBe('false');
    await user.click(more);
    expect(summary.classList.contains('bs-clamped')).toBe(false);
    expect(screen.getByRole('button', { name: 'Show less' }).getAttribute('aria-expanded')).toBe('true');
    rerender(<EntityView data={viewData()} onSelectEntity={() => {}} />);
    expect(screen.queryByRole('button', { name: /Read more|Show less/ })).toBeNull();
  });

  it('draws the picture of its timeline above the list', () => {
    render(<EntityView data={viewData()} articleDate="2019-07-03" onSelectEntity={() => {}} />);
    const strip = screen.getByRole('img');
    expect(strip.querySelectorAll('.bs-strip-mark')).toHaveLength(5);
    expect(strip.querySelector('.bs-strip-article')).toBeTruthy();
  });

  it('labels every kind from the messages file and leaves out empty fact lists', () => {
    expect(kindKey('law-or-policy')).toBe('kind_law_or_policy');
    render(<EntityView data={viewData({ kind: 'government-body', facts: [] })} onSelectEntity={() => {}} />);
    expect(screen.getByText('Government body')).toBeTruthy();
    expect(screen.queryByRole('heading', { name: 'Key facts' })).toBeNull();
  });

  it('filters the timeline by topic and by importance', async () => {
    const user = userEvent.setup();
    const { container } = render(<EntityView data={viewData()} onSelectEntity={() => {}} />);
    expect(titles(container)).toHaveLength(5);
    const [topic, importance] = screen.getAllByRole('combobox') as HTMLSelectElement[];
    expect(Array.from(topic!.options, (o) => o.textContent)).toEqual(['All topics', 'Trade', 'Networks']);

    await user.selectOptions(topic!, 'p:networks');
    expect(titles(container)).toEqual(['Title network', 'Title phone']);
    await user.selectOptions(importance!, '3');
    expect(titles(container)).toEqual(['Title network']);
    await user.selectOptions(topic!, '');
    expect(titles(container)).toEqual(['Title listed', 'Title network', 'Title rule']);
    await user.selectOptions(importance!, '4');
    expect(titles(container)).toEqual(['Title listed', 'Title rule']);
    await user.selectOptions(topic!, 'p:networks');
    expect(titles(container)).toEqual([]);
    expect(screen.getByText('No dated events yet.')).toBeTruthy();
  });

  it('opens related and involved entities, never the entity itself', async () => {
    const user = userEvent.setup();
    const onSelect = vi.fn();
    render(<EntityView data={viewData()} onSelectEntity={onSelect} />);
    const related = screen.getByRole('heading', { name: 'Related' }).parentElement!;
    const chips = within(related).getAllByRole('button');
    expect(chips.map((c) => c.textContent)).toEqual(['Office of Rules', 'Parts List']);
    await user.click(chips[1]!);
    expect(onSelect).toHaveBeenLastCalledWith('p:list');
    // Involved entities on the rows: the current entity is not repeated.
    expect(screen.queryAllByRole('button', { name: 'Acme Parts' })).toHaveLength(0);
    await user.click(screen.getAllByRole('button', { name: 'Office of Rules' })[0]!);
    expect(onSelect).toHaveBeenLastCalledWith('p:office');
  });

  it('renders data as text, never as markup', () => {
    const data = viewData({
      name: HOSTILE,
      summary: `Summary ${HOSTILE}`,
      facts: [{ label: HOSTILE, value: HOSTILE }],
    });
    data.timeline[0] = { ...data.timeline[0]!, title: HOSTILE, description: HOSTILE };
    data.related = [{ key: 'p:x', name: HOSTILE, kind: 'person' }];
    const { container } = render(<EntityView data={data} onSelectEntity={() => {}} />);
    expect(screen.getByRole('heading', { level: 2 }).textContent).toBe(HOSTILE);
    expect(screen.getByText(`Summary ${HOSTILE}`)).toBeTruthy();
    expect(screen.getAllByText(HOSTILE).length).toBeGreaterThanOrEqual(5);
    expect(container.querySelector('img')).toBeNull();
    expect(container.querySelector('[onerror]')).toBeNull();
  });
});

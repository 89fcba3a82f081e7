/**
 * "Story so far" and the timeline picture, rendered: the merged chronology with the
 * article's marker, its filters and the way from a mark to its event in the list.
 */
import { fireEvent, render, screen, within } from '@testing-library/preact';
import userEvent from '@testing-library/user-event';
import { describe, expect, it, vi } from 'vitest';
import type { PageState } from '../../components/PageEntities';
import { StoryView } from '../../components/StoryView';
import { TimeStrip } from '../../components/TimeStrip';
import type { EntityRef } from '../../data/queries';
import type { StoryData, StoryItem } from '../../data/story';

const ACME: EntityRef = { key: 'p:acme', name: 'Acme Widgets', kind: 'company' };
const OFFICE: EntityRef = { key: 'p:office', name: 'Office of Trade Rules', kind: 'government-body' };
const ADA: EntityRef = { key: 'p:ada', name: 'Ada Quill', kind: 'person' };

function item(id: string, date: string, importance: number, entities = [ACME], topic = 'p:trade'): StoryItem {
  return {
    key: `p:${id}`,
    packId: 'p',
    id,
    date,
    startKey: date.length === 4 ? `${date}-01-01` : date.length === 7 ? `${date}-01` : date,
    title: `Event ${id}`,
    description: `What happened in ${id}.`,
    entities,
    onPage: entities.map((e) => e.key),
    topics: [topic],
    importance,
    sources: [{ publisher: `Gazette ${id}`, title: id, url: `https://example.org/${id}` }],
  };
}

const STORY: StoryData = {
  events: [
    item('e1', '2012-10', 4, [ACME, OFFICE]),
    item('e2', '2016-03-07', 2, [OFFICE]),
    item('e3', '2018-12-01', 5, [ADA, ACME], 'p:people'),
    item('e4', '2019-05-16', 5, [ACME, OFFICE]),
    item('e5', '2019-06', 4, [OFFICE]),
    item('e6', '2019-07-01', 4, [ACME]),
    item('e7', '2020-08-17', 4, [ACME, OFFICE]),
    item('e8', '2021-09-24', 5, [ADA], 'p:people'),
  ],
  topics: [
    { key: 'p:people', packId: 'p', id: 'people', label: 'People', description: '' },
    { key: 'p:trade', packId: 'p', id: 'trade', label: 'Trade', description: '' },
  ],
  entityCount: 3,
};

const PAGE: PageState = {
  status: 'ok',
  publishedAt: '2019-07-03',
  groups: [
    {
      topicKey: 'p:trade',
      label: 'Trade',
      entities: [
        { ...ACME, count: 3 },
        { ...OFFICE, count: 1 },
        { ...ADA, count: 1 },
      ],
    },
  ],
};

const titles = () => [...document.querySelectorAll('.bs-event .bs-event-title')].map((el) => el.textContent);

describe('StoryView', () => {
  it('tells the whole page’s story in date order, the article marked and what followed set apart', () => {
    render(<StoryView page={PAGE} story={STORY} onSelectEntity={vi.fn()} />);
    expect(screen.getByRole('heading', { name: 'Story so far' })).toBeTruthy();
    expect(screen.getByText(/8 events about 3 entities on this page/)).toBeTruthy();
    // Seven major events tell the story: it opens on them (e2, importance 2, waits).
    expect(titles()).toEqual([
      'Event e1',
      'Event e3',
      'Event e4',
      'Event e5',
      'Event e6',
      'Event e7',
      'Event e8',
    ]);
    expect(screen.getByText('5 events up to this article, 2 after it')).toBeTruthy();
    // The marker stands between the last event before the article and the first after it.
    const items = [...document.querySelectorAll('.bs-events > li')].map((li) =>
      li.classList.contains('bs-article-marker')
        ? 'marker'
        : li.querySelector('.bs-event-title')!.textContent,
    );
    expect(items.indexOf('marker')).toBe(items.indexOf('Event e6') + 1);
    const after = [...document.querySelectorAll('.bs-event.bs-after .bs-event-title')].map(
      (el) => el.textContent,
    );
    expect(after).toEqual(['Event e7', 'Event e8']);
    // Grouped by year.
    expect(screen.getAllByRole('heading', { level: 3 }).map((h) => h.textContent)).toEqual([
      '2012',
      '2018',
      '2019',
      '2020',
      '2021',
    ]);
  });

  it('names every entity of a shared event once, and each leads to its timeline', async () => {
    const onSelectEntity = vi.fn();
    render(<StoryView page={PAGE} story={STORY} onSelectEntity={onSelectEntity} />);
    const row = screen.getByText('Event e4').closest('li')!;
    const chips = within(row)
      .getAllByRole('button')
      .map((b) => b.textContent);
    expect(chips).toEqual(['Acme Widgets', 'Office of Trade Rules']);
    expect(screen.getAllByText('Event e4')).toHaveLength(1);
    await userEvent.click(within(row).getByRole('button', { name: 'Office of Trade Rules' }));
    expect(onSelectEntity).toHaveBeenCalledWith('p:office');
    expect(within(row).getByRole('link', { name: 'Gazette e4' }).getAttribute('href')).toBe(
      'https://example.org/e4',
    );
  });

  it('filters by importance and topic', async () => {
    const user = userEvent.setup();
    render(<StoryView page={PAGE} story={STORY} onSelectEntity={vi.fn()} />);
    const [topic, importance] = screen.getAllByRole('combobox') as HTMLSelectElement[];
    await user.selectOptions(importance!, '1');
    expect(titles()).toHaveLength(8);
    await user.selectOptions(topic!, 'p:people');
    expect(titles()).toEqual(['Event e3', 'Event e8']);
    await user.selectOptions(importance!, '4');
    await user.selectOptions(topic!, '');
    expect(titles()).toHaveLength(7);
  });

  it('opens on every event when even the notable ones are too few to tell a story', () => {
    const few: StoryData = {
      ...STORY,
      events: [item('a', '2010', 5), item('b', '2011', 3), item('c', '2012', 2)],
    };
    render(<StoryView page={PAGE} story={few} onSelectEntity={vi.fn()} />);
    expect(titles()).toEqual(['Event a', 'Event b', 'Event c']);
  });

  it('says why there is no story: no page, no entities, still loading', () => {
    const { rerender } = render(
      <StoryView page={{ status: 'not-running' }} story={undefined} onSelectEntity={vi.fn()} />,
    );
    expect(screen.getByText('Backstory is not running on this page.')).toBeTruthy();
    rerender(<StoryView page={{ ...PAGE, groups: [] }} story={undefined} onSelectEntity={vi.fn()} />);
    expect(screen.getByText('No entities from your topics are mentioned on this page.')).toBeTruthy();
    rerender(<StoryView page={PAGE} story={undefined} onSelectEntity={vi.fn()} />);
    expect(screen.getByText('Loading…')).toBeTruthy();
  });

  it('choosing a mark in the picture brings its event into view and focus', async () => {
    const user = userEvent.setup();
    render(<StoryView page={PAGE} story={STORY} onSelectEntity={vi.fn()} />);
    const strip = screen.getByRole('img');
    strip.focus();
    // Focus starts at the last event up to the article (e6); one step right is e7.
    await user.keyboard('{ArrowRight}{Enter}');
    const row = document.activeElement!;
    expect(row.id).toBe('bs-event-p:e7');
    expect(row.classList.contains('bs-flash')).toBe(true);
  });
});

describe('TimeStrip', () => {
  const events = STORY.events.slice(0, 4);

  it('is one labelled picture for screen readers; the list carries the events', () => {
    render(<TimeStrip events={events} articleDate="2019-07-03" onSelect={vi.fn()} />);
    const strip = screen.getByRole('img');
    expect(strip.getAttribute('aria-label')).toBe(
      'Timeline picture: 4 events from October 2012 to 16 May 2019. The list below has each of them.',
    );
    expect(strip.querySelector('svg')!.getAttribute('aria-hidden')).toBe('true');
    expect(strip.querySelectorAll('.bs-strip-mark')).toHaveLength(4);
    expect(strip.querySelector('.bs-strip-article')).toBeTruthy();
  });

  it('walks the events with the keyboard and names the one in focus', async () => {
    const onSelect = vi.fn();
    const user = userEvent.setup();
    render(<TimeStrip events={events} articleDate="2019-07-03" onSelect={onSelect} />);
    const tip = () => document.querySelector('.bs-strip-tip')!.textContent;
    expect(tip()).toBe('');
    await user.tab();
    expect(tip()).toBe('16 May 2019 Event e4');
    await user.keyboard('{Home}');
    expect(tip()).toBe('October 2012 Event e1');
    await user.keyboard('{ArrowLeft}');
    expect(tip()).toBe('October 2012 Event e1');
    await user.keyboard('{ArrowRight}');
    expect(tip()).toBe('7 March 2016 Event e2');
    expect(document.querySelector('.bs-strip-mark.bs-active')).toBe(
      document.querySelectorAll('.bs-strip-mark')[1],
    );
    await user.keyboard('{End}{Enter}');
    expect(onSelect).toHaveBeenCalledWith('p:e4');
    await user.tab();
    expect(tip()).toBe('');
  });

  it('shows the event under the pointer and chooses it on click', () => {
    const onSelect = vi.fn();
    render(<TimeStrip events={events} articleDate="2019-07-03" onSelect={onSelect} />);
    const svg = document.querySelector('svg')!;
    fireEvent.pointerMove(svg, { clientX: 0 });
    expect(document.querySelector('.bs-strip-tip')!.textContent).toBe('October 2012 Event e1');
    fireEvent.click(svg, { clientX: 299 });
    expect(onSelect).toHaveBeenCalledWith('p:e4');
    fireEvent.pointerLeave(svg);
    expect(document.querySelector('.bs-strip-tip')!.textContent).toBe('');
  });

  it('draws nothing without events', () => {
    const { container } = render(<TimeStrip events={[]} onSelect={vi.fn()} />);
    expect(container.innerHTML).toBe('');
  });
});

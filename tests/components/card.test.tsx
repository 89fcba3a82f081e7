import { render, screen, within } from '@testing-library/preact';
import userEvent from '@testing-library/user-event';
import { describe, expect, it, vi } from 'vitest';
import { Card, clampWords, firstSentence, type CardProps } from '../../components/Card';
import type { EntityCard, TimelineItem } from '../../data/queries';

function event(key: string, date: string, title: string, importance = 3): TimelineItem {
  return {
    key: `p:${key}`,
    packId: 'p',
    id: key,
    date,
    startKey: date.length === 4 ? `${date}-01-01` : date.length === 7 ? `${date}-01` : date,
    title,
    description: `${title}.`,
    entities: [{ key: 'p:acme', name: 'Acme Widgets', kind: 'company' }],
    topics: ['p:trade'],
    importance,
    sources: [{ publisher: 'Test Gazette', title, url: `https://example.org/${key}` }],
  };
}

function card(overrides: Partial<EntityCard> = {}): EntityCard {
  return {
    entity: {
      key: 'p:acme',
      packId: 'p',
      id: 'acme',
      name: 'Acme Widgets',
      kind: 'company',
      summary: 'An invented maker of widgets. It is used in tests only.',
      aliases: [{ text: 'Acme', caseSensitive: false }],
      topics: ['p:trade'],
      facts: [],
      related: ['p:office'],
    },
    facts: [{ label: 'Founded', value: '1990' }],
    before: [event('a', '2019-05-16', 'Acme listed', 5), event('b', '2019-05', 'Licence issued')],
    after: [event('c', '2020-08-17', 'Rule extended', 4)],
    moreAfter: 12,
    totalBefore: 2,
    totalAfter: 13,
    articleDate: '2019-07-03',
    related: [{ key: 'p:office', name: 'Office of Trade Rules', kind: 'government-body' }],
    topics: [{ key: 'p:trade', packId: 'p', id: 'trade', label: 'Trade', description: 'Trade rules.' }],
    ...overrides,
  };
}

function props(overrides: Partial<CardProps> = {}): CardProps {
  return {
    state: { status: 'ready', card: card() },
    term: 'Acme',
    pinned: false,
    canGoBack: false,
    onBack: vi.fn(),
    onPin: vi.fn(),
    onClose: vi.fn(),
    onOpenTimeline: vi.fn(),
    onOpenStory: vi.fn(),
    onSelectRelated: vi.fn(),
    onIgnoreTerm: vi.fn(),
    onHideTopic: vi.fn(),
    onSiteOff: vi.fn(),
    ...overrides,
  };
}

describe('Card', () => {
  it('leads with name, kind, one line and the events split around the article; details one step away', async () => {
    const user = userEvent.setup();
    render(<Card {...props()} />);
    expect(screen.getByRole('heading', { name: 'Acme Widgets' })).toBeTruthy();
    expect(screen.getByText('Company')).toBeTruthy();
    expect(screen.getByText('An invented maker of widgets.')).toBeTruthy();
    // Short months: the card's date column is narrow.
    expect(screen.getByText('16 May 2019')).toBeTruthy();
    expect(screen.getByText('May 2019')).toBeTruthy();
    expect(screen.getByText('17 Aug 2020')).toBeTruthy();
    const since = screen.getByRole('region', { name: 'Since this article' });
    expect(within(since).getByText('Rule extended')).toBeTruthy();
    expect(within(since).getByText('12 more since')).toBeTruthy();
    // The full summary, key facts, related entities and the controls wait behind "About …".
    expect(screen.queryByText('Founded')).toBeNull();
    expect(screen.queryByText(/It is used in tests only/)).toBeNull();
    expect(screen.queryByRole('button', { name: 'Office of Trade Rules' })).toBeNull();
    const about = screen.getByRole('button', { name: 'More about Acme Widgets' });
    expect(about.getAttribute('aria-expanded')).toBe('false');
    await user.click(about);
    expect(about.getAttribute('aria-expanded')).toBe('true');
    expect(screen.getByText('Founded')).toBeTruthy();
    expect(screen.getByText('An invented maker of widgets. It is used in tests only.')).toBeTruthy();
    await user.click(about);
    expect(screen.queryByText('Founded')).toBeNull();
  });

  it('names one source per event: the first, which the pack lists as primary', () => {
    const c = card();
    c.before[0]!.sources = [
      { publisher: 'Federal Register', title: 'Rule', url: 'https://example.org/rule' },
      { publisher: 'Wire', title: 'Report', url: 'https://example.org/wire' },
    ];
    render(<Card {...props({ state: { status: 'ready', card: c } })} />);
    expect(screen.getByRole('link', { name: 'Federal Register' })).toBeTruthy();
    expect(screen.queryByRole('link', { name: 'Wire' })).toBeNull();
  });

  it('links each event to its source in a new tab without opener', () => {
    render(<Card {...props()} />);
    const links = screen.getAllByRole('link', { name: 'Test Gazette' });
    expect(links).toHaveLength(3);
    for (const link of links) {
      expect(link.getAttribute('target')).toBe('_blank');
      expect(link.getAttribute('rel')).toBe('noopener noreferrer');
      expect(link.getAttribute('href')).toMatch(/^https:\/\/example\.org\//);
    }
  });

  it('gives screen readers a short label: the name and one line', () => {
    render(<Card {...props()} />);
    const dialog = screen.getByRole('dialog');
    expect(dialog.getAttribute('aria-labelledby')).toBe('bs-card-name');
    const line = document.getElementById(dialog.getAttribute('aria-describedby')!);
    expect(line?.textContent).toBe('An invented maker of widgets.');
  });

  it('says when the page has no date and shows the latest events', () => {
    const { articleDate: _drop, ...rest } = card({ after: [], moreAfter: 0 });
    render(<Card {...props({ state: { status: 'ready', card: rest } })} />);
    expect(screen.getByText(/no date, so these are the latest events/)).toBeTruthy();
    expect(screen.queryByRole('region', { name: 'Since this article' })).toBeNull();
  });

  it('has states for loading, error and no events', () => {
    const { rerender } = render(<Card {...props({ state: { status: 'loading' } })} />);
    expect(screen.getByRole('dialog').getAttribute('aria-busy')).toBe('true');
    rerender(<Card {...props({ state: { status: 'error' } })} />);
    expect(screen.getByText("Backstory couldn't load this entry.")).toBeTruthy();
    rerender(
      <Card
        {...props({ state: { status: 'ready', card: card({ before: [], after: [], moreAfter: 0 }) } })}
      />,
    );
    expect(screen.getByText('No dated events yet.')).toBeTruthy();
  });

  it('wires every control', async () => {
    const user = userEvent.setup();
    const p = props({ canGoBack: true });
    render(<Card {...p} />);
    await user.click(screen.getByRole('button', { name: 'Open timeline' }));
    expect(p.onOpenTimeline).toHaveBeenCalledWith('p:acme');
    await user.click(screen.getByRole('button', { name: 'Story so far' }));
    expect(p.onOpenStory).toHaveBeenCalled();
    await user.click(screen.getByRole('button', { name: 'More about Acme Widgets' }));
    await user.click(screen.getByRole('button', { name: 'Office of Trade Rules' }));
    expect(p.onSelectRelated).toHaveBeenCalledWith('p:office');
    await user.click(screen.getByRole('button', { name: 'Pin card' }));
    expect(p.onPin).toHaveBeenCalled();
    await user.click(screen.getByRole('button', { name: 'Back' }));
    expect(p.onBack).toHaveBeenCalled();
    await user.click(screen.getByRole('button', { name: 'Don’t highlight “Acme”'.replace('’', "'") }));
    expect(p.onIgnoreTerm).toHaveBeenCalledWith('p:acme', 'Acme');
    await user.click(screen.getByRole('button', { name: 'Hide topic Trade' }));
    expect(p.onHideTopic).toHaveBeenCalledWith('p:trade');
    await user.click(screen.getByRole('button', { name: 'Turn off on this site' }));
    expect(p.onSiteOff).toHaveBeenCalled();
    await user.click(screen.getByRole('button', { name: 'Close' }));
    expect(p.onClose).toHaveBeenCalled();
  });

  it('renders hostile pack strings as text and never links javascript: URLs', () => {
    const hostile = card();
    hostile.entity.name = '<img src=x onerror=alert(1)>';
    hostile.entity.summary = '<script>alert(1)</script>';
    hostile.before[0]!.sources = [{ publisher: 'Evil', title: 'x', url: 'javascript:alert(1)' }];
    const { container } = render(<Card {...props({ state: { status: 'ready', card: hostile } })} />);
    expect(screen.getByRole('heading', { level: 2 }).textContent).toBe('<img src=x onerror=alert(1)>');
    expect(container.querySelector('img, script')).toBeNull();
    expect(container.querySelector('a[href^="javascript"]')).toBeNull();
    expect(screen.getByText('Evil').tagName).toBe('SPAN');
  });

  it('copes with very long names and summaries and RTL text', () => {
    const long = card();
    long.entity.name = 'Very '.repeat(40) + 'Long Name';
    long.entity.summary = 'ش'.repeat(1200);
    render(<Card {...props({ state: { status: 'ready', card: long } })} />);
    expect(screen.getByRole('heading', { level: 2 }).textContent).toHaveLength(long.entity.name.length);
    // A summary without sentence breaks is cut for the card's line, whole in its title.
    const line = document.querySelector('.bs-card-line')!;
    expect(line.textContent!.length).toBeLessThan(300);
    expect(line.textContent!.endsWith('…')).toBe(true);
    expect(line.getAttribute('title')).toBe(long.entity.summary);
  });
});

describe('firstSentence', () => {
  it('takes the first sentence, or the start of a text without one', () => {
    expect(firstSentence('The US agency keeps the list. It was set up in 1997.')).toBe(
      'The US agency keeps the list.',
    );
    expect(firstSentence('No full stop here')).toBe('No full stop here');
    // Even a first sentence too long for the line ends in an ellipsis, at a word when it can.
    expect(firstSentence('x'.repeat(500))).toBe(`${'x'.repeat(240)}…`);
    const words = firstSentence('word '.repeat(100) + 'end.');
    expect(words.endsWith('word…')).toBe(true);
    expect(words.length).toBeLessThanOrEqual(241);
  });
});

describe('clampWords', () => {
  it('keeps short text whole and cuts long text at a word with an ellipsis', () => {
    expect(clampWords('Huawei Technologies', 24)).toBe('Huawei Technologies');
    expect(clampWords('Committee on Foreign Investment in the United States', 24)).toBe(
      'Committee on Foreign…',
    );
    expect(clampWords('Supercalifragilisticexpialidocious', 10)).toBe('Supercalif…');
  });
});

describe('Card: knowledge that ends before the article', () => {
  it('says plainly when the article is newer than the dataset, and nothing otherwise', () => {
    render(<Card {...props({ state: { status: 'ready', card: card({ knowledgeEnds: '2025-11-07' }) } })} />);
    expect(screen.getByRole('note').textContent).toBe(
      'Backstory’s knowledge of this ends 7 November 2025: this article is newer.',
    );
  });

  it('shows no note for an article inside the dataset’s time', () => {
    render(<Card {...props()} />);
    expect(screen.queryByRole('note')).toBeNull();
  });
});

import { render, screen } from '@testing-library/preact';
import userEvent from '@testing-library/user-event';
import { describe, expect, it, vi } from 'vitest';
import { PopupView, type PopupState, type PopupViewProps } from '../../components/PopupView';
import { openBackstoryDB, writePack } from '../../data/db';
import { loadPopupState } from '../../entrypoints/popup/state';
import { smallPack, validPack } from '../fixtures/packs';
import type { PageReport } from '../../utils/shared/protocol';

function props(state: PopupState, overrides: Partial<PopupViewProps> = {}): PopupViewProps {
  return {
    state,
    siteEnabled: true,
    onToggleSite: vi.fn(),
    onEnableSite: vi.fn(),
    onOpenPanel: vi.fn(),
    onOpenStory: vi.fn(),
    onOpenOptions: vi.fn(),
    ...overrides,
  };
}

const running: PopupState = {
  status: 'running',
  site: 'news.example.com',
  active: true,
  highlightApi: true,
  mentionCount: 7,
  publishedAt: '2024-05-02',
  top: [
    { key: 'p:acme', name: 'Acme Widgets', kind: 'company', count: 4 },
    { key: 'p:otr', name: 'Office of Trade Rules', kind: 'government-body', count: 3 },
  ],
};

describe('PopupView', () => {
  it('shows the count and the most mentioned entities', () => {
    render(<PopupView {...props(running)} />);
    expect(screen.getByText('7 mentions of 2 entities on this page')).toBeTruthy();
    const items = screen.getAllByRole('listitem').map((li) => li.textContent);
    expect(items).toEqual(['Acme Widgets 4', 'Office of Trade Rules 3']);
  });

  it('has a labelled site switch and keyboard-reachable buttons', async () => {
    const p = props(running);
    render(<PopupView {...p} />);
    const user = userEvent.setup();
    await user.tab();
    expect(document.activeElement).toBe(
      screen.getByRole('checkbox', { name: 'Highlight on news.example.com' }),
    );
    await user.keyboard(' ');
    expect(p.onToggleSite).toHaveBeenCalledWith(false);
    await user.tab();
    expect(document.activeElement).toBe(screen.getByRole('button', { name: 'Story so far' }));
    await user.keyboard('{Enter}');
    expect(p.onOpenStory).toHaveBeenCalled();
    await user.tab();
    expect(document.activeElement).toBe(screen.getByRole('button', { name: 'Open side panel' }));
    await user.keyboard('{Enter}');
    expect(p.onOpenPanel).toHaveBeenCalled();
    await user.tab();
    expect(document.activeElement).toBe(screen.getByRole('button', { name: 'Options' }));
  });

  it('offers "Story so far" only when the page has entities and Backstory is on', () => {
    const { rerender } = render(<PopupView {...props(running)} />);
    expect(screen.getByRole('button', { name: 'Story so far' }).className).toContain('bs-primary');
    rerender(<PopupView {...props({ ...running, top: [], mentionCount: 0 })} />);
    expect(screen.queryByRole('button', { name: 'Story so far' })).toBeNull();
    expect(screen.getByRole('button', { name: 'Open side panel' }).className).toContain('bs-primary');
    rerender(<PopupView {...props({ ...running, active: false })} />);
    expect(screen.queryByRole('button', { name: 'Story so far' })).toBeNull();
  });

  it('says when the site is off', () => {
    render(<PopupView {...props({ ...running, active: false }, { siteEnabled: false })} />);
    expect(screen.getByText('Backstory is off on this site.')).toBeTruthy();
    expect((screen.getByRole('checkbox') as HTMLInputElement).checked).toBe(false);
  });

  it('offers to turn Backstory on for a site outside the list', async () => {
    const p = props({ status: 'not-running', site: 'blog.example.org', canEnable: true });
    render(<PopupView {...p} />);
    expect(screen.queryByRole('checkbox')).toBeNull();
    await userEvent.click(screen.getByRole('button', { name: 'Turn on for blog.example.org' }));
    expect(p.onEnableSite).toHaveBeenCalledTimes(1);
  });

  it('explains a refused permission', () => {
    render(
      <PopupView
        {...props(
          { status: 'not-running', site: 'blog.example.org', canEnable: true },
          { enableStatus: 'denied' },
        )}
      />,
    );
    expect(screen.getByRole('alert').textContent).toBe(
      'No permission was given, so Backstory stays off here.',
    );
  });

  it('shows no enable button where the script should already run', () => {
    render(<PopupView {...props({ status: 'not-running', site: '127.0.0.1', canEnable: false })} />);
    expect(screen.queryByRole('button', { name: /Turn on/ })).toBeNull();
    expect(screen.getByText('Backstory is not running on this page.')).toBeTruthy();
  });
});

describe('loadPopupState', () => {
  const seeded = async () => {
    const db = await openBackstoryDB();
    await writePack(db, validPack(smallPack()), 'bundled');
    return db;
  };

  it.each([
    ['https://blog.example.org/post', true],
    ['http://blog.example.org/post', true],
    ['https://www.theguardian.com/world', false],
    ['http://127.0.0.1:8080/article.html', false],
    ['file:///home/me/a.html', false],
  ])('%s without a report: canEnable %s', async (url, canEnable) => {
    const state = await loadPopupState({ id: 1, url }, undefined, await seeded());
    expect(state.status).toBe('not-running');
    expect(state.status === 'not-running' && !!state.canEnable).toBe(canEnable);
  });

  it('says "not running" plainly when the browser gives no URL, and "restricted" for browser pages', async () => {
    const db = await seeded();
    expect(await loadPopupState({ id: 1 }, undefined, db)).toEqual({ status: 'not-running' });
    expect(await loadPopupState({ id: 1, url: 'chrome://settings' }, undefined, db)).toEqual({
      status: 'restricted',
    });
    expect(await loadPopupState(undefined, undefined, db)).toEqual({ status: 'restricted' });
  });

  it('counts mentions and orders entities by count from the report, without a URL', async () => {
    const report: PageReport = {
      mentions: [
        { entityId: 'test-pack:northwind', count: 1, order: 0 },
        { entityId: 'test-pack:gone', count: 5, order: 1 },
        { entityId: 'test-pack:trade-office', count: 3, order: 2 },
      ],
      highlightApi: true,
      active: true,
      site: 'news.example.com',
    };
    const state = await loadPopupState({ id: 1 }, report, await seeded());
    expect(state).toMatchObject({ status: 'running', mentionCount: 9, site: 'news.example.com' });
    // An entity no longer stored is left out; the rest by count.
    expect(state.status === 'running' && state.top.map((e) => e.key)).toEqual([
      'test-pack:trade-office',
      'test-pack:northwind',
    ]);
  });
});

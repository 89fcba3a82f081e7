/** The side panel's back/forward history, a pure reducer. */
import { describe, expect, it } from 'vitest';
import {
  currentView,
  initialNav,
  navigate,
  type NavState,
  type PanelView,
} from '../../components/navigation';

const entity = (key: string): PanelView => ({ kind: 'entity', key });
const run = (state: NavState, ...actions: Parameters<typeof navigate>[1][]) =>
  actions.reduce(navigate, state);

describe('navigate', () => {
  it('starts on the page view with nowhere to go', () => {
    expect(currentView(initialNav)).toEqual({ kind: 'page' });
    expect(navigate(initialNav, { type: 'back' })).toBe(initialNav);
    expect(navigate(initialNav, { type: 'forward' })).toBe(initialNav);
  });

  it('go pushes a view; back and forward move through the history', () => {
    const s = run(initialNav, { type: 'go', view: entity('a') }, { type: 'go', view: entity('b') });
    expect(s.stack).toEqual([{ kind: 'page' }, entity('a'), entity('b')]);
    expect(s.index).toBe(2);
    const back = run(s, { type: 'back' });
    expect(currentView(back)).toEqual(entity('a'));
    expect(currentView(run(back, { type: 'back' }))).toEqual({ kind: 'page' });
    expect(run(back, { type: 'back' }, { type: 'back' }).index).toBe(0);
    expect(currentView(run(back, { type: 'forward' }))).toEqual(entity('b'));
    expect(run(s, { type: 'forward' })).toBe(s);
  });

  it('going somewhere new after going back drops the forward history', () => {
    const s = run(
      initialNav,
      { type: 'go', view: entity('a') },
      { type: 'go', view: entity('b') },
      { type: 'back' },
      { type: 'go', view: entity('c') },
    );
    expect(s.stack).toEqual([{ kind: 'page' }, entity('a'), entity('c')]);
    expect(s.index).toBe(2);
  });

  it('going to the view already shown changes nothing', () => {
    const s = run(initialNav, { type: 'go', view: entity('a') });
    expect(navigate(s, { type: 'go', view: entity('a') })).toBe(s);
    expect(navigate(initialNav, { type: 'go', view: { kind: 'page' } })).toBe(initialNav);
    // Same kind, other content is a new view.
    expect(navigate(s, { type: 'go', view: entity('b') }).stack).toHaveLength(3);
    const search = run(initialNav, { type: 'go', view: { kind: 'search', query: 'x' } });
    expect(navigate(search, { type: 'go', view: { kind: 'search', query: 'y' } }).stack).toHaveLength(3);
  });

  it('replace swaps the current view in place, keeping the rest of the history', () => {
    const s = run(
      initialNav,
      { type: 'go', view: { kind: 'search', query: '' } },
      { type: 'go', view: entity('a') },
      { type: 'back' },
      { type: 'replace', view: { kind: 'search', query: 'hu' } },
      { type: 'replace', view: { kind: 'search', query: 'huawei' } },
    );
    expect(s.stack).toEqual([{ kind: 'page' }, { kind: 'search', query: 'huawei' }, entity('a')]);
    expect(s.index).toBe(1);
    // The old state is not mutated.
    const before = run(initialNav, { type: 'go', view: entity('a') });
    const snapshot = JSON.stringify(before);
    navigate(before, { type: 'replace', view: entity('z') });
    expect(JSON.stringify(before)).toBe(snapshot);
  });

  it('keeps at most 50 entries, dropping the oldest', () => {
    let s = initialNav;
    for (let i = 0; i < 60; i++) s = navigate(s, { type: 'go', view: entity(`e${i}`) });
    expect(s.stack).toHaveLength(50);
    expect(s.index).toBe(49);
    expect(s.stack[0]).toEqual(entity('e10'));
    expect(currentView(s)).toEqual(entity('e59'));
    for (let i = 0; i < 60; i++) s = navigate(s, { type: 'back' });
    expect(s.index).toBe(0);
    expect(currentView(s)).toEqual(entity('e10'));
  });
});

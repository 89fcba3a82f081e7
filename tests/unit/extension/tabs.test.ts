/**
 * Which tab a popup or panel describes, found without tab URLs, and the per-tab report
 * bookkeeping of the background: reports dropped on a new document and on close, the
 * page tab of each window following focus and reports.
 */
import { afterEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { tabParam } from '../../../utils/extension/page-tab';
import {
  NO_PAGE_TABS,
  dropTab,
  dropTabReport,
  getPageTabs,
  getSessionState,
  getTabReport,
  noteActivated,
  pickPageTab,
  registerTabListeners,
  saveTabReport,
  withFocused,
  withoutTab,
} from '../../../utils/extension/tabs';
import type { PageReport } from '../../../utils/shared/protocol';

const report = (site: string): PageReport => ({
  mentions: [{ entityId: 'p:a', count: 2, order: 0 }],
  highlightApi: true,
  active: true,
  site,
});

describe('pickPageTab (pure)', () => {
  // Window 1: tab 7 focused, then our panel tab 5; window 2: tab 9, focused last of all.
  const pageTabs = withFocused(withFocused(withFocused(NO_PAGE_TABS, 7, 1), 5, 1), 9, 2);
  const all = () => true;

  it('takes ?tab= first', () => {
    expect(
      pickPageTab({ param: 3, ownTab: { id: 5, windowId: 1 }, activeTabId: 4, pageTabs, hasReport: all }),
    ).toBe(3);
  });

  it('a real panel or popup (no tab of its own) describes the active tab of its window', () => {
    expect(pickPageTab({ activeTabId: 4, pageTabs, hasReport: all })).toBe(4);
    expect(pickPageTab({ pageTabs, hasReport: all })).toBeUndefined();
  });

  it('a panel opened as a page takes its window’s last focused tab with a report, never itself', () => {
    const own = { id: 5, windowId: 1 };
    expect(pickPageTab({ ownTab: own, pageTabs, hasReport: all })).toBe(7);
    // Tab 7 has no report (yet, or any more): the window focused last has one.
    expect(pickPageTab({ ownTab: own, pageTabs, hasReport: (id) => id === 9 })).toBe(9);
    expect(pickPageTab({ ownTab: own, pageTabs, hasReport: () => false })).toBeUndefined();
    expect(pickPageTab({ ownTab: { id: 5, windowId: 3 }, pageTabs, hasReport: all })).toBe(9);
  });

  it('keeps the most recent first, forgets closed tabs, and changes nothing for a repeat', () => {
    expect(pageTabs).toEqual({ byWindow: { 1: [5, 7], 2: [9] }, lastWindow: 2 });
    expect(withFocused(pageTabs, 7, 1)).toEqual({ byWindow: { 1: [7, 5], 2: [9] }, lastWindow: 1 });
    expect(withoutTab(pageTabs, 9)).toEqual({ byWindow: { 1: [5, 7] }, lastWindow: 2 });
    expect(withFocused(pageTabs, 9, 2)).toBe(pageTabs);
  });

  it('reads ?tab= only as a whole number', () => {
    expect(tabParam('?tab=42')).toBe(42);
    expect(tabParam('?tab=4x')).toBeUndefined();
    expect(tabParam('?tab=')).toBeUndefined();
    expect(tabParam('')).toBeUndefined();
  });
});

describe('tab reports in storage.session', () => {
  it('saves a report; one from the active tab counts as focused, a background tab’s does not', async () => {
    await saveTabReport({ id: 1, windowId: 10, active: false }, report('a.example'));
    expect(await getTabReport(1)).toEqual(report('a.example'));
    expect(await getPageTabs()).toEqual(NO_PAGE_TABS);
    await saveTabReport({ id: 2, windowId: 10, active: true }, report('b.example'));
    expect(await getPageTabs()).toEqual({ byWindow: { 10: [2] }, lastWindow: 10 });
    expect(await getSessionState()).toEqual({
      pageTabs: { byWindow: { 10: [2] }, lastWindow: 10 },
      reported: new Set([1, 2]),
    });
  });

  it('records focus whether or not the tab has a report yet', async () => {
    await noteActivated(3, 10);
    await noteActivated(1, 10);
    expect(await getPageTabs()).toEqual({ byWindow: { 10: [1, 3] }, lastWindow: 10 });
  });

  it('a new document drops the report; closing drops the report and the tab', async () => {
    await saveTabReport({ id: 1, windowId: 10, active: true }, report('a.example'));
    await dropTabReport(1);
    expect(await getTabReport(1)).toBeUndefined();
    expect((await getPageTabs()).byWindow).toEqual({ 10: [1] });
    await saveTabReport({ id: 1, windowId: 10, active: true }, report('a.example'));
    await dropTab(1);
    expect(await getTabReport(1)).toBeUndefined();
    expect(await fakeBrowser.storage.session.get()).toEqual({ pageTabs: { byWindow: {}, lastWindow: 10 } });
  });

  it('serializes concurrent page-tab updates (no lost write)', async () => {
    await Promise.all([
      saveTabReport({ id: 1, windowId: 10, active: true }, report('a.example')),
      saveTabReport({ id: 2, windowId: 20, active: true }, report('b.example')),
      noteActivated(3, 10),
    ]);
    const { byWindow } = await getPageTabs();
    expect([...byWindow[10]!].sort()).toEqual([1, 3]);
    expect(byWindow[20]).toEqual([2]);
  });
});

describe('registerTabListeners: a page without a report is asked for it', () => {
  afterEach(() => vi.useRealTimers());
  const tab = { id: 4, windowId: 10, active: true } as never;

  /** Wires the listeners with a 2 s wait and lets tab 4 finish loading; returns the resend spy. */
  async function loadCompletes() {
    vi.useFakeTimers({ toFake: ['setTimeout'] });
    const resend = vi.fn(async () => report('asked.example'));
    registerTabListeners(resend, 2000);
    await fakeBrowser.tabs.onUpdated.trigger(4, { status: 'complete' }, tab);
    return resend;
  }

  it('only once the page had its time to report: a page that reports itself is not asked', async () => {
    const resend = await loadCompletes();
    await vi.advanceTimersByTimeAsync(1000);
    expect(resend).not.toHaveBeenCalled();
    await saveTabReport({ id: 4, windowId: 10, active: true }, report('own.example'));
    await vi.advanceTimersByTimeAsync(1000);
    expect(resend).not.toHaveBeenCalled();
    expect(await getTabReport(4)).toEqual(report('own.example'));
  });

  it('a page still without a report after the wait is asked, and its answer saved', async () => {
    const resend = await loadCompletes();
    await vi.advanceTimersByTimeAsync(2000);
    expect(resend).toHaveBeenCalledWith(4);
    await vi.waitFor(async () => expect(await getTabReport(4)).toEqual(report('asked.example')));
  });
});

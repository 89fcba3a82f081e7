/**
 * The first-run decision: the page opens on install, never on a plain update, and once
 * more on an update only when the notice version was raised.
 */
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import {
  FIRST_RUN_NOTICE_VERSION,
  FIRST_RUN_PAGE,
  firstRunStorage,
  onInstalledFirstRun,
  shouldOpenFirstRun,
} from '../../../utils/extension/first-run';

describe('shouldOpenFirstRun', () => {
  it('opens on install, whatever was stored', () => {
    expect(shouldOpenFirstRun('install', undefined)).toBe(true);
    expect(shouldOpenFirstRun('install', FIRST_RUN_NOTICE_VERSION)).toBe(true);
  });

  it('does not open on an update when the notice was seen', () => {
    expect(shouldOpenFirstRun('update', 1, 1)).toBe(false);
    expect(shouldOpenFirstRun('update', 3, 3)).toBe(false);
    // A stored version newer than the code (a downgrade) opens nothing either.
    expect(shouldOpenFirstRun('update', 4, 3)).toBe(false);
  });

  it('counts an update from before the first-run page as having seen the baseline notice', () => {
    expect(shouldOpenFirstRun('update', undefined, 1)).toBe(false);
    expect(shouldOpenFirstRun('update', undefined, 2)).toBe(true);
  });

  it('opens on an update once the notice version was raised', () => {
    expect(shouldOpenFirstRun('update', 1, 2)).toBe(true);
    expect(shouldOpenFirstRun('update', 2, 2)).toBe(false);
  });

  it('never opens for browser or shared-module updates', () => {
    for (const reason of ['chrome_update', 'browser_update', 'shared_module_update']) {
      expect(shouldOpenFirstRun(reason, undefined, 2)).toBe(false);
      expect(shouldOpenFirstRun(reason, 1, 2)).toBe(false);
    }
  });
});

describe('onInstalledFirstRun', () => {
  let created: string[];
  beforeEach(() => {
    created = [];
    vi.spyOn(fakeBrowser.tabs, 'create').mockImplementation(async (props) => {
      created.push(props.url ?? '');
      return { id: created.length } as never;
    });
  });

  it('opens the page on install and records the notice as seen', async () => {
    expect(await onInstalledFirstRun('install')).toBe(true);
    expect(created).toEqual([fakeBrowser.runtime.getURL(FIRST_RUN_PAGE)]);
    expect(await firstRunStorage.getValue()).toEqual({
      noticeVersion: FIRST_RUN_NOTICE_VERSION,
      reason: 'install',
    });
  });

  it('opens it exactly once over an install and later updates', async () => {
    await onInstalledFirstRun('install');
    await onInstalledFirstRun('update');
    await onInstalledFirstRun('chrome_update');
    await onInstalledFirstRun('update');
    expect(created).toHaveLength(1);
    expect(await firstRunStorage.getValue()).toEqual({
      noticeVersion: FIRST_RUN_NOTICE_VERSION,
      reason: 'update',
    });
  });

  it('opens it again on update when the stored notice is older', async () => {
    await firstRunStorage.setValue({ noticeVersion: FIRST_RUN_NOTICE_VERSION - 1, reason: 'install' });
    expect(await onInstalledFirstRun('update')).toBe(true);
    expect(created).toHaveLength(1);
    expect((await firstRunStorage.getValue())?.noticeVersion).toBe(FIRST_RUN_NOTICE_VERSION);
  });

  it('records the baseline for an update from before the page existed, without opening it', async () => {
    expect(await onInstalledFirstRun('update')).toBe(false);
    expect(created).toEqual([]);
    expect(await firstRunStorage.getValue()).toEqual({ noticeVersion: 1, reason: 'update' });
  });
});

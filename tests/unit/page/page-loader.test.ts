import { afterEach, describe, expect, it, vi } from 'vitest';
import type { ContentScriptContext } from 'wxt/utils/content-script-context';
import {
  importGlobal,
  PAGE_MAIN_GLOBAL,
  startPageMain,
  type PageMain,
} from '../../../utils/page/page-loader';

const URL_ = 'chrome-extension://id/page-main.js';

function context(invalid = false) {
  return { isInvalid: invalid } as ContentScriptContext;
}

afterEach(() => vi.restoreAllMocks());

describe('startPageMain', () => {
  it('imports the page module by its URL and starts it with the context', async () => {
    const ctx = context();
    const main = vi.fn<PageMain>(async () => undefined);
    const load = vi.fn(async () => main);
    expect(await startPageMain(ctx, URL_, load)).toBe(true);
    expect(load).toHaveBeenCalledWith(URL_, PAGE_MAIN_GLOBAL);
    expect(main).toHaveBeenCalledWith(ctx);
  });

  it('leaves the page as it is, with a warning, when the module cannot be loaded', async () => {
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => undefined);
    const failure = new TypeError('Failed to fetch dynamically imported module');
    expect(await startPageMain(context(), URL_, async () => Promise.reject(failure))).toBe(false);
    expect(warn).toHaveBeenCalledWith('[backstory] could not load the page script', failure);
  });

  it('warns when the module loaded but registered nothing callable', async () => {
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => undefined);
    expect(await startPageMain(context(), URL_, async () => undefined)).toBe(false);
    expect(await startPageMain(context(), URL_, async () => 'not a function' as never)).toBe(false);
    expect(warn).toHaveBeenCalledTimes(2);
    expect(warn).toHaveBeenCalledWith('[backstory] the page script did not register');
  });

  it('does not start a copy whose context was invalidated while the module loaded', async () => {
    const main = vi.fn<PageMain>(async () => undefined);
    expect(await startPageMain(context(true), URL_, async () => main)).toBe(false);
    expect(main).not.toHaveBeenCalled();
  });

  it('passes on a failure of the started page code', async () => {
    const error = new Error('boom');
    await expect(startPageMain(context(), URL_, async () => () => Promise.reject(error))).rejects.toBe(error);
  });
});

describe('importGlobal', () => {
  it('evaluates the script at the URL and returns what it registered under the key', async () => {
    const key = '__backstoryTestGlobal';
    const source = `globalThis.${key} = { registered: true };`;
    const value = await importGlobal<{ registered: boolean }>(
      `data:text/javascript,${encodeURIComponent(source)}`,
      key,
    );
    expect(value).toEqual({ registered: true });
    delete (globalThis as Record<string, unknown>)[key];
  });

  it('returns undefined when the script registered nothing', async () => {
    expect(await importGlobal('data:text/javascript,void 0', '__backstoryNothing')).toBeUndefined();
  });

  it('rejects when the script cannot be loaded', async () => {
    await expect(importGlobal('data:text/javascript,syntax error(', '__x')).rejects.toThrow();
  });
});

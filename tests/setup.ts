/**
 * Test setup for unit and component tests: an in-memory IndexedDB, WXT's fake browser
 * reset before each test, and i18n answered from the English messages file (the fake
 * browser does not implement getMessage).
 */
import 'fake-indexeddb/auto';
import { IDBFactory } from 'fake-indexeddb';
import { cleanup } from '@testing-library/preact';
import { afterEach, beforeEach } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import messages from '../public/_locales/en/messages.json';
import { fillPlaceholders } from '../utils/shared/i18n';

const english = messages as Record<string, { message: string }>;

beforeEach(() => {
  fakeBrowser.reset();
  // A fresh database per test: no test sees another's data.
  globalThis.indexedDB = new IDBFactory();
  fakeBrowser.i18n.getMessage = ((key: string, subs?: string | string[]) =>
    fillPlaceholders(english[key]?.message ?? '', typeof subs === 'string' ? [subs] : (subs ?? []))) as never;
});

// Unmount rendered components after each test (vitest runs without globals).
afterEach(() => cleanup());

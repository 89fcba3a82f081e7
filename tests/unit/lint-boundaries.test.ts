/**
 * The layout's import rules are enforced by lint: an import across a runtime boundary
 * fails, the same import type-only passes, and what each side may use passes. Runs
 * ESLint with the project's own config on code written here, as if it lived in each folder.
 */
import { ESLint } from 'eslint';
import { describe, expect, it } from 'vitest';

const eslint = new ESLint({ cwd: process.cwd() });

async function errors(filePath: string, code: string): Promise<string[]> {
  const [result] = await eslint.lintText(code, { filePath });
  return (result?.messages ?? [])
    .filter((m) => m.ruleId === '@typescript-eslint/no-restricted-imports')
    .map((m) => m.message);
}

describe('lint: who may import whom', () => {
  it.each([
    ['utils/core/matcher/x.ts', "import { browser } from 'wxt/browser';"],
    ['utils/core/matcher/x.ts', "import { openBackstoryDB } from '../../../data/db';"],
    ['utils/core/matcher/x.ts', "import { t } from '../../shared/i18n';"],
    ['data/x.ts', "import { t } from '../utils/shared/i18n';"],
    ['data/x.ts', "import { Card } from '../components/Card';"],
    ['utils/page/x.ts', "import { render } from 'preact';"],
    ['utils/page/x.ts', "import { openDB } from 'idb';"],
    ['utils/page/x.ts', "import { getEntityCard } from '../../data/queries';"],
    ['utils/page/x.ts', "import { getTabReport } from '../extension/tabs';"],
    ['entrypoints/backstory.content/x.ts', "import { Card } from '../../components/Card';"],
    // The injected loader: the page's code goes in page-main, compiled off the main thread.
    [
      'entrypoints/backstory.content/x.ts',
      "import { ContentController } from '../../utils/page/controller';",
    ],
    ['entrypoints/page-main/x.ts', "import { getTabReport } from '../../utils/extension/tabs';"],
    ['utils/extension/x.ts', "import { ContentController } from '../page/controller';"],
    ['utils/extension/x.ts', "import { Card } from '../../components/Card';"],
    ['utils/shared/x.ts', "import { getDb } from '../extension/store';"],
    ['components/x.tsx', "import { browser } from 'wxt/browser';"],
    ['components/x.tsx', "import { getEntityCard } from '../data/queries';"],
    ['components/x.tsx', "import { findPageTab } from '../utils/extension/page-tab';"],
  ])('%s may not: %s', async (file, code) => {
    expect(await errors(file, code)).toHaveLength(1);
  });

  it.each([
    ['utils/core/matcher/x.ts', "import { normalizeAlias } from './normalize';"],
    ['data/x.ts', "import { normalizeAlias } from '../utils/core/matcher/normalize';"],
    ['utils/page/x.ts', "import type { EntityCard } from '../../data/queries';"],
    ['utils/page/x.ts', "import { matchText } from '../core/matcher';"],
    ['utils/page/x.ts', "import { densityStorage } from '../shared/settings';"],
    ['entrypoints/backstory.content/x.ts', "import { startPageMain } from '../../utils/page/page-loader';"],
    ['entrypoints/backstory.content/x.ts', "import '../../utils/page/highlights.css';"],
    ['entrypoints/backstory.content/x.ts', "import { CONTENT_MATCHES } from '../../utils/shared/sites';"],
    ['entrypoints/page-main/x.ts', "import { ContentController } from '../../utils/page/controller';"],
    ['utils/extension/x.ts', "import { openBackstoryDB } from '../../data/db';"],
    ['components/x.tsx', "import type { EntityCard } from '../data/queries';"],
    ['components/x.tsx', "import { t } from '../utils/shared/i18n';"],
    ['entrypoints/popup/x.tsx', "import { openBackstoryDB } from '../../data/db';"],
  ])('%s may: %s', async (file, code) => {
    expect(await errors(file, code)).toEqual([]);
  });

  it('keeps the polyfill rule everywhere', async () => {
    expect(await errors('utils/page/x.ts', "import browser from 'webextension-polyfill';")).toHaveLength(1);
  });
});

import preact from '@preact/preset-vite';
import { playwright } from '@vitest/browser-playwright';
import { defineConfig } from 'vitest/config';
import { WxtVitest } from 'wxt/testing/vitest-plugin';
// @ts-expect-error plain JS helper shared with npm start
import { CHROMIUM_FLAGS, findBrowser } from './scripts/browser.mjs';

/**
 * DOM code of the page side, tested in a real engine (Debian's Chromium, vitest browser
 * mode) rather than in happy-dom: reading blocks, mentions and dates, highlighting,
 * hovering, mutations and scanning.
 */
const DOM_TESTS = [
  'tests/unit/page/read/article-date.test.ts',
  'tests/unit/page/read/blocks.test.ts',
  'tests/unit/page/read/iterate-blocks.test.ts',
  'tests/unit/page/read/mentions.test.ts',
  'tests/unit/page/adopt-styles.test.ts',
  'tests/unit/page/highlighter.test.ts',
  'tests/unit/page/hover.test.ts',
  'tests/unit/page/mutations.test.ts',
  'tests/unit/page/near-viewport.test.ts',
  'tests/unit/page/scan.test.ts',
  'tests/unit/page/scan-viewport.test.ts',
  'tests/unit/page/slices.test.ts',
];

const chromium: string | undefined = findBrowser();
if (!chromium) {
  if (process.env.CI === 'true') throw new Error('CI=true but no Chromium found for the DOM tests');
  console.log('[dom] no Chromium found (install chromium or set CHROME_PATH): DOM tests skipped');
}

export default defineConfig({
  plugins: [WxtVitest(), preact()],
  test: {
    projects: [
      {
        extends: true,
        test: {
          name: 'unit',
          include: ['tests/unit/**/*.test.{ts,tsx}', 'tests/components/**/*.test.{ts,tsx}'],
          exclude: DOM_TESTS,
          environment: 'happy-dom',
          setupFiles: ['tests/setup.ts'],
          testTimeout: 30_000,
        },
      },
      ...(chromium
        ? [
            {
              test: {
                name: 'dom',
                include: DOM_TESTS,
                testTimeout: 30_000,
                browser: {
                  enabled: true,
                  headless: true,
                  screenshotFailures: false,
                  provider: playwright({
                    launchOptions: {
                      executablePath: chromium,
                      args: CHROMIUM_FLAGS,
                    },
                  }),
                  instances: [{ browser: 'chromium' as const }],
                },
              },
            },
          ]
        : []),
      {
        extends: true,
        test: {
          name: 'e2e',
          include: ['tests/e2e/**/*.test.ts'],
          globalSetup: ['tests/e2e/global-setup.ts'],
          environment: 'node',
          testTimeout: 90_000,
          hookTimeout: 120_000,
          fileParallelism: false,
        },
      },
      {
        extends: true,
        test: {
          name: 'e2e-firefox',
          include: ['tests/e2e-firefox/**/*.test.ts'],
          // After the other projects: two browsers at once on a small machine make timing flaky.
          sequence: { groupOrder: 1 },
          globalSetup: ['tests/e2e-firefox/global-setup.ts'],
          environment: 'node',
          testTimeout: 90_000,
          hookTimeout: 120_000,
          fileParallelism: false,
        },
      },
    ],
  },
});

import js from '@eslint/js';
import prettier from 'eslint-config-prettier';
import tseslint from 'typescript-eslint';

/** Always: one `browser`, from WXT. */
const POLYFILL_PATHS = [
  { name: 'webextension-polyfill', message: "Import browser from 'wxt/browser'." },
  { name: '@wxt-dev/browser', message: "Import browser from 'wxt/browser'." },
];

/**
 * Who may import whom, by the runtime code runs in (see README, "Layout"). Type-only
 * imports are allowed across a boundary: they vanish from the build.
 */
const BROWSER = ['wxt', 'wxt/*', 'idb', 'preact', 'preact/*', '@webext-core/*', '@floating-ui/*'];
const UI = ['preact', 'preact/*', '**/components/**'];
const ENTRYPOINTS = ['**/entrypoints/**'];
const PAGE = ['**/page/**'];
const EXTENSION = ['**/extension/**', 'idb'];
const STORE = ['**/data/db', '**/data/queries', '**/data/export', '**/data/validate', '**/data/packs/**'];
const SHARED = ['**/shared/**'];

const boundary = (files, groups, message) => ({
  files,
  rules: {
    '@typescript-eslint/no-restricted-imports': [
      'error',
      { paths: POLYFILL_PATHS, patterns: [{ group: [...new Set(groups)], message, allowTypeImports: true }] },
    ],
  },
});

export const BOUNDARIES = [
  boundary(
    ['utils/core/**'],
    [...BROWSER, '**/data/**', ...UI, ...ENTRYPOINTS, ...PAGE, ...EXTENSION, ...SHARED],
    'utils/core is pure: it imports nothing of the browser, the store, the UI or the rest of utils.',
  ),
  boundary(
    ['data/**'],
    [
      'wxt',
      'wxt/*',
      'preact',
      'preact/*',
      '@webext-core/*',
      ...UI,
      ...ENTRYPOINTS,
      ...PAGE,
      ...SHARED,
      '**/extension/**',
    ],
    'data/ (packs, store, queries) imports only utils/core.',
  ),
  boundary(
    ['utils/shared/**'],
    ['idb', ...UI, ...ENTRYPOINTS, ...PAGE, ...EXTENSION, ...STORE],
    'utils/shared (protocol, settings, sites) is used by the page and the extension: it imports neither side.',
  ),
  boundary(
    ['utils/page/**', 'entrypoints/page-main/**'],
    [...UI, ...ENTRYPOINTS, ...EXTENSION, ...STORE],
    'The page side (content script) imports no Preact, no idb, no store and no extension-page code.',
  ),
  boundary(
    ['entrypoints/backstory.content/**'],
    [
      ...UI,
      ...ENTRYPOINTS,
      ...EXTENSION,
      ...STORE,
      ...PAGE,
      '!**/page/page-loader',
      '!**/page/highlights.css',
    ],
    'The injected loader imports only page-loader: the page code is in page-main, which it imports, compiled off the main thread.',
  ),
  boundary(
    ['utils/extension/**'],
    [...UI, ...ENTRYPOINTS, ...PAGE],
    'utils/extension (background and page services) imports no UI and no content-script code.',
  ),
  boundary(
    ['components/**'],
    ['wxt/browser', 'idb', ...ENTRYPOINTS, ...PAGE, ...EXTENSION, ...STORE],
    'components/ receive data: no browser APIs, no store, no services.',
  ),
];

export default tseslint.config(
  { ignores: ['.output/', '.wxt/', 'node_modules/', 'docs/'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  prettier,
  {
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      'no-restricted-syntax': [
        'error',
        {
          selector: "MemberExpression[property.name='innerHTML']",
          message: 'No innerHTML: render data as text.',
        },
        {
          selector: "JSXAttribute[name.name='dangerouslySetInnerHTML']",
          message: 'No dangerouslySetInnerHTML.',
        },
        { selector: "CallExpression[callee.name='eval']", message: 'No eval.' },
      ],
      '@typescript-eslint/no-restricted-imports': ['error', { paths: POLYFILL_PATHS }],
    },
  },
  ...BOUNDARIES,
  {
    files: ['scripts/**', 'bench/**', 'tests/**'],
    languageOptions: {
      globals: { process: 'readonly', console: 'readonly', URL: 'readonly', setTimeout: 'readonly' },
    },
  },
  {
    // Tests and the session tooling build and read their own fixture pages; the rule guards product code.
    files: ['tests/**', 'scripts/chromium-session.ts'],
    rules: { 'no-restricted-syntax': 'off' },
  },
);

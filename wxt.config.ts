import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { defineConfig } from 'wxt';
import preact from '@preact/preset-vite';
import { compileHint } from './scripts/compile-hint';

/**
 * The bundled pack ships as a file of its own (`packs/<id>.json`), read only when it must
 * be seeded; the service worker knows just its id and version, so a waking worker does not
 * parse the whole dataset.
 */
const PACK_FILE = resolve(import.meta.dirname, 'data', 'packs', 'us-china-tech.json');
const packHead = (() => {
  const { id, version } = JSON.parse(readFileSync(PACK_FILE, 'utf8')) as { id: string; version: string };
  return { id, version, path: `/packs/${id}.json` };
})();

// See https://wxt.dev/api/config.html
export default defineConfig({
  modules: ['@wxt-dev/webextension-polyfill'],
  // MV3 everywhere: Firefox 153+ (see strict_min_version below) supports it fully.
  manifestVersion: 3,
  // Parallel builds (tests, benchmarks) can write elsewhere than .output.
  outDir: process.env.BACKSTORY_OUT_DIR ?? '.output',
  imports: false,
  vite: () => ({
    plugins: [preact()],
    build: { target: 'es2022' },
    define: { __BUNDLED_PACK__: JSON.stringify(packHead) },
  }),
  hooks: {
    // The content script (its loader and the page module it imports, page-main) runs on
    // every page a reader opens, so it is kept lean: there,
    // `wxt/browser` is WXT's own `browser` (the browser's promise-based APIs: Firefox's
    // `browser`, Chrome's MV3 `chrome`), without the polyfill's 9.6 kB and the work of
    // evaluating it. It uses only APIs both browsers give with promises (storage.local,
    // its onChanged, runtime.getURL, i18n.getMessage; messaging goes through
    // @webext-core/messaging, which calls them directly). Every other entrypoint keeps
    // the polyfill (see README, "Dependencies").
    'vite:build:extendConfig': (entrypoints, config) => {
      // The page module runs most of its functions on every page: V8 compiles them with
      // the file, off the page's main thread (scripts/compile-hint.ts).
      if (entrypoints.some((e) => e.name === 'page-main'))
        (config.plugins ??= []).push(compileHint(['page-main.js']));
      if (!entrypoints.every((e) => e.type === 'content-script' || e.name === 'page-main')) return;
      const plain = { find: /^wxt\/browser$/, replacement: '@wxt-dev/browser' };
      config.resolve ??= {};
      const alias = config.resolve.alias;
      config.resolve.alias = Array.isArray(alias)
        ? [plain, ...alias]
        : [plain, ...Object.entries(alias ?? {}).map(([find, replacement]) => ({ find, replacement }))];
    },
    'build:publicAssets': (_wxt, files) => {
      files.push({ absoluteSrc: PACK_FILE, relativeDest: packHead.path.slice(1) });
    },
  },
  zip: {
    artifactTemplate: 'backstory-{{version}}-{{browser}}.zip',
    sourcesTemplate: 'backstory-{{version}}-sources.zip',
    // Reviewers need what builds the add-on; docs/ is screenshots and store text (kept in git).
    excludeSources: ['tests/**', 'bench/results/**', 'docs/**', '.ci/**'],
  },
  manifest: ({ browser }) => ({
    name: '__MSG_extName__',
    description: '__MSG_extDescription__',
    default_locale: 'en',
    permissions: [
      'storage',
      'contextMenus',
      'activeTab',
      // Registers and injects the content script on sites the user turns on (see utils/extension/user-sites.ts).
      'scripting',
      ...(browser === 'firefox' ? [] : ['sidePanel']),
    ],
    // Nothing is granted at install: the popup asks for one site at a time.
    optional_host_permissions: ['*://*/*'],
    action: { default_title: '__MSG_actionTitle__' },
    // The content script's page module, imported by its loader, and the card's UI,
    // imported on the first hover. A dynamic URL (Chrome) changes every session and on
    // every reload of the extension, so pages cannot probe for it.
    web_accessible_resources: [
      {
        resources: ['page-main.js', 'card-ui.js'],
        matches: ['*://*/*'],
        ...(browser === 'firefox' ? {} : { use_dynamic_url: true }),
      },
    ],
    commands: {
      'next-mention': {
        suggested_key: { default: 'Alt+Shift+N' },
        description: '__MSG_commandNextMention__',
      },
      'open-side-panel': {
        suggested_key: { default: 'Alt+Shift+B' },
        description: '__MSG_commandOpenPanel__',
      },
    },
    ...(browser === 'firefox'
      ? {
          browser_specific_settings: {
            gecko: {
              id: 'backstory@backstory.invalid',
              // The CSS Custom Highlight API shipped in Firefox 140, but 140 does not draw
              // text-decoration in ::highlight() (the default dotted underline is invisible,
              // and no CSS or DOM check tells), while 153 does: 153 ESR is the first version
              // tested to draw it (tests/e2e-firefox, README "Firefox").
              strict_min_version: '153.0',
              // Backstory collects nothing.
              data_collection_permissions: { required: ['none'] },
            },
            gecko_android: {
              // The same engine as on the desktop (data_collection_permissions needs 142).
              strict_min_version: '153.0',
            },
          },
        }
      : {}),
  }),
});

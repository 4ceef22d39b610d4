// Lint rules that enforce Tono's boundaries (see CONTRIBUTING.md) rather than hoping for them.
import js from '@eslint/js';
import globals from 'globals';
import tseslint from 'typescript-eslint';

const noHtmlInjection = [
  {
    selector: "AssignmentExpression[left.property.name=/^(innerHTML|outerHTML)$/]",
    message: 'Never write HTML: templates, guides and page text are inserted and shown as text.',
  },
  {
    selector: "CallExpression[callee.property.name='insertAdjacentHTML']",
    message: 'Never write HTML: use textContent or DOM nodes.',
  },
  { selector: "JSXAttribute[name.name='dangerouslySetInnerHTML']", message: 'Never render raw HTML.' },
  { selector: "CallExpression[callee.name='eval'], NewExpression[callee.name='Function']", message: 'No eval.' },
];

const STORAGE_REASON = 'Content scripts, sites and domain/ never use storage: a content script would share it with the page. Ask the background.';
const pageStorage = ['indexedDB', 'localStorage', 'sessionStorage'].map((name) => ({ name, message: STORAGE_REASON }));
const pageStorageProperties = ['window', 'globalThis', 'self'].flatMap((object) =>
  ['indexedDB', 'localStorage', 'sessionStorage'].map((property) => ({ object, property, message: STORAGE_REASON })),
);
const extensionApis = ['chrome', 'browser'].map((name) => ({ name, message: 'Site adapters are pure DOM code: no browser APIs.' }));

/** Builds a no-restricted-imports rule from [pattern, reason] pairs. */
const forbid = (...pairs) => [
  'error',
  { patterns: pairs.map(([group, message]) => ({ group: [group].flat(), message })) },
];

export default tseslint.config(
  { ignores: ['dist/', 'node_modules/', 'demo-output/', 'artifacts/', 'bench/results.json'] },
  js.configs.recommended,
  ...tseslint.configs.strict,
  {
    // Tooling, tests and benchmarks run in Node and drive pages; extension code gets only its own
    // context's globals below, so a DOM call in the worker is an undefined name, not a crash.
    ignores: ['src/**'],
    languageOptions: { globals: { ...globals.browser, ...globals.node, ...globals.webextensions } },
  },
  {
    rules: {
      '@typescript-eslint/no-explicit-any': 'error',
      '@typescript-eslint/no-non-null-assertion': 'off',
      'no-restricted-syntax': ['error', ...noHtmlInjection],
    },
  },
  {
    files: ['src/**/*.{ts,tsx}'],
    ignores: ['src/background/**'],
    languageOptions: { globals: { ...globals.browser, ...globals.webextensions } },
  },
  {
    files: ['src/background/**/*.ts'],
    languageOptions: { globals: { ...globals.serviceworker, ...globals.webextensions } },
  },
  {
    files: ['src/**/*.{ts,tsx}'],
    ignores: ['src/shared/browser/**'],
    rules: {
      'no-restricted-imports': forbid([
        'webextension-polyfill',
        'Import `browser` from src/shared/browser: it is the only module that may load the polyfill.',
      ]),
    },
  },
  {
    // Page-side code and pure logic never touch storage of their own: in a content script it would
    // be the site's origin (readable by the page), and domain/ must stay pure.
    files: ['src/content/**/*.ts', 'src/sites/**/*.ts', 'src/shared/domain/**/*.ts'],
    rules: {
      'no-restricted-globals': ['error', ...pageStorage],
      'no-restricted-properties': ['error', ...pageStorageProperties],
    },
  },
  {
    files: ['src/content/**/*.ts', 'src/sites/**/*.ts'],
    rules: {
      'no-restricted-imports': forbid(
        ['webextension-polyfill', 'Use src/shared/browser.'],
        [['dexie', '**/shared/db/*', '!**/shared/db/types'], 'Content scripts never open IndexedDB: it would be the site’s origin. Ask the background.'],
        [['preact', 'preact/*', '**/sidepanel/**', '**/options/**'], 'The injected script stays small: no UI framework on every page.'],
      ),
    },
  },
  {
    files: ['src/sites/**/*.ts'],
    rules: {
      'no-restricted-imports': forbid(
        [['webextension-polyfill', '**/shared/browser*', '**/shared/browser/**', 'dexie', '**/shared/db/**', '**/shared/messages/**'], 'Site adapters are pure DOM code: no browser APIs, storage or messaging.'],
        [['**/content/**', '**/background/**'], 'Adapters do not depend on the content script or the worker.'],
        // Repeated from the content block: in flat config a later rule setting replaces an earlier one.
        [['preact', 'preact/*', '**/sidepanel/**', '**/options/**'], 'The injected script stays small: no UI framework on every page.'],
      ),
      'no-restricted-globals': ['error', ...pageStorage, ...extensionApis],
      'no-restricted-properties': ['error', ...pageStorageProperties],
    },
  },
  {
    files: ['src/shared/domain/**/*.ts'],
    rules: {
      'no-restricted-imports': forbid(
        [['webextension-polyfill', '**/browser', '**/browser/**', 'dexie', '**/db/database', '**/db/repos/**', 'preact', 'preact/*'], 'domain/ is pure logic: no browser APIs, storage or UI.'],
      ),
    },
  },
  {
    files: ['src/background/**/*.ts'],
    rules: {
      'no-restricted-imports': forbid(
        ['webextension-polyfill', 'Use src/shared/browser.'],
        [['preact', 'preact/*', '**/sidepanel/**', '**/options/**', '**/content/**'], 'The worker has no DOM and no UI.'],
      ),
      'no-restricted-globals': ['error', 'window', 'document', 'localStorage', 'sessionStorage'],
    },
  },
);

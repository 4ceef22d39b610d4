import { ESLint } from 'eslint';
import { beforeAll, describe, expect, it } from 'vitest';

// The boundaries table in CONTRIBUTING.md, checked against what `eslint.config.js` really enforces:
// each line is code a contributor might write in that place, linted as if it lived there.
const eslint = new ESLint();

async function ruleIds(filePath: string, code: string): Promise<string[]> {
  const [result] = await eslint.lintText(code, { filePath });
  return (result?.messages ?? []).map((message) => message.ruleId ?? message.message);
}

describe('lint boundaries', () => {
  // Loading the config and the TypeScript parser takes seconds on a busy machine: once, up front.
  beforeAll(() => eslint.lintText('export {};\n', { filePath: 'src/content/example.ts' }), 60_000);

  it.each([
    ['src/sites/example.ts', "import { h } from 'preact';\nexport const x = h;\n", 'no-restricted-imports'],
    ['src/sites/example.ts', "import { Panel } from '../sidepanel/Panel';\nexport const x = Panel;\n", 'no-restricted-imports'],
    ['src/sites/example.ts', "import { browser } from '../shared/browser';\nexport const x = browser;\n", 'no-restricted-imports'],
    ['src/sites/example.ts', 'export const id = chrome.runtime.id;\n', 'no-restricted-globals'],
    ['src/sites/example.ts', "export const seen = localStorage.getItem('k');\n", 'no-restricted-globals'],
    ['src/content/example.ts', "export const open = indexedDB.open('tono');\n", 'no-restricted-globals'],
    ['src/content/example.ts', "export const seen = window.sessionStorage.getItem('k');\n", 'no-restricted-properties'],
    ['src/content/example.ts', "import Dexie from 'dexie';\nexport const x = Dexie;\n", 'no-restricted-imports'],
    ['src/content/example.ts', "import { h } from 'preact';\nexport const x = h;\n", 'no-restricted-imports'],
    ['src/shared/domain/example.ts', "export const seen = globalThis.localStorage.getItem('k');\n", 'no-restricted-properties'],
    ['src/background/example.ts', 'export const title = document.title;\n', 'no-restricted-globals'],
    ['src/background/example.ts', "import { h } from 'preact';\nexport const x = h;\n", 'no-restricted-imports'],
    ['src/sidepanel/example.ts', "import browser from 'webextension-polyfill';\nexport const x = browser;\n", 'no-restricted-imports'],
    ['src/content/example.ts', "export function f(el: Element, s: string) { el.innerHTML = s; }\n", 'no-restricted-syntax'],
  ])('%s refuses %j', async (filePath, code, rule) => {
    expect(await ruleIds(filePath, code)).toContain(rule);
  });

  it.each([
    ['src/content/example.ts', "export const box = document.querySelector('textarea');\n"],
    ['src/sites/example.ts', "export const time = document.querySelector('time')?.getAttribute('datetime');\n"],
    ['src/background/example.ts', "export const open = indexedDB.open('tono');\n"],
    ['src/sidepanel/example.ts', "import { h } from 'preact';\nexport const x = h;\n"],
  ])('%s accepts %j (positive control)', async (filePath, code) => {
    expect(await ruleIds(filePath, code)).toEqual([]);
  });
});

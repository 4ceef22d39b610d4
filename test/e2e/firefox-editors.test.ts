import type { Page } from 'puppeteer-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { FixtureKind } from '../../scripts/lib/fixtures';
import { launchFirefoxWithTono, type FirefoxTono } from '../../scripts/lib/firefox-with-tono';
import { STARTER_LIBRARY } from '../../src/shared/domain/starter-library';

// Firefox gives page editors an empty clipboardData for synthetic pastes, so Tono uses native
// commands there. This checks, per editor, what the editor's own model holds after Tab.
let tono: FirefoxTono | undefined;
const body = STARTER_LIBRARY.find((t) => t.shortcut === 'recibido')!.body;
const [firstLine = '', secondLine = ''] = body.replace(/ \{\{firstName\|\}\},/, '').split('\n');

beforeAll(async () => {
  tono = await launchFirefoxWithTono();
}, 30_000);
afterAll(async () => {
  await tono?.close();
}, 15_000);

async function expandIn(kind: FixtureKind): Promise<{ page: Page; model: () => Promise<string> }> {
  const page = await tono!.openFixture(kind);
  await page.click(kind === 'shadow' ? '>>> [data-fixture-box]' : '[data-fixture-box]');
  await page.keyboard.type('recibido');
  await page.keyboard.press('Tab');
  return { page, model: () => page.evaluate('window.fixture.modelText()') as Promise<string> };
}

// The fixture comment's author differs per page; the reply's two lines are what must be exact.
const twoLines = (model: string, separator: string) =>
  model.includes(firstLine.slice(firstLine.indexOf(','))) && model.endsWith(`${separator}${secondLine}`);

describe('Firefox: Tab expansion into each editor model', () => {
  for (const kind of ['lexical-rich', 'lexical-plain', 'quill1', 'quill2', 'slate', 'textarea', 'contenteditable', 'shadow'] as const) {
    it(`${kind}: the reply with one line break`, async () => {
      const { page, model } = await expandIn(kind);
      await expect.poll(async () => twoLines(await model(), '.\n'), { timeout: 10_000 }).toBe(true);
      expect((await model()).split('\n')).toHaveLength(2);
      await page.close();
    }, 20_000);
  }

  for (const kind of ['prosemirror', 'tiptap'] as const) {
    it(`${kind}: the reply with its lines kept apart (a paragraph break in Firefox)`, async () => {
      const { page, model } = await expandIn(kind);
      await expect.poll(async () => twoLines(await model(), '.\n\n'), { timeout: 10_000 }).toBe(true);
      await page.close();
    }, 20_000);
  }

  it('draft: nothing scrambled; the shortcut stays for a real paste from the clipboard', async () => {
    const { page, model } = await expandIn('draft');
    await new Promise((resolve) => setTimeout(resolve, 1000));
    expect(await model()).toBe('recibido');
    await page.close();
  }, 20_000);
});

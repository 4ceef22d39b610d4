// Insertion into every editor kind, judged by the editor's own model (what the site would send).
// Fixture pages are built from the real libraries and served at the real sites' URLs.
import type { Locator, Page } from 'playwright-core';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { launchChromiumWithTono, type TonoBrowser, reloadFixture } from '../../scripts/lib/chromium-with-tono';
import { FIXTURE_URLS, type FixtureKind } from '../../scripts/lib/fixtures';
import { putTemplate } from './put-template';
import { STARTER_LIBRARY } from '../../src/shared/domain/starter-library';
import { renderTemplate } from '../../src/shared/domain/template';
import { pickerOpen, selectedPickerRow } from './in-page-ui';

// Starter templates without variables, so the expected text does not depend on the page's context:
// both have one newline, and the Spanish one has accents.
const bodyOf = (shortcut: string) => renderTemplate(STARTER_LIBRARY.find((t) => t.shortcut === shortcut)!.body, {}).text;
const CRISIS = bodyOf('crisis');
const HOLDING = bodyOf('holding');
const HOLDING_ID = 'starter-crisis-en';

const KINDS = Object.keys(FIXTURE_URLS) as FixtureKind[];
/** The mechanism that lands the text in each editor (a silent fallback would show up here). */
const METHOD: Record<FixtureKind, string> = {
  draft: 'paste-event',
  'lexical-rich': 'paste-lines',
  'lexical-plain': 'paste-lines',
  quill1: 'exec-command',
  quill2: 'paste-event',
  prosemirror: 'paste-breaks',
  tiptap: 'paste-breaks',
  slate: 'before-input',
  textarea: 'exec-command',
  input: 'exec-command',
  contenteditable: 'exec-command',
  shadow: 'paste-lines',
  iframe: 'paste-lines',
};
/** The editors' own undo grouping windows: Quill's history delay, prosemirror-history's newGroupDelay. */
const UNDO_GROUP_MS: Partial<Record<FixtureKind, number>> = { quill1: 1000, quill2: 1000, prosemirror: 500, tiptap: 500 };

let tono: TonoBrowser;
let panel: Page;

// The extension API as seen from the side panel page.
declare const chrome: { runtime: { sendMessage(message: unknown): Promise<unknown> } };

// A personal template with {{cursor}} (none of the starter ones has it), written straight into
// the extension's IndexedDB from the side panel page.
const CURSOR_SHORTCUT = 'cursorfix';
const CURSOR_BODY = 'Hola {{cursor}}, gracias.\nUn saludo.';

async function addCursorTemplate(): Promise<void> {
  await putTemplate(panel, { id: 'fixture-cursor', title: 'Cursor fixture', body: CURSOR_BODY, shortcut: CURSOR_SHORTCUT });
}

beforeAll(async () => {
  tono = await launchChromiumWithTono();
  panel = await tono.openSidePanel();
  // The panel lists the library once seeding is done; the template goes in after it.
  await panel.locator('li.reply').first().waitFor();
  await addCursorTemplate();
});
afterAll(async () => {
  await tono?.close();
});

/** Whether the in-page picker has a reply with this title selected (what Enter inserts). */
async function pickerOffers(page: Page, title: string): Promise<boolean> {
  return (await selectedPickerRow(page)).includes(title);
}

describe.each(KINDS)('%s', (kind) => {
  let page: Page;
  // A single-line input cannot hold a newline: Tono inserts a space instead.
  const asInserted = (text: string) => (kind === 'input' ? text.replace(/\n/g, ' ') : text);
  const box = (): Locator =>
    (kind === 'iframe' ? page.frameLocator('iframe') : page).locator('[data-fixture-box]');
  const model = () => page.evaluate(() => window.fixture!.modelText());

  beforeAll(async () => {
    page = await tono.openFixture(kind);
  });
  afterAll(async () => {
    await page?.close();
  });
  beforeEach(async () => {
    await reloadFixture(page);
    await box().click();
  });

  it('expands a shortcut with Tab into an empty box, newline kept as exactly one line break', async () => {
    await page.keyboard.type('crisis');
    await expect.poll(model).toBe('crisis');
    await page.keyboard.press('Tab');
    await expect.poll(model).toBe(asInserted(CRISIS));
  });

  it('inserts the reply clicked in the side panel into the box last focused', async () => {
    await page.keyboard.type('Hola. ');
    await expect.poll(model).toBe('Hola. ');
    await panel.bringToFront();
    await panel.locator(`li.reply[data-template-id="${HOLDING_ID}"] button.reply-main`).click();
    await expect.poll(model).toBe(asInserted(`Hola. ${HOLDING}`));
  });

  it('inserts the reply chosen in the in-page picker at the caret of a draft', async () => {
    await page.keyboard.type('Hola. ');
    await expect.poll(model).toBe('Hola. ');
    await page.keyboard.press('Control+Shift+Space');
    // Typing goes to the picker once it is open (its host element sits in the box's document).
    await expect.poll(() => pickerOpen(page)).toBe(true);
    await page.keyboard.type('holding statement');
    await expect.poll(() => pickerOffers(page, 'Crisis: holding statement')).toBe(true);
    await page.keyboard.press('Enter');
    await expect.poll(model).toBe(asInserted(`Hola. ${HOLDING}`));
  });

  it('inserts at the caret in the middle of a draft, keeping the text before and after', async () => {
    const after = ' Un saludo.';
    await page.keyboard.type(`Hola. crisis${after}`);
    for (let i = 0; i < after.length; i++) await page.keyboard.press('ArrowLeft');
    await page.keyboard.press('Tab');
    await expect.poll(model).toBe(asInserted(`Hola. ${CRISIS}${after}`));
  });

  it('stays sane after typing, Backspace and Ctrl+Z following an insertion', async () => {
    await page.keyboard.type('Hola. crisis');
    // Some editors merge every change within a short window into one undo step, typing included;
    // pause as a person would, or undo takes the typed draft along (as it would without Tono).
    const undoGroupMs = UNDO_GROUP_MS[kind];
    if (undoGroupMs) await page.waitForTimeout(undoGroupMs + 100);
    await page.keyboard.press('Tab');
    const inserted = asInserted(`Hola. ${CRISIS}`);
    await expect.poll(model).toBe(inserted);
    await page.keyboard.type('x');
    await expect.poll(model).toBe(`${inserted}x`);
    await page.keyboard.press('Backspace');
    await expect.poll(model).toBe(inserted);
    await page.keyboard.press('Control+z');
    await page.waitForTimeout(150);
    const text = await model();
    // Undo may restore the "x", remove (part of) the insertion or bring the shortcut back, but it
    // never duplicates the template nor touches the draft typed before it.
    expect(text.startsWith('Hola. ')).toBe(true);
    const rest = text.slice('Hola. '.length);
    const sane = `${asInserted(CRISIS)}x`.startsWith(rest) || 'crisis'.startsWith(rest);
    expect(sane, `after undo: ${JSON.stringify(text)}`).toBe(true);
  });

  it('lands through the expected mechanism, first time', async () => {
    await page.keyboard.type('Hola. ');
    await expect.poll(model).toBe('Hola. ');
    const outcome = await panel.evaluate(
      (templateId) => chrome.runtime.sendMessage({ type: 'insertTemplate', payload: { templateId, tabId: null } }),
      HOLDING_ID,
    );
    expect(outcome).toEqual({ ok: true, value: { ok: true, method: METHOD[kind] } });
    await expect.poll(model).toBe(asInserted(`Hola. ${HOLDING}`));
  });

  it('puts the caret where the template says {{cursor}}', async () => {
    await page.keyboard.type(CURSOR_SHORTCUT);
    await page.keyboard.press('Tab');
    const inserted = asInserted('Hola , gracias.\nUn saludo.');
    await expect.poll(model).toBe(inserted);
    await page.keyboard.type('Ana');
    await expect.poll(model).toBe(asInserted('Hola Ana, gracias.\nUn saludo.'));
  });

  it('keeps emoji in the draft and accents in the template', async () => {
    await page.keyboard.type('👋🏽 ¿Qué tal? crisis');
    await page.keyboard.press('Tab');
    await expect.poll(model).toBe(asInserted(`👋🏽 ¿Qué tal? ${CRISIS}`));
  });
});

// Template blanks ({{input:Label}}): Tono asks for them before inserting, in the page (Tab, picker)
// and in the side panel; Esc leaves the draft as it was. Judged by the editor's own model.
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { launchChromiumWithTono, type TonoBrowser, reloadFixture } from '../../scripts/lib/chromium-with-tono';
import { putTemplate } from './put-template';
import { blanksOpen, pickerOpen } from './in-page-ui';

const BLANKS = {
  id: 'fixture-blanks',
  title: 'Order shipped',
  shortcut: 'pedido',
  // The same blank twice is asked once; the second blank has a default.
  body: 'Tu pedido {{input:Order number}} sale hoy.\nRef: {{input:Order number}}, {{input:Carrier|Correos}}.',
};
const filled = (order: string, carrier = 'Correos') => `Tu pedido ${order} sale hoy.\nRef: ${order}, ${carrier}.`;

let tono: TonoBrowser;
let panel: Page;

beforeAll(async () => {
  tono = await launchChromiumWithTono();
  panel = await tono.openSidePanel();
  await panel.locator('li.reply').first().waitFor();
  await putTemplate(panel, BLANKS);
});
afterAll(async () => {
  await tono?.close();
});

describe.each(['textarea', 'lexical-rich'] as const)('%s', (kind) => {
  let page: Page;
  const model = () => page.evaluate(() => window.fixture!.modelText());
  const formOpen = () => blanksOpen(page);

  beforeAll(async () => {
    page = await tono.openFixture(kind);
  });
  afterAll(async () => {
    await page?.close();
  });
  beforeEach(async () => {
    await reloadFixture(page);
    await page.locator('[data-fixture-box]').click();
  });

  it('Tab on a shortcut with blanks asks once per blank, Enter inserts the answers as text', async () => {
    await page.keyboard.type('Hola. pedido');
    await page.keyboard.press('Tab');
    await expect.poll(formOpen).toBe(true);
    expect(await model()).toBe('Hola. pedido');
    await page.keyboard.type('<b>A-17</b>');
    await page.keyboard.press('Enter');
    await expect.poll(model).toBe(`Hola. ${filled('<b>A-17</b>')}`);
    expect(await formOpen()).toBe(false);
  });

  it('moves between blanks with Tab, cycling inside the form', async () => {
    await page.keyboard.type('pedido');
    await page.keyboard.press('Tab');
    await expect.poll(formOpen).toBe(true);
    await page.keyboard.type('B-2');
    await page.keyboard.press('Tab');
    await page.keyboard.type('SEUR');
    // Tab past the last blank comes back to the first instead of leaving (and cancelling) the form.
    await page.keyboard.press('Tab');
    await page.keyboard.type('-X');
    await page.keyboard.press('Enter');
    await expect.poll(model).toBe(filled('B-2-X', 'SEUR'));
  });

  it('Esc cancels: the typed shortcut stays and the caret is back after it', async () => {
    await page.keyboard.type('Hola. pedido');
    await page.keyboard.press('Tab');
    await expect.poll(formOpen).toBe(true);
    await page.keyboard.type('C-3');
    await page.keyboard.press('Escape');
    await expect.poll(formOpen).toBe(false);
    await page.keyboard.type('!');
    await expect.poll(model).toBe('Hola. pedido!');
  });

  it('the picker asks for the blanks too and inserts at the saved caret', async () => {
    await page.keyboard.type('Hola. ');
    await page.keyboard.press('Control+Shift+Space');
    await expect.poll(() => pickerOpen(page)).toBe(true);
    await page.keyboard.type('order shipped');
    await page.waitForTimeout(300);
    await page.keyboard.press('Enter');
    await expect.poll(formOpen).toBe(true);
    await page.keyboard.type('D-4');
    await page.keyboard.press('Enter');
    await expect.poll(model).toBe(`Hola. ${filled('D-4')}`);
  });
});

describe('side panel', () => {
  it('asks for the blanks in the panel, then inserts the answers into the box last focused', async () => {
    const page = await tono.openFixture('textarea');
    await page.locator('[data-fixture-box]').click();
    await page.keyboard.type('Hola. ');
    await panel.reload();
    await panel.bringToFront();
    await panel.locator(`li.reply[data-template-id="${BLANKS.id}"] button.reply-main`).click();
    const form = panel.locator('form.blanks-form');
    await form.waitFor();
    await form.locator('input').first().fill('E-5');
    await form.locator('input').first().press('Enter');
    await expect.poll(() => page.evaluate(() => window.fixture!.modelText())).toBe(`Hola. ${filled('E-5')}`);
    await page.close();
  });

  it('Esc in the panel form inserts nothing', async () => {
    const page = await tono.openFixture('textarea');
    await page.locator('[data-fixture-box]').click();
    await page.keyboard.type('Hola.');
    await panel.bringToFront();
    await panel.locator(`li.reply[data-template-id="${BLANKS.id}"] button.reply-main`).click();
    const input = panel.locator('form.blanks-form input').first();
    await input.fill('F-6');
    await input.press('Escape');
    await expect.poll(() => panel.locator('form.blanks-form').count()).toBe(0);
    expect(await page.evaluate(() => window.fixture!.modelText())).toBe('Hola.');
    await page.close();
  });
});

import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchChromiumWithTono, type TonoBrowser } from '../../scripts/lib/chromium-with-tono';
import { STARTER_LIBRARY } from '../../src/shared/domain/starter-library';
import { renderTemplate } from '../../src/shared/domain/template';
import { pickerOpen as pickerOpenOn } from './in-page-ui';

const expected = (shortcut: string, name: string) =>
  renderTemplate(STARTER_LIBRARY.find((t) => t.shortcut === shortcut)!.body, { name }).text;

let tono: TonoBrowser;
let page: Page;
const pickerOpen = () => pickerOpenOn(page);
const model = (id: string) => page.evaluate((boxId) => window.tonoDemo.modelText(boxId), id);

beforeAll(async () => {
  tono = await launchChromiumWithTono();
  page = await tono.openDemo();
});
afterAll(async () => {
  await tono?.close();
});

describe('in-page picker (Ctrl+Shift+Space)', () => {
  it('searches as you type and inserts the chosen reply with Enter', async () => {
    await page.click('#box-textarea');
    await page.keyboard.press('Control+Shift+Space');
    await expect.poll(pickerOpen).toBe(true);
    await page.keyboard.type('acknowledge');
    await page.waitForTimeout(300);
    await page.keyboard.press('Enter');
    await expect.poll(() => model('box-textarea')).toBe(expected('ack', 'Mike Rogers'));
    expect(await pickerOpen()).toBe(false);
  });

  it('inserts at the caret of a draft that already has text (Lexical), keeping the draft', async () => {
    await page.click('#box-lexical');
    await page.keyboard.type('Hola. ');
    await page.keyboard.press('Control+Shift+Space');
    await expect.poll(pickerOpen).toBe(true);
    await page.keyboard.type('holding statement');
    await page.waitForTimeout(300);
    await page.keyboard.press('Enter');
    await expect.poll(() => model('box-lexical')).toBe(`Hola. ${expected('holding', 'Ana Pérez')}`);
  });

  it('Tab and Shift+Tab move through the list instead of leaving the picker', async () => {
    const pick = async (keys: string[]) => {
      await page.fill('#box-textarea', '');
      await page.click('#box-textarea');
      await page.keyboard.press('Control+Shift+Space');
      await expect.poll(pickerOpen).toBe(true);
      await page.waitForTimeout(300);
      for (const key of keys) await page.keyboard.press(key);
      expect(await pickerOpen()).toBe(true);
      await page.keyboard.press('Enter');
      await expect.poll(() => model('box-textarea')).not.toBe('');
      return model('box-textarea');
    };
    const first = await pick([]);
    const second = await pick(['Tab']);
    expect(second).not.toBe(first);
    expect(await pick(['Tab', 'Shift+Tab'])).toBe(first);
  });

  it('closes with Esc and gives the caret back without touching the draft', async () => {
    await page.click('#box-contenteditable');
    await page.keyboard.type('Un momento');
    await page.keyboard.press('Control+Shift+Space');
    await expect.poll(pickerOpen).toBe(true);
    // Shown, the frame is in the accessibility tree; hidden (only transparent), it is not.
    const frameElement = () => page.frames().find((frame) => frame.url().includes('/src/inpage/'))!.frameElement();
    expect(await (await frameElement()).getAttribute('aria-hidden')).toBeNull();
    await page.keyboard.press('Escape');
    await expect.poll(pickerOpen).toBe(false);
    expect(await (await frameElement()).getAttribute('aria-hidden')).toBe('true');
    await page.keyboard.type('.');
    expect(await model('box-contenteditable')).toBe('Un momento.');
  });

  it('keeps the list out of reach of page scripts (an extension frame in a closed shadow root)', async () => {
    await page.click('#box-textarea');
    await page.keyboard.press('Control+Shift+Space');
    await expect.poll(pickerOpen).toBe(true);
    const reach = await page.evaluate(() => ({
      openRoots: [...document.querySelectorAll('*')].filter((el) => el.shadowRoot !== null).length,
      frames: Array.from({ length: window.frames.length }, (_, i) => {
        try {
          return window.frames[i]!.document.body.innerText;
        } catch {
          return 'blocked';
        }
      }),
    }));
    expect(reach.openRoots).toBe(0);
    // An iframe in a shadow tree is not even in window.frames; any frame the page can list is closed to it.
    expect(reach.frames.every((text) => text === 'blocked' || !text.includes('holding statement'))).toBe(true);
    expect(await page.evaluate(() => document.body.innerText.includes('Crisis: holding statement'))).toBe(false);
    await page.keyboard.press('Escape');
  });
});

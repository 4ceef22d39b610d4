import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchChromiumWithTono, type TonoBrowser } from '../../scripts/lib/chromium-with-tono';
import { renderTemplate } from '../../src/shared/domain/template';
import { STARTER_LIBRARY } from '../../src/shared/domain/starter-library';

const bodyOf = (shortcut: string) => STARTER_LIBRARY.find((t) => t.shortcut === shortcut)!.body;
const expected = (shortcut: string, name: string) => renderTemplate(bodyOf(shortcut), { name }).text;

let tono: TonoBrowser;
let page: Page;

const model = (id: string) => page.evaluate((boxId) => window.tonoDemo.modelText(boxId), id);

async function typeInto(id: string, text: string) {
  await page.click(`#${id}`);
  await page.keyboard.type(text);
}

beforeAll(async () => {
  tono = await launchChromiumWithTono();
});
afterAll(async () => {
  await tono?.close();
});

describe('Tab expansion on a supported site (demo feed served at x.com)', () => {
  beforeAll(async () => {
    page = await tono.openDemo();
  });

  it('expands into the Lexical editor model, with the author name from the thread', async () => {
    await typeInto('box-lexical', 'gracias');
    await page.keyboard.press('Tab');
    await expect.poll(() => model('box-lexical')).toBe(expected('gracias', 'Ana Pérez'));
  });

  it('keeps a template newline as one line break in the Lexical model', async () => {
    await page.click('#box-lexical');
    await page.keyboard.press('Control+A');
    await page.keyboard.press('Backspace');
    await page.keyboard.type('recibido');
    await page.keyboard.press('Tab');
    const text = expected('recibido', 'Ana Pérez');
    expect(text.split('\n')).toHaveLength(2);
    await expect.poll(() => model('box-lexical')).toBe(text);
  });

  it('expands into a framework-controlled textarea (what its model holds, not just the DOM)', async () => {
    await typeInto('box-textarea', 'thanks');
    await page.keyboard.press('Tab');
    await expect.poll(() => model('box-textarea')).toBe(expected('thanks', 'Mike Rogers'));
  });

  it('replaces only the shortcut and keeps the rest of the draft in plain contenteditable', async () => {
    await typeInto('box-contenteditable', 'Hola Lucía. perdon');
    await page.keyboard.press('Tab');
    await expect.poll(() => model('box-contenteditable')).toBe(`Hola Lucía. ${expected('perdon', 'Lucía Martín')}`);
  });

  it('leaves Tab alone when the word before the caret is not a shortcut', async () => {
    await page.click('#box-textarea');
    await page.keyboard.press('Control+A');
    await page.keyboard.press('Backspace');
    await page.keyboard.type('hello');
    await page.keyboard.press('Tab');
    await expect.poll(() => page.evaluate(() => document.activeElement?.className)).toBe('send');
    expect(await model('box-textarea')).toBe('hello');
  });

  it('ignores a Tab keydown forged by the page itself', async () => {
    await page.click('#box-textarea');
    await page.keyboard.press('Control+A');
    await page.keyboard.type('gracias');
    await page.evaluate(() => {
      const box = document.getElementById('box-textarea')!;
      box.dispatchEvent(new KeyboardEvent('keydown', { key: 'Tab', bubbles: true, cancelable: true }));
    });
    await page.waitForTimeout(300);
    expect(await model('box-textarea')).toBe('gracias');
  });
});

describe('side panel and response time', () => {
  it('lists the starter library, inserts the clicked reply into the last focused box, and records the reply', async () => {
    const feed = await tono.openDemo();
    page = feed;
    await feed.click('#box-textarea');
    const panel = await tono.openSidePanel();
    await expect.poll(() => panel.locator('li.reply').count()).toBe(STARTER_LIBRARY.length);

    await panel.locator('li.reply[data-template-id="starter-ack-en"] button.reply-main').click();
    await expect.poll(() => model('box-textarea')).toBe(expected('ack', 'Mike Rogers'));
    await expect.poll(() => panel.locator('p.status').textContent()).toContain('Inserted');

    await feed.bringToFront();
    await feed.click('#box-textarea');
    await feed.click('button.send[data-for="box-textarea"]');
    await expect.poll(() => model('box-textarea')).toBe('');
    // The demo comment was written 42 minutes before the page loaded.
    await expect.poll(() => panel.locator('li.event').count(), { timeout: 10_000 }).toBe(1);
    expect(await panel.locator('li.event .event-response').textContent()).toMatch(/4[23] min/);
  });
});

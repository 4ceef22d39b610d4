// Firefox: the in-page additions on the demo feed: a reply with blanks asks for them before Tab
// inserts it, Esc leaves the shortcut; the button by the focused box opens the picker.
import type { Page } from 'puppeteer-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchFirefoxWithTono, type FirefoxTono } from '../../scripts/lib/firefox-with-tono';
import { writeTemplate } from './put-template';
import { blanksOpen, pickerOpen } from './in-page-ui';

const BLANKS = { id: 'ff-blanks', title: 'Order shipped', shortcut: 'pedido', body: 'Tu pedido {{input:Order number}} sale hoy ({{input:Order number}}).' };

let tono: FirefoxTono | undefined;
let feed: Page;
const model = (id: string) => feed.evaluate((boxId) => window.tonoDemo.modelText(boxId), id);
const hostOpen = (view: 'picker' | 'blanks') => (view === 'picker' ? pickerOpen(feed) : blanksOpen(feed));

beforeAll(async () => {
  tono = await launchFirefoxWithTono({ extensionPages: true });
  const panel = await tono.openExtensionPage('src/sidepanel/index.html');
  await panel.waitForSelector('li.reply');
  await panel.evaluate(writeTemplate, BLANKS);
  await panel.close();
  feed = await tono.openDemo();
}, 60_000);
afterAll(async () => {
  await tono?.close();
}, 15_000);

describe('Firefox: blanks and the reply-box button', () => {
  it('Tab on a shortcut with a blank asks once, Enter inserts the answer as text', async () => {
    await feed.click('#box-textarea');
    await feed.keyboard.type('pedido');
    await feed.keyboard.press('Tab');
    await expect.poll(() => hostOpen('blanks'), { timeout: 10_000 }).toBe(true);
    await feed.keyboard.type('A-17');
    await feed.keyboard.press('Enter');
    await expect.poll(() => model('box-textarea'), { timeout: 10_000 }).toBe('Tu pedido A-17 sale hoy (A-17).');
  }, 30_000);

  it('Esc leaves the typed shortcut in the Lexical box', async () => {
    await feed.click('#box-lexical');
    await feed.keyboard.type('pedido');
    await feed.keyboard.press('Tab');
    await expect.poll(() => hostOpen('blanks'), { timeout: 10_000 }).toBe(true);
    await feed.keyboard.press('Escape');
    await expect.poll(() => hostOpen('blanks')).toBe(false);
    await feed.keyboard.type('!');
    await expect.poll(() => model('box-lexical')).toBe('pedido!');
  }, 30_000);

  it('the button by the focused box opens the picker', async () => {
    await feed.click('#box-contenteditable');
    // Found as a user finds it: what is drawn just above the box's top right corner.
    const at = await feed.evaluate(() => {
      const rect = document.querySelector('#box-contenteditable')!.getBoundingClientRect();
      return { x: rect.right - 12, y: rect.top - 16 };
    });
    await expect.poll(() => feed.evaluate(({ x, y }) => document.elementFromPoint(x, y)?.tagName, at)).toBe('DIV');
    await feed.mouse.click(at.x, at.y);
    await expect.poll(() => hostOpen('picker'), { timeout: 10_000 }).toBe(true);
    await feed.keyboard.press('Escape');
  }, 30_000);
});

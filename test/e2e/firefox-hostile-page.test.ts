// Firefox: a page that attacks Tono's in-page UI (see hostile-page-script.ts) cannot read the
// picker or the blanks form, see what the agent types in them, or drive them.
import type { Page } from 'puppeteer-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchFirefoxWithTono, type FirefoxTono } from '../../scripts/lib/firefox-with-tono';
import { HOSTILE_PAGE_SCRIPT, NO_FRAMES_CSP, ownFrameRefusedBy } from './hostile-page-script';
import { blanksOpen, pickerOpen, pressPickerKey } from './in-page-ui';
import { writeTemplate } from './put-template';

const ORDER = { id: 'hostile-blanks', title: 'Order status', shortcut: 'pedido', body: 'Tu pedido {{input:Order number}} está en camino.' };

let tono: FirefoxTono | undefined;
let page: Page;
type Attack = { read(): string; typed(): string; drive(key: string): void };
const attack = () => (window as unknown as { attack: Attack }).attack;
const model = (id: string) => page.evaluate((boxId) => window.tonoDemo.modelText(boxId), id);
const read = () => page.evaluate(`(${attack.toString()})().read()`) as Promise<string>;
const typed = () => page.evaluate(`(${attack.toString()})().typed()`) as Promise<string>;
const drive = (key: string) => page.evaluate(`(${attack.toString()})().drive(${JSON.stringify(key)})`);
const pause = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

beforeAll(async () => {
  tono = await launchFirefoxWithTono({ extensionPages: true });
  const panel = await tono.openExtensionPage('src/sidepanel/index.html');
  await panel.waitForSelector('li.reply');
  await panel.evaluate(writeTemplate, ORDER);
  await panel.close();
  page = await tono.openDemo({ pageScript: HOSTILE_PAGE_SCRIPT });
}, 60_000);
afterAll(async () => {
  await tono?.close();
}, 15_000);

describe('Firefox: a hostile page against the in-page UI', () => {
  it('cannot read the picker, see the search typed in it, or choose for the agent', async () => {
    await page.click('#box-textarea');
    await pressPickerKey(page.keyboard);
    await expect.poll(() => pickerOpen(page), { timeout: 10_000 }).toBe(true);
    await page.keyboard.type('acknowledge');
    await pause(400);
    expect(await read()).not.toContain('Acknowledge and set a time');
    expect(await typed()).not.toContain('acknowledge');
    await drive('Enter');
    await pause(300);
    expect(await pickerOpen(page)).toBe(true);
    expect(await model('box-textarea')).toBe('');
    await page.keyboard.press('Enter');
    await expect.poll(() => model('box-textarea'), { timeout: 10_000 }).toContain('we have your message');
  }, 30_000);

  it('cannot see the order number typed into the blanks form before it is inserted', async () => {
    await page.click('#box-lexical');
    await page.keyboard.type('pedido');
    await page.keyboard.press('Tab');
    await expect.poll(() => blanksOpen(page), { timeout: 10_000 }).toBe(true);
    await page.keyboard.type('4471 refund');
    await pause(200);
    expect(await typed()).not.toContain('4471');
    expect(await read()).not.toContain('Order number');
    await drive('Enter');
    await pause(300);
    expect(await model('box-lexical')).toBe('pedido');
    await page.keyboard.press('Enter');
    await expect.poll(() => model('box-lexical'), { timeout: 10_000 }).toBe('Tu pedido 4471 refund está en camino.');
  }, 30_000);

  it('still opens the picker on a page whose CSP forbids every frame', async () => {
    const strict = await tono!.openDemo({ headers: { 'content-security-policy': NO_FRAMES_CSP } });
    const ownFrame = await strict.evaluate(ownFrameRefusedBy);
    expect(ownFrame).toMatch(/frame-src|child-src/);
    await strict.click('#box-textarea');
    await pressPickerKey(strict.keyboard);
    await expect.poll(() => pickerOpen(strict), { timeout: 10_000 }).toBe(true);
    await strict.keyboard.type('acknowledge');
    await pause(400);
    await strict.keyboard.press('Enter');
    await expect.poll(() => strict.evaluate(() => window.tonoDemo.modelText('box-textarea')), { timeout: 10_000 }).toContain('we have your message');
    await strict.close();
  }, 30_000);
});

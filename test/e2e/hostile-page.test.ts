// A page that attacks Tono's in-page UI (see hostile-page-script.ts): it must not read the
// picker's list or the blanks form, see what the agent types in them, or drive them; what the
// agent chooses still goes in. Chromium here; Firefox in firefox-hostile-page.test.ts.
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchChromiumWithTono, type TonoBrowser } from '../../scripts/lib/chromium-with-tono';
import { DEMO_URL, demoResponse } from '../../scripts/lib/demo-server';
import { HOSTILE_PAGE_SCRIPT, NO_FRAMES_CSP, ownFrameRefusedBy } from './hostile-page-script';
import { blanksOpen, pickerOpen } from './in-page-ui';
import { putTemplate } from './put-template';

const ORDER = { id: 'hostile-blanks', title: 'Order status', shortcut: 'pedido', body: 'Tu pedido {{input:Order number}} está en camino.' };

let tono: TonoBrowser;
let page: Page;
const model = (id: string) => page.evaluate((boxId) => window.tonoDemo.modelText(boxId), id);
const read = () => page.evaluate(() => (window as unknown as { attack: { read(): string } }).attack.read());
const typed = () => page.evaluate(() => (window as unknown as { attack: { typed(): string } }).attack.typed());
const drive = (key: string) => page.evaluate((k) => (window as unknown as { attack: { drive(key: string): void } }).attack.drive(k), key);

beforeAll(async () => {
  tono = await launchChromiumWithTono();
  const panel = await tono.openSidePanel();
  await panel.locator('li.reply').first().waitFor();
  await putTemplate(panel, ORDER);
  await panel.close();
  await tono.context.addInitScript(HOSTILE_PAGE_SCRIPT);
  page = await tono.openDemo();
});
afterAll(async () => {
  await tono?.close();
});

describe('a hostile page against the in-page UI (Chromium)', () => {
  it('cannot read the picker, see the search typed in it, or choose for the agent', async () => {
    await page.click('#box-textarea');
    await page.keyboard.press('Control+Shift+Space');
    await expect.poll(() => pickerOpen(page)).toBe(true);
    await page.keyboard.type('acknowledge');
    await page.waitForTimeout(300);
    expect(await read()).not.toContain('Acknowledge and set a time');
    expect(await typed()).not.toContain('acknowledge');
    // Forged Enter and clicks, and a forged handshake: nothing is inserted.
    await drive('Enter');
    await page.waitForTimeout(300);
    expect(await pickerOpen(page)).toBe(true);
    expect(await model('box-textarea')).toBe('');
    // The agent's own Enter still inserts (the positive control for the checks above).
    await page.keyboard.press('Enter');
    await expect.poll(() => model('box-textarea')).toContain('we have your message');
  });

  it('cannot see the order number typed into the blanks form before it is inserted', async () => {
    await page.click('#box-lexical');
    await page.keyboard.type('pedido');
    await page.keyboard.press('Tab');
    await expect.poll(() => blanksOpen(page)).toBe(true);
    await page.keyboard.type('4471 refund');
    await page.waitForTimeout(200);
    expect(await typed()).not.toContain('4471');
    expect(await read()).not.toContain('Order number');
    await drive('Enter');
    await page.waitForTimeout(300);
    expect(await model('box-lexical')).toBe('pedido');
    await page.keyboard.press('Enter');
    await expect.poll(() => model('box-lexical')).toBe('Tu pedido 4471 refund está en camino.');
  });

  it('cannot open the T button or the toast through names or prototypes it tampered with', async () => {
    await page.click('#box-contenteditable');
    const reach = await page.evaluate(() => {
      const attack = (window as unknown as { attack: { internals: ElementInternals[]; roots: ShadowRoot[] } }).attack;
      return { internals: attack.internals.length, roots: attack.roots.length, tonoElements: document.querySelectorAll('tono-button, tono-picker, tono-blanks, tono-toast').length };
    });
    expect(reach).toEqual({ internals: 0, roots: 0, tonoElements: 0 });
  });

  it('cannot find the frame page by probing the extension id it may know', async () => {
    const status = await page.evaluate(async (id) => {
      try {
        return (await fetch(`chrome-extension://${id}/src/inpage/index.html`)).status;
      } catch {
        return 'refused';
      }
    }, tono.extensionId);
    expect(status).toBe('refused');
  });

  it('still opens the picker on a page whose CSP forbids every frame', async () => {
    const strict = await tono.context.newPage();
    await strict.route(`${DEMO_URL}**`, (route) => {
      const response = demoResponse(route.request().url());
      return route.fulfill({ status: response.status, contentType: response.contentType, body: response.body, headers: { 'content-security-policy': NO_FRAMES_CSP } });
    });
    await strict.goto(DEMO_URL);
    await strict.waitForFunction(() => Boolean(window.tonoDemo));
    const ownFrame = await strict.evaluate(ownFrameRefusedBy);
    expect(ownFrame).toMatch(/frame-src|child-src/);
    await strict.click('#box-textarea');
    await strict.keyboard.press('Control+Shift+Space');
    await expect.poll(() => pickerOpen(strict)).toBe(true);
    await strict.keyboard.type('acknowledge');
    await strict.waitForTimeout(300);
    await strict.keyboard.press('Enter');
    await expect.poll(() => strict.evaluate(() => window.tonoDemo.modelText('box-textarea'))).toContain('we have your message');
    await strict.close();
  });
});

import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchChromiumWithTono, type TonoBrowser } from '../../scripts/lib/chromium-with-tono';
import { DEMO_URL } from '../../scripts/lib/demo-server';
import { renderTemplate } from '../../src/shared/domain/template';
import { STARTER_LIBRARY } from '../../src/shared/domain/starter-library';

// Only the bootstrap runs on a fresh page; the rest of Tono is injected into the frame on the first
// focus. A user who clicks and types the shortcut and Tab at once presses Tab while that is still
// on its way: the bootstrap must hold the Tab and the expansion must land, exactly once.
const expected = (shortcut: string, name: string) =>
  renderTemplate(STARTER_LIBRARY.find((t) => t.shortcut === shortcut)!.body, { name }).text;

let tono: TonoBrowser;

beforeAll(async () => {
  tono = await launchChromiumWithTono();
});
afterAll(async () => {
  await tono?.close();
});

async function freshPage(): Promise<Page> {
  const page = await tono.context.newPage();
  await page.goto(DEMO_URL);
  await page.waitForFunction(() => Boolean(window.tonoDemo));
  return page;
}

async function stopWorker(page: Page): Promise<void> {
  const cdp = await tono.context.newCDPSession(page);
  await cdp.send('ServiceWorker.enable');
  await cdp.send('ServiceWorker.stopAllWorkers');
  await cdp.detach();
}

describe('the first keystroke on a page that just appeared', () => {
  it.each([
    ['box-textarea', 'thanks', 'Mike Rogers'],
    ['box-lexical', 'gracias', 'Ana Pérez'],
  ])('expands a shortcut typed with Tab straight after the first click (%s)', async (id, shortcut, name) => {
    const page = await freshPage();
    await page.click(`#${id}`);
    await page.keyboard.type(shortcut);
    await page.keyboard.press('Tab');
    await expect.poll(() => page.evaluate((box) => window.tonoDemo.modelText(box), id)).toBe(expected(shortcut, name));
    // The Tab was Tono's: the focus stayed in the box.
    expect(await page.evaluate((box) => document.activeElement?.closest(`#${box}`) !== null, id)).toBe(true);
    await page.close();
  });

  it('expands it with a stopped worker too (the worker starts to inject the rest, then to expand)', async () => {
    const page = await freshPage();
    await stopWorker(page);
    await page.click('#box-textarea');
    await page.keyboard.type('thanks');
    await page.keyboard.press('Tab');
    await expect.poll(() => page.evaluate(() => window.tonoDemo.modelText('box-textarea'))).toBe(expected('thanks', 'Mike Rogers'));
    await page.close();
  });

  it('leaves a Tab after a word that is no shortcut to the page, before and after the rest is loaded', async () => {
    const page = await freshPage();
    await page.click('#box-textarea');
    await page.keyboard.type('hola');
    await page.keyboard.press('Tab');
    await expect.poll(() => page.evaluate(() => document.activeElement?.className)).toBe('send');
    expect(await page.evaluate(() => window.tonoDemo.modelText('box-textarea'))).toBe('hola');
    await page.close();
  });
});

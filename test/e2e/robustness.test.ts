import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchChromiumWithTono, type TonoBrowser } from '../../scripts/lib/chromium-with-tono';

let tono: TonoBrowser;

beforeAll(async () => {
  tono = await launchChromiumWithTono();
});
afterAll(async () => {
  await tono?.close();
});

describe('Tono never breaks the page it runs on', () => {
  it('keeps quiet when the box disappears while the reply is being inserted', async () => {
    const page = await tono.openDemo();
    const errors: string[] = [];
    page.on('pageerror', (error) => errors.push(error.message));
    await page.click('#box-textarea');
    await page.keyboard.type('thanks');
    // The site re-renders the composer the instant Tab is pressed (as single-page apps do).
    await page.evaluate(() => {
      document.addEventListener('keyup', () => document.getElementById('box-textarea')?.remove(), { once: true });
    });
    const others = await page.evaluate(() => window.tonoDemo.ids.filter((id) => id !== 'box-textarea').map((id) => window.tonoDemo.modelText(id)));
    await page.keyboard.press('Tab');
    await page.waitForTimeout(500);
    // The reply went nowhere else: no other box of the page received it.
    expect(await page.evaluate(() => window.tonoDemo.ids.filter((id) => id !== 'box-textarea').map((id) => window.tonoDemo.modelText(id)))).toEqual(others);
    expect(errors).toEqual([]);
    // Positive control: the next box still expands, so the script did not die with the old one.
    await page.click('#box-contenteditable');
    await page.keyboard.type('thanks');
    await page.keyboard.press('Tab');
    await expect.poll(() => page.evaluate(() => window.tonoDemo.modelText('box-contenteditable'))).not.toBe('thanks');
    expect(errors).toEqual([]);
  });

  it('survives an extension reload under an open page: no errors thrown into the page, Tab is Tab again', async () => {
    const page = await tono.openDemo();
    const errors: string[] = [];
    page.on('pageerror', (error) => errors.push(error.message));
    await page.click('#box-textarea');
    // Reload the extension: the content script in this page is now orphaned.
    await tono.worker.evaluate(() => (globalThis as unknown as { chrome: { runtime: { reload(): void } } }).chrome.runtime.reload()).catch(() => undefined);
    await page.waitForTimeout(1000);
    await page.click('#box-textarea');
    await page.keyboard.type('thanks');
    await page.keyboard.press('Tab');
    await page.waitForTimeout(500);
    // The orphaned script detaches: the next Tab moves focus as the page expects.
    await page.click('#box-textarea');
    await page.keyboard.press('Tab');
    await expect.poll(() => page.evaluate(() => document.activeElement?.className)).toBe('send');
    expect(await page.evaluate(() => window.tonoDemo.modelText('box-textarea'))).toBe('thanks');
    expect(errors).toEqual([]);
  });
});

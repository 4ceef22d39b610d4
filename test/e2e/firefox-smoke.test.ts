import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from 'puppeteer-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { FIREFOX_BUILD, launchFirefoxWithTono, type FirefoxTono } from '../../scripts/lib/firefox-with-tono';
import { STARTER_LIBRARY } from '../../src/shared/domain/starter-library';
import { renderTemplate } from '../../src/shared/domain/template';
import { pickerOpen, pressPickerKey } from './in-page-ui';

// Smoke test of the Firefox package: dist/firefox installed into Firefox ESR over WebDriver BiDi,
// the demo feed served at https://x.com/tono-demo/ by request interception, and one Tab expansion,
// which only works if the content script runs there and reaches the background (event page),
// which reads the starter library from IndexedDB.

let tono: FirefoxTono | undefined;
let page: Page;

const model = (id: string) => page.evaluate((boxId) => window.tonoDemo.modelText(boxId), id);

// The textarea sits under Mike Rogers' comment: the content script sends that author as the
// context, so `{{firstName|}}` renders as "Mike" (as in the Chromium test).
const gracias = STARTER_LIBRARY.find((template) => template.shortcut === 'gracias')!.body;
const expected = renderTemplate(gracias, { name: 'Mike Rogers' }).text;

beforeAll(async () => {
  // Throws MissingBrowserError ("Firefox was not found. Install it with ...") if Firefox is absent.
  tono = await launchFirefoxWithTono();
}, 30_000);

afterAll(async () => {
  await tono?.close();
}, 15_000);

describe('Firefox: the built extension on a supported site', () => {
  it('installs dist/firefox through WebDriver BiDi under its gecko id', () => {
    const manifest = JSON.parse(readFileSync(join(FIREFOX_BUILD, 'manifest.json'), 'utf8')) as {
      browser_specific_settings: { gecko: { id: string } };
    };
    expect(tono!.extensionId).toBe(manifest.browser_specific_settings.gecko.id);
  });

  it('expands `gracias` + Tab in the textarea with the starter template from the background', async () => {
    page = await tono!.openDemo();
    expect(page.url()).toBe('https://x.com/tono-demo/');
    await page.click('#box-textarea');
    await page.keyboard.type('gracias');
    await page.keyboard.press('Tab');
    expect(expected.startsWith('¡Gracias por escribirnos')).toBe(true);
    await expect.poll(() => model('box-textarea'), { timeout: 10_000, interval: 100 }).toBe(expected);
    expect(await page.$eval('#box-textarea', (box) => (box as HTMLTextAreaElement).value)).toBe(expected);
  }, 20_000);

  it('expands a multi-line reply into the Lexical editor model with one line break', async () => {
    const text = renderTemplate(STARTER_LIBRARY.find((t) => t.shortcut === 'recibido')!.body, { name: 'Ana Pérez' }).text;
    await page.click('#box-lexical');
    await page.keyboard.type('recibido');
    await page.keyboard.press('Tab');
    await expect.poll(() => model('box-lexical'), { timeout: 10_000, interval: 100 }).toBe(text);
  }, 20_000);

  it('replaces only the shortcut in a plain contenteditable draft', async () => {
    const text = renderTemplate(STARTER_LIBRARY.find((t) => t.shortcut === 'perdon')!.body, { name: 'Lucía Martín' }).text;
    await page.click('#box-contenteditable');
    await page.keyboard.type('Hola. perdon');
    await page.keyboard.press('Tab');
    await expect.poll(() => model('box-contenteditable'), { timeout: 10_000, interval: 100 }).toBe(`Hola. ${text}`);
  }, 20_000);
});

describe('Firefox: the in-page picker', () => {
  it('opens with Ctrl+Shift+Space, searches, and inserts the chosen reply', async () => {
    const text = renderTemplate(STARTER_LIBRARY.find((t) => t.shortcut === 'ack')!.body, { name: 'Mike Rogers' }).text;
    page = await tono!.openDemo();
    await page.click('#box-textarea');
    await pressPickerKey(page.keyboard);
    await expect.poll(() => pickerOpen(page), { timeout: 10_000 }).toBe(true);
    await page.keyboard.type('acknowledge');
    await new Promise((resolve) => setTimeout(resolve, 400));
    await page.keyboard.press('Enter');
    await expect.poll(() => model('box-textarea'), { timeout: 10_000, interval: 100 }).toBe(text);
  }, 30_000);
});

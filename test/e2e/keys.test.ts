// Configurable keys: chosen in the options page, picked up by an already open page without a
// reload (the refresh that fetches the shortcuts brings them), judged by the editor's model.
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchChromiumWithTono, type TonoBrowser } from '../../scripts/lib/chromium-with-tono';
import { STARTER_LIBRARY } from '../../src/shared/domain/starter-library';
import { renderTemplate } from '../../src/shared/domain/template';
import { pickerOpen as pickerOpenOn } from './in-page-ui';

const CRISIS = renderTemplate(STARTER_LIBRARY.find((t) => t.shortcut === 'crisis')!.body, {}).text;
/** The content script asks again for shortcuts (and keys) at most this often, on focus. */
const REFRESH_AFTER_MS = 2000;

let tono: TonoBrowser;
let options: Page;
let page: Page;
const pickerOpen = () => pickerOpenOn(page);
const model = () => page.evaluate(() => window.fixture!.modelText());

async function choose(select: string, value: string): Promise<void> {
  await options.bringToFront();
  await options.selectOption(select, value);
  const section = options.locator('section', { has: options.locator('#expand-key') });
  await expect.poll(() => section.locator('p[role="status"]').textContent()).not.toBe('');
}

/** Clears the box and focuses it again once the content script may refresh, as a user coming back would. */
async function freshBox(): Promise<void> {
  await page.bringToFront();
  await page.waitForTimeout(REFRESH_AFTER_MS + 100);
  await page.locator('body').click({ position: { x: 5, y: 5 } });
  await page.locator('[data-fixture-box]').fill('');
  await page.locator('[data-fixture-box]').click();
  // The refresh is a round trip to the worker started by the focus (a few ms; generous on a busy machine).
  await page.waitForTimeout(500);
}

beforeAll(async () => {
  tono = await launchChromiumWithTono();
  page = await tono.openFixture('textarea');
  options = await tono.context.newPage();
  await options.goto(`chrome-extension://${tono.extensionId}/src/options/index.html`);
  await options.locator('#expand-key').waitFor();
});
afterAll(async () => {
  await tono?.close();
});

describe('expansion key', () => {
  it('Tab expands by default', async () => {
    await freshBox();
    await page.keyboard.type('crisis');
    await page.keyboard.press('Tab');
    await expect.poll(model).toBe(CRISIS);
  });

  it('after choosing Ctrl+Space, the open page expands with it and Tab is Tab again', async () => {
    await choose('#expand-key', 'ctrl-space');
    await freshBox();
    await page.keyboard.type('crisis');
    await page.keyboard.press('Tab');
    await expect.poll(() => page.evaluate(() => document.activeElement?.tagName)).not.toBe('TEXTAREA');
    expect(await model()).toBe('crisis');
    await page.locator('[data-fixture-box]').click();
    await page.keyboard.press('End');
    await page.keyboard.press('Control+Space');
    await expect.poll(model).toBe(CRISIS);
  });

  it('Shift+Space expands a shortcut and types a space after any other word', async () => {
    await choose('#expand-key', 'shift-space');
    await freshBox();
    await page.keyboard.type('hola');
    await page.keyboard.press('Shift+Space');
    await expect.poll(model).toBe('hola ');
    await page.keyboard.type('crisis');
    await page.keyboard.press('Shift+Space');
    await expect.poll(model).toBe(`hola ${CRISIS}`);
    await choose('#expand-key', 'tab');
  });
});

describe('picker key', () => {
  it('opens with the chosen key only', async () => {
    await choose('#picker-key', 'ctrl-period');
    await freshBox();
    await page.keyboard.press('Control+Shift+Space');
    await page.keyboard.type('x');
    expect(await pickerOpen()).toBe(false);
    expect(await model()).toBe('x');
    await page.keyboard.press('Control+Period');
    await expect.poll(pickerOpen).toBe(true);
    await page.keyboard.press('Escape');
    await expect.poll(pickerOpen).toBe(false);
    await choose('#picker-key', 'ctrl-shift-space');
  });
});

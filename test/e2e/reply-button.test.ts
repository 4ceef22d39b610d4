// The small Tono button by the focused reply box: opens the picker without taking the box's focus
// or caret, never moves the site's layout, follows scrolling, hides on blur and off screen, can be
// turned off, and ignores clicks forged by the page.
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { launchChromiumWithTono, type TonoBrowser, reloadFixture } from '../../scripts/lib/chromium-with-tono';
import { STARTER_LIBRARY } from '../../src/shared/domain/starter-library';
import { renderTemplate } from '../../src/shared/domain/template';
import { pickerOpen } from './in-page-ui';

const HOLDING = renderTemplate(STARTER_LIBRARY.find((t) => t.shortcut === 'holding')!.body, {}).text;

let tono: TonoBrowser;

beforeAll(async () => {
  tono = await launchChromiumWithTono();
});
afterAll(async () => {
  await tono?.close();
});

/** Where the button is on screen, found the way a user would (what is drawn at each point), or null. */
const buttonAt = (page: Page) =>
  page.evaluate(() => {
    for (let y = 2; y < innerHeight; y += 8) {
      for (let x = 2; x < innerWidth; x += 8) {
        const hit = document.elementFromPoint(x, y);
        if (hit?.tagName === 'DIV' && hit.parentElement === document.documentElement) {
          // Walk to the button's centre from the first point that hits it.
          let right = x;
          let bottom = y;
          while (document.elementFromPoint(right + 1, y)?.parentElement === document.documentElement) right++;
          while (document.elementFromPoint(x, bottom + 1)?.parentElement === document.documentElement) bottom++;
          return { x: (x + right) / 2, y: (y + bottom) / 2 };
        }
      }
    }
    return null;
  });
const boxRect = (page: Page) =>
  page.evaluate(() => {
    const r = document.querySelector('[data-fixture-box]')!.getBoundingClientRect();
    return { top: r.top, right: r.right, bottom: r.bottom, left: r.left };
  });

describe.each(['textarea', 'lexical-rich'] as const)('%s', (kind) => {
  let page: Page;
  const model = () => page.evaluate(() => window.fixture!.modelText());

  beforeAll(async () => {
    page = await tono.openFixture(kind);
  });
  afterAll(async () => {
    await page?.close();
  });
  beforeEach(async () => {
    await reloadFixture(page);
  });

  it('appears by the focused box only, without moving the layout, in a closed shadow root', async () => {
    const before = await boxRect(page);
    const height = await page.evaluate(() => document.documentElement.scrollHeight);
    expect(await buttonAt(page)).toBeNull();
    await page.locator('[data-fixture-box]').click();
    await expect.poll(() => buttonAt(page)).not.toBeNull();
    const at = (await buttonAt(page))!;
    expect(Math.abs(at.x - before.right)).toBeLessThan(40);
    expect(at.y).toBeLessThan(before.top + 40);
    expect(await boxRect(page)).toEqual(before);
    expect(await page.evaluate(() => document.documentElement.scrollHeight)).toBe(height);
    // Hosted on a plain div whose shadow root is closed: nothing a page script can open.
    const hosts = await page.evaluate(() => [...document.documentElement.children].filter((el) => el.tagName === 'DIV').map((el) => el.shadowRoot === null));
    expect(hosts.length).toBeGreaterThan(0);
    expect(hosts.every(Boolean)).toBe(true);
  });

  it('a click opens the picker and the reply lands at the caret the box kept', async () => {
    await page.locator('[data-fixture-box]').click();
    await page.keyboard.type('Hola. ');
    await expect.poll(() => buttonAt(page)).not.toBeNull();
    const at = (await buttonAt(page))!;
    await page.mouse.click(at.x, at.y);
    await expect.poll(() => pickerOpen(page)).toBe(true);
    await page.keyboard.type('holding statement');
    await page.waitForTimeout(300);
    await page.keyboard.press('Enter');
    await expect.poll(model).toBe(`Hola. ${HOLDING}`);
  });

  it('hides when the box loses the focus and comes back with it', async () => {
    await page.locator('[data-fixture-box]').click();
    await expect.poll(() => buttonAt(page)).not.toBeNull();
    await page.locator('body').click({ position: { x: 3, y: 3 } });
    await expect.poll(() => buttonAt(page)).toBeNull();
    await page.locator('[data-fixture-box]').click();
    await expect.poll(() => buttonAt(page)).not.toBeNull();
  });

  it('follows the box as the page scrolls and hides while the box is off screen', async () => {
    await page.evaluate(() => {
      const spacer = document.createElement('div');
      spacer.style.height = '3000px';
      document.body.append(spacer);
    });
    await page.locator('[data-fixture-box]').click();
    await expect.poll(() => buttonAt(page)).not.toBeNull();
    const first = (await buttonAt(page))!;
    await page.evaluate(() => scrollBy(0, 40));
    await expect.poll(async () => (await buttonAt(page))?.y).toBeCloseTo(first.y - 40, 0);
    await page.evaluate(() => scrollBy(0, 2000));
    await expect.poll(() => buttonAt(page)).toBeNull();
    await page.evaluate(() => scrollTo(0, 0));
    await expect.poll(() => buttonAt(page)).not.toBeNull();
  });

  it('ignores clicks the page forges on it', async () => {
    await page.locator('[data-fixture-box]').click();
    await expect.poll(() => buttonAt(page)).not.toBeNull();
    const at = (await buttonAt(page))!;
    await page.evaluate(({ x, y }) => {
      const host = document.elementFromPoint(x, y) as HTMLElement;
      host.click();
      host.dispatchEvent(new MouseEvent('click', { bubbles: true, composed: true, clientX: x, clientY: y }));
    }, at);
    await page.waitForTimeout(200);
    expect(await pickerOpen(page)).toBe(false);
    // Positive control: the agent's own click on the same spot opens the picker.
    await page.mouse.click(at.x, at.y);
    await expect.poll(() => pickerOpen(page)).toBe(true);
  });
});

describe('setting', () => {
  it('turned off in the options page, the button no longer shows on an open page', async () => {
    const page = await tono.openFixture('textarea');
    await page.locator('[data-fixture-box]').click();
    await expect.poll(() => buttonAt(page)).not.toBeNull();
    const options = await tono.context.newPage();
    await options.goto(`chrome-extension://${tono.extensionId}/src/options/index.html`);
    await options.locator('#reply-button').uncheck();
    await expect.poll(() => options.locator('#reply-button').isChecked()).toBe(false);
    await page.bringToFront();
    await page.locator('body').click({ position: { x: 3, y: 3 } });
    // Open pages ask again for their settings at most every two seconds, on focus.
    await page.waitForTimeout(2100);
    await page.locator('[data-fixture-box]').click();
    await page.waitForTimeout(500);
    expect(await buttonAt(page)).toBeNull();
    // Positive control: turned on again, the same page shows it after the same steps.
    await options.locator('#reply-button').check();
    await expect.poll(() => options.locator('#reply-button').isChecked()).toBe(true);
    await page.bringToFront();
    await page.locator('body').click({ position: { x: 3, y: 3 } });
    await page.waitForTimeout(2100);
    await page.locator('[data-fixture-box]').click();
    await expect.poll(() => buttonAt(page)).not.toBeNull();
    await options.close();
    await page.close();
  });
});

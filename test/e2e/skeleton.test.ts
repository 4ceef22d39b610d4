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
    // Positive control first: in this very box, a real Tab expands the shortcut, so Tono is loaded
    // and warm when the page forges its own, and the wait below is many times what it needs.
    await page.keyboard.press('Control+A');
    await page.keyboard.type('gracias');
    await page.keyboard.press('Tab');
    await expect.poll(() => model('box-textarea')).not.toBe('gracias');
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

// The extension API as seen from the side panel page, for the evaluate calls below.
declare const chrome: {
  tabs: { query(filter: object): Promise<Array<{ id?: number }>> };
  runtime: { sendMessage(message: unknown): Promise<unknown> };
};

describe('the side panel inserts into the box last focused in its own tab', () => {
  it('sends the reply to the tab the panel names, not to the most recently used tab', async () => {
    const tabA = await tono.openDemo();
    const tabB = await tono.openDemo();
    await tabA.bringToFront();
    await tabA.click('#box-textarea');
    await tabB.bringToFront();
    await tabB.click('#box-contenteditable');
    const panel = await tono.openSidePanel();
    // What the docked panel does for its window's active tab: name the tab explicitly.
    const outcome = await panel.evaluate(async () => {
      // Without the "tabs" permission URLs are hidden; tabs were opened in order A, B, panel.
      const tabs = await chrome.tabs.query({});
      const target = tabs.sort((a, b) => a.id! - b.id!).at(-3)!;
      return chrome.runtime.sendMessage({ type: 'insertTemplate', payload: { templateId: 'starter-thanks-en', tabId: target.id } });
    });
    expect(outcome).toEqual({ ok: true, value: { ok: true, method: 'exec-command' } });
    await expect.poll(() => tabA.evaluate(() => window.tonoDemo.modelText('box-textarea'))).toBe(expected('thanks', 'Mike Rogers'));
    expect(await tabB.evaluate(() => window.tonoDemo.modelText('box-contenteditable'))).toBe('');
  });

  it('tells the panel when the tab has no focused reply box', async () => {
    const fresh = await tono.openDemo();
    const panel = await tono.openSidePanel();
    expect(fresh.url()).toContain('tono-demo');
    const outcome = await panel.evaluate(async () => {
      const tabs = await chrome.tabs.query({});
      const target = tabs.sort((a, b) => a.id! - b.id!).at(-2)!;
      return chrome.runtime.sendMessage({ type: 'insertTemplate', payload: { templateId: 'starter-thanks-en', tabId: target.id } });
    });
    expect(outcome).toEqual({ ok: true, value: { ok: false, reason: 'no-box' } });
  });
});

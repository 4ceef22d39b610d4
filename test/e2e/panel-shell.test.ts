// The side panel's first frame is a plain-DOM shell (src/sidepanel/boot/shell.ts) drawn before
// the panel's own script loads. These tests act in that shell, with the CPU slowed down so it
// lasts, and check that the panel keeps what was done there once it takes over.
import type { CDPSession, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchChromiumWithTono, type TonoBrowser } from '../../scripts/lib/chromium-with-tono';
import { renderTemplate } from '../../src/shared/domain/template';
import { STARTER_LIBRARY } from '../../src/shared/domain/starter-library';

let tono: TonoBrowser;
let feed: Page;

beforeAll(async () => {
  tono = await launchChromiumWithTono();
  feed = await tono.openDemo();
});
afterAll(async () => {
  await tono?.close();
});

const model = (id: string) => feed.evaluate((boxId) => window.tonoDemo.modelText(boxId), id);
// While the shell is up, the page is only asked things through the DevTools protocol:
// Playwright's locators inject a script of their own, tens of milliseconds of work that, slowed
// down, would let the panel take over before the test acts.
async function inPage<T>(cdp: CDPSession, expression: string): Promise<T> {
  const answer = (await cdp.send('Runtime.evaluate', { expression, awaitPromise: true, returnByValue: true })) as { result: { value: T } };
  return answer.result.value;
}

/** True while the panel's own root is still empty: the shell alone is on screen. */
const shellOnly = (cdp: CDPSession) => inPage<boolean>(cdp, `document.getElementById('app').childElementCount === 0 && document.querySelector('.boot-shell') !== null`);

/** Opens the panel with the CPU slowed down 50×, and waits for the shell's rows. */
async function openInShell(): Promise<{ panel: Page; cdp: CDPSession }> {
  const panel = await tono.openSidePanel();
  await panel.waitForSelector('li.reply');
  const cdp = await panel.context().newCDPSession(panel);
  await cdp.send('Emulation.setCPUThrottlingRate', { rate: 50 });
  await panel.reload({ waitUntil: 'commit' });
  await inPage(
    cdp,
    `new Promise((resolve) => { const check = () => document.querySelector('.boot-shell li.reply') ? resolve(true) : setTimeout(check, 5); check(); })`,
  );
  return { panel, cdp };
}

/** Where the centre of the shell's row for `id` is, to click it without a locator. */
const rowCentre = (cdp: CDPSession, id: string) =>
  inPage<{ x: number; y: number }>(
    cdp,
    `(() => { const r = document.querySelector('.boot-shell li.reply[data-template-id="${id}"] button').getBoundingClientRect(); return { x: r.x + r.width / 2, y: r.y + r.height / 2 }; })()`,
  );

describe('side panel first frame', () => {
  it('draws the first rows and a focused search box before the panel’s script has run', async () => {
    const { panel, cdp } = await openInShell();
    const seen = await inPage<[string | null, number, boolean]>(
      cdp,
      `[document.activeElement?.getAttribute('type') ?? null, document.querySelectorAll('.boot-shell li.reply').length, document.getElementById('app').childElementCount === 0]`,
    );
    expect(seen).toEqual(['search', STARTER_LIBRARY.length, true]);
    await cdp.send('Emulation.setCPUThrottlingRate', { rate: 1 });
    await panel.waitForSelector('.boot-shell', { state: 'detached', timeout: 20_000 });
    await expect.poll(() => panel.locator('li.reply').count()).toBe(STARTER_LIBRARY.length);
    await panel.close();
  });

  it('keeps what was typed there, and the caret, when the panel takes over', async () => {
    const { panel, cdp } = await openInShell();
    await panel.keyboard.type('graci');
    await panel.keyboard.press('ArrowLeft');
    // Everything above happened in the shell (else this test proves nothing).
    expect(await shellOnly(cdp)).toBe(true);
    await cdp.send('Emulation.setCPUThrottlingRate', { rate: 1 });
    await panel.waitForSelector('.boot-shell', { state: 'detached', timeout: 20_000 });
    const search = panel.locator('.replies-view input[type="search"]');
    expect(await search.inputValue()).toBe('graci');
    expect(await search.evaluate((input: HTMLInputElement) => [document.activeElement === input, input.selectionStart])).toEqual([true, 4]);
    await panel.keyboard.type('X');
    expect(await search.inputValue()).toBe('gracXi');
    await panel.keyboard.press('Backspace');
    // Only replies saying "gracias" are listed: the query was applied, not just shown.
    await expect.poll(() => panel.locator('.results-count').textContent()).toMatch(/^\d+ /);
    const titles = await panel.locator('li.reply .reply-body').allTextContents();
    expect(titles.length).toBeGreaterThan(0);
    expect(titles.length).toBeLessThan(STARTER_LIBRARY.length);
    await panel.close();
  });

  it('inserts a reply clicked there once the panel is ready', async () => {
    await feed.bringToFront();
    await feed.click('#box-textarea');
    const { panel, cdp } = await openInShell();
    const { x, y } = await rowCentre(cdp, 'starter-ack-en');
    await panel.mouse.click(x, y);
    expect(await shellOnly(cdp)).toBe(true);
    await cdp.send('Emulation.setCPUThrottlingRate', { rate: 1 });
    const body = STARTER_LIBRARY.find((template) => template.id === 'starter-ack-en')!.body;
    await expect.poll(() => model('box-textarea')).toBe(renderTemplate(body, { name: 'Mike Rogers' }).text);
    await expect.poll(() => panel.locator('p.status').textContent()).toContain('Inserted');
    await panel.close();
  });

  it('presses a row button clicked there (the star) once the panel is ready', async () => {
    const { panel, cdp } = await openInShell();
    const star = await inPage<{ x: number; y: number }>(
      cdp,
      `(() => { const r = document.querySelector('.boot-shell li.reply[data-template-id="starter-apology-en"] .reply-favorite').getBoundingClientRect(); return { x: r.x + r.width / 2, y: r.y + r.height / 2 }; })()`,
    );
    await panel.mouse.click(star.x, star.y);
    expect(await shellOnly(cdp)).toBe(true);
    await cdp.send('Emulation.setCPUThrottlingRate', { rate: 1 });
    await expect.poll(() => panel.locator('li.reply[data-template-id="starter-apology-en"] .reply-favorite').getAttribute('aria-pressed')).toBe('true');
    await panel.locator('li.reply[data-template-id="starter-apology-en"] .reply-favorite').click();
    await expect.poll(() => panel.locator('li.reply[data-template-id="starter-apology-en"] .reply-favorite').getAttribute('aria-pressed')).toBe('false');
    await panel.close();
  });
});

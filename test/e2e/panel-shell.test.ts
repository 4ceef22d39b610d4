// The side panel's first frame is a plain-DOM shell (src/sidepanel/boot/shell.ts) drawn before
// the panel's own script loads. These tests hold the panel's chunk back (DevTools request
// interception), act in the shell, then let the chunk through and check that the panel keeps
// what was done there once it takes over. Holding the request, not slowing the CPU, is what
// makes "the shell is still up" certain rather than likely.
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
// While the shell is up, the page is asked things through the DevTools protocol: Playwright's
// locators would inject a script of their own into the page, which this test wants untouched.
async function inPage<T>(cdp: CDPSession, expression: string): Promise<T> {
  const answer = (await cdp.send('Runtime.evaluate', { expression, awaitPromise: true, returnByValue: true })) as { result: { value: T } };
  return answer.result.value;
}

/** True while the panel's own root is still empty: the shell alone is on screen. */
const shellOnly = (cdp: CDPSession) => inPage<boolean>(cdp, `document.getElementById('app').childElementCount === 0 && document.querySelector('.boot-shell') !== null`);

interface HeldPanel {
  panel: Page;
  cdp: CDPSession;
  /** Lets the held chunk load, so the panel takes over. */
  release(): Promise<void>;
}

/** Opens the panel with its own chunk (assets/mount-*.js) held back, and waits for the shell's rows. */
async function openInShell(): Promise<HeldPanel> {
  const panel = await tono.openSidePanel();
  await panel.waitForSelector('li.reply');
  const cdp = await panel.context().newCDPSession(panel);
  const held: string[] = [];
  let released = false;
  cdp.on('Fetch.requestPaused', (event: { requestId: string }) => {
    if (released) void cdp.send('Fetch.continueRequest', { requestId: event.requestId });
    else held.push(event.requestId);
  });
  await cdp.send('Fetch.enable', { patterns: [{ urlPattern: '*/assets/mount-*.js' }] });
  await panel.reload({ waitUntil: 'commit' });
  await inPage(
    cdp,
    `new Promise((resolve) => { const check = () => document.querySelector('.boot-shell li.reply') ? resolve(true) : setTimeout(check, 5); check(); })`,
  );
  // The shell asks for the chunk right after its first frame; wait until that request is held.
  await expect.poll(() => held.length).toBeGreaterThan(0);
  const release = async () => {
    released = true;
    for (const requestId of held.splice(0)) await cdp.send('Fetch.continueRequest', { requestId });
    await cdp.send('Fetch.disable');
  };
  return { panel, cdp, release };
}

/** Where the centre of the shell's row for `id` is, to click it without a locator. */
const rowCentre = (cdp: CDPSession, id: string) =>
  inPage<{ x: number; y: number }>(
    cdp,
    `(() => { const r = document.querySelector('.boot-shell li.reply[data-template-id="${id}"] button').getBoundingClientRect(); return { x: r.x + r.width / 2, y: r.y + r.height / 2 }; })()`,
  );

describe('side panel first frame', () => {
  it('draws the first rows and a focused search box before the panel’s script has run', async () => {
    const { panel, cdp, release } = await openInShell();
    const seen = await inPage<[string | null, number, boolean]>(
      cdp,
      `[document.activeElement?.getAttribute('type') ?? null, document.querySelectorAll('.boot-shell li.reply').length, document.getElementById('app').childElementCount === 0]`,
    );
    expect(seen).toEqual(['search', STARTER_LIBRARY.length, true]);
    await release();
    await panel.waitForSelector('.boot-shell', { state: 'detached' });
    await expect.poll(() => panel.locator('li.reply').count()).toBe(STARTER_LIBRARY.length);
    await panel.close();
  });

  it('keeps what was typed there, and the caret, when the panel takes over', async () => {
    const { panel, cdp, release } = await openInShell();
    await panel.keyboard.type('graci');
    await panel.keyboard.press('ArrowLeft');
    // Everything above happened in the shell (else this test proves nothing).
    expect(await shellOnly(cdp)).toBe(true);
    await release();
    await panel.waitForSelector('.boot-shell', { state: 'detached' });
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
    const { panel, cdp, release } = await openInShell();
    const { x, y } = await rowCentre(cdp, 'starter-ack-en');
    await panel.mouse.click(x, y);
    expect(await shellOnly(cdp)).toBe(true);
    await release();
    const body = STARTER_LIBRARY.find((template) => template.id === 'starter-ack-en')!.body;
    await expect.poll(() => model('box-textarea')).toBe(renderTemplate(body, { name: 'Mike Rogers' }).text);
    await expect.poll(() => panel.locator('p.status').textContent()).toContain('Inserted');
    await panel.close();
  });

  it('presses a row button clicked there (the star) once the panel is ready', async () => {
    const { panel, cdp, release } = await openInShell();
    const star = await inPage<{ x: number; y: number }>(
      cdp,
      `(() => { const r = document.querySelector('.boot-shell li.reply[data-template-id="starter-apology-en"] .reply-favorite').getBoundingClientRect(); return { x: r.x + r.width / 2, y: r.y + r.height / 2 }; })()`,
    );
    await panel.mouse.click(star.x, star.y);
    expect(await shellOnly(cdp)).toBe(true);
    await release();
    await expect.poll(() => panel.locator('li.reply[data-template-id="starter-apology-en"] .reply-favorite').getAttribute('aria-pressed')).toBe('true');
    await panel.locator('li.reply[data-template-id="starter-apology-en"] .reply-favorite').click();
    await expect.poll(() => panel.locator('li.reply[data-template-id="starter-apology-en"] .reply-favorite').getAttribute('aria-pressed')).toBe('false');
    await panel.close();
  });
});

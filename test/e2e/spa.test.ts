// Single-page navigation (history.pushState, the feed rendered anew, as on x.com): after each
// navigation the box answers the new tweet, with no state left from the previous "page".
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchChromiumWithTono, type TonoBrowser } from '../../scripts/lib/chromium-with-tono';
import { STARTER_LIBRARY } from '../../src/shared/domain/starter-library';
import { renderTemplate } from '../../src/shared/domain/template';

const SPA_URL = 'https://x.com/tono-fixtures/spa/';
const starter = (shortcut: string, name: string) => renderTemplate(STARTER_LIBRARY.find((t) => t.shortcut === shortcut)!.body, { name }).text;
const gracias = (name: string) => starter('gracias', name);
const link = (handle: string, id: string) => `https://x.com/${handle}/status/${id}`;
const ANA = link('ana_perez', '2124804699583418514');
const BRUNO = link('bruno_diaz', '2124900000000000001');
const CARLA = link('carla_ruiz', '2124950000000000002');

// The extension API as seen from the side panel page.
declare const chrome: { runtime: { sendMessage(message: unknown): Promise<unknown> } };

let tono: TonoBrowser;
let panel: Page;
let page: Page;

const model = () => page.evaluate(() => window.fixture!.modelText());
/** What the side panel is told about the comment being answered. */
const target = () =>
  panel.evaluate(async () => {
    const reply = (await chrome.runtime.sendMessage({ type: 'getReplyTarget', payload: { tabId: null } })) as {
      value: { context: { authorName?: string; permalink?: string } } | null;
    };
    return reply.value?.context ?? null;
  });
/** Rows of the extension's IndexedDB, read from the panel page. */
const readStore = <T,>(store: string, key?: string) =>
  panel.evaluate(
    ([name, id]) =>
      new Promise<unknown>((resolve, reject) => {
        const open = indexedDB.open('tono');
        open.onerror = () => reject(open.error);
        open.onsuccess = () => {
          const objects = open.result.transaction(name!, 'readonly').objectStore(name!);
          const request = id ? objects.get(id) : objects.getAll();
          request.onsuccess = () => resolve(request.result);
          request.onerror = () => reject(request.error);
        };
      }),
    [store, key] as const,
  ) as Promise<T>;
const waiting = async () => ((await readStore<{ value: Array<{ key: string }> } | undefined>('settings', 'pendingReplies'))?.value ?? []).map((item) => item.key);
const events = () => readStore<Array<{ commentAt: number | null; firstFocusAt: number | null; templateId: string | null }>>('replyEvents');

beforeAll(async () => {
  tono = await launchChromiumWithTono();
  panel = await tono.openSidePanel();
  await panel.locator('li.reply').first().waitFor();
  page = await tono.context.newPage();
  await page.goto(SPA_URL);
  await page.waitForFunction(() => Boolean(window.fixture));
});
afterAll(async () => {
  await tono?.close();
});

describe('history.pushState navigation', () => {
  it('A → B (the same textarea element now answers another tweet): new context, expansion, submit', async () => {
    await page.locator('[data-fixture-box]').click();
    await expect.poll(async () => (await target())?.permalink).toBe(ANA);
    // A draft left unsent on page A (another template), then the agent moves on.
    await page.keyboard.type('thanks');
    await page.keyboard.press('Tab');
    await expect.poll(model).toBe(starter('thanks', 'Ana Pérez'));

    await page.click('#next');
    expect(new URL(page.url()).pathname).toBe('/tono-fixtures/spa/b');
    await expect.poll(() => page.locator('[data-testid="tweetText"]').innerText()).toBe('Me llegó roto el paquete.');
    const focusedAfter = Date.now();
    await page.locator('[data-fixture-box]').click();
    await expect.poll(async () => (await target())?.permalink).toBe(BRUNO);
    expect((await target())?.authorName).toBe('Bruno Díaz');

    await page.keyboard.type('gracias');
    await page.keyboard.press('Tab');
    await expect.poll(model).toBe(gracias('Bruno Díaz'));
    await page.click('[data-testid="tweetButtonInline"]');
    await expect.poll(async () => (await events()).length).toBe(1);
    const [event] = await events();
    // Bruno's tweet time, and a first focus on page B, not the one on page A.
    expect(event?.commentAt).toBe(Date.parse('2026-11-23T11:00:00.000Z'));
    expect(event?.firstFocusAt ?? 0).toBeGreaterThanOrEqual(focusedAfter);
    expect(event?.templateId).toBe('starter-thanks-es');
    // Ana is still waiting for an answer; Bruno got his.
    await expect.poll(waiting).toContain(`link:${ANA}`);
    expect(await waiting()).not.toContain(`link:${BRUNO}`);
  });

  it('B → C (the feed is remounted): the new box gets the new context, expansion and submit work', async () => {
    await page.click('#next');
    await expect.poll(() => page.locator('[data-testid="tweetText"]').innerText()).toBe('¿Hacéis envíos a Canarias?');
    await page.locator('[data-fixture-box]').click();
    await expect.poll(async () => (await target())?.permalink).toBe(CARLA);
    await page.keyboard.type('gracias');
    await page.keyboard.press('Tab');
    await expect.poll(model).toBe(gracias('Carla Ruiz'));
    await page.click('[data-testid="tweetButtonInline"]');
    await expect.poll(async () => (await events()).length).toBe(2);
    expect((await events()).map((event) => event.commentAt)).toContain(Date.parse('2026-11-23T12:00:00.000Z'));
    expect(await waiting()).not.toContain(`link:${CARLA}`);
    expect(await waiting()).toContain(`link:${ANA}`);
  });

  it('A → B while the box keeps the focus (the site navigates by keyboard): Tab and the send answer Bruno', async () => {
    const other = await tono.context.newPage();
    await other.goto(SPA_URL);
    await other.waitForFunction(() => Boolean(window.fixture));
    await other.locator('[data-fixture-box]').click();
    await expect.poll(async () => (await target())?.permalink).toBe(ANA);
    const before = (await events()).length;
    const navigatedAt = Date.now();
    await other.keyboard.press('Alt+KeyN');
    await expect.poll(() => other.locator('[data-testid="tweetText"]').innerText()).toBe('Me llegó roto el paquete.');
    expect(await other.evaluate(() => document.activeElement?.tagName)).toBe('TEXTAREA');
    await other.keyboard.type('gracias');
    await other.keyboard.press('Tab');
    await expect.poll(() => other.evaluate(() => window.fixture!.modelText())).toBe(gracias('Bruno Díaz'));
    await expect.poll(async () => (await target())?.permalink).toBe(BRUNO);
    await other.click('[data-testid="tweetButtonInline"]');
    await expect.poll(async () => (await events()).length).toBe(before + 1);
    const latest = (await events()).sort((a, b) => (b.firstFocusAt ?? 0) - (a.firstFocusAt ?? 0))[0];
    expect(latest?.commentAt).toBe(Date.parse('2026-11-23T11:00:00.000Z'));
    expect(latest?.firstFocusAt ?? 0).toBeGreaterThanOrEqual(navigatedAt);
    await other.close();
  });

  it('Back (popstate) to B: the box answers Bruno again', async () => {
    await page.goBack();
    await expect.poll(() => page.locator('[data-testid="tweetText"]').innerText()).toBe('Me llegó roto el paquete.');
    await page.locator('[data-fixture-box]').click();
    await expect.poll(async () => (await target())?.permalink).toBe(BRUNO);
  });
});

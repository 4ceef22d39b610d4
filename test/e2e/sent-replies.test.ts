// Every sent reply counted: drafts left in several boxes and sent later, each from its own button
// and in another order than they were written, are each counted once; an answered comment clicked
// into again does not go back on the waiting list.
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchChromiumWithTono, type TonoBrowser } from '../../scripts/lib/chromium-with-tono';

// The extension API as seen from the side panel page.
declare const chrome: { runtime: { sendMessage(message: unknown): Promise<unknown> } };

let tono: TonoBrowser;
let panel: Page;
let feed: Page;

beforeAll(async () => {
  tono = await launchChromiumWithTono();
  panel = await tono.openSidePanel();
  await panel.getByRole('tab', { name: 'Stats' }).click();
  feed = await tono.openDemo();
});
afterAll(async () => {
  await tono?.close();
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
const waiting = async () => ((await readStore<{ value: Array<{ authorName?: string }> } | undefined>('settings', 'pendingReplies'))?.value ?? []).map((item) => item.authorName);
const events = () => readStore<Array<{ threadHash: string | null }>>('replyEvents');
const repliesShown = () => panel.locator('[data-stat="statsReplies"] .stats-value').textContent();
const modelText = (id: string) => feed.evaluate((box) => window.tonoDemo.modelText(box), id);
/** Who the side panel thinks is being answered: the worker has handled the last focus. */
const target = () =>
  panel.evaluate(async () => {
    const reply = (await chrome.runtime.sendMessage({ type: 'getReplyTarget', payload: { tabId: null } })) as {
      value: { context: { authorName?: string } } | null;
    };
    return reply.value?.context.authorName ?? null;
  });

const BOXES = { lexical: 'Ana Pérez', textarea: 'Mike Rogers', contenteditable: 'Lucía Martín' } as const;
type Box = keyof typeof BOXES;

async function send(box: Box): Promise<void> {
  await feed.click(`button.send[data-for="box-${box}"]`);
  await expect.poll(() => modelText(`box-${box}`)).toBe('');
}

describe('every sent reply counted', () => {
  it('counts three drafts sent later from their own buttons, in another order than written', async () => {
    for (const box of Object.keys(BOXES) as Box[]) {
      await feed.click(`#box-${box}`);
      await feed.keyboard.type(`Draft for ${BOXES[box]}`);
      await expect.poll(target).toBe(BOXES[box]);
    }
    expect((await waiting()).sort()).toEqual(Object.values(BOXES).sort());

    // The box focused first, then the last one, then the middle one: only the last had the focus.
    await send('lexical');
    await expect.poll(async () => (await events()).length).toBe(1);
    await send('contenteditable');
    await expect.poll(async () => (await events()).length).toBe(2);
    await send('textarea');
    await expect.poll(async () => (await events()).length).toBe(3);
    expect(new Set((await events()).map((event) => event.threadHash)).size).toBe(3);
    await expect.poll(repliesShown, { timeout: 10_000 }).toBe('3');
    await expect.poll(waiting).toEqual([]);

    // A bare click on a send button of an empty box counts nothing more.
    await feed.click('button.send[data-for="box-lexical"]');
    await feed.click('button.send[data-for="box-textarea"]');
    expect(await events()).toHaveLength(3);
  });

  it('does not put an answered comment back on the waiting list when its box is clicked into', async () => {
    await feed.click('#box-lexical');
    await expect.poll(target).toBe(BOXES.lexical);
    await feed.click('#box-textarea');
    await expect.poll(target).toBe(BOXES.textarea);
    // The worker handled both focuses (the target moved); several reads over time see no entry.
    for (let read = 0; read < 5; read++) {
      expect(await waiting()).toEqual([]);
      await feed.waitForTimeout(200);
    }
    expect(await events()).toHaveLength(3);
  });
});

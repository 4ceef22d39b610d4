// Hostile page script against the waiting list, and "Delete all my data" through the settings page,
// in real Chromium with the built extension.
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchChromiumWithTono, type TonoBrowser } from '../../scripts/lib/chromium-with-tono';

let tono: TonoBrowser;
/** Every request the browser made to the hostile host (nothing may ever reach it). */
const evilRequests: string[] = [];

beforeAll(async () => {
  tono = await launchChromiumWithTono();
  await tono.context.route('https://evil.example/**', (route) => {
    evilRequests.push(route.request().url());
    return route.fulfill({ status: 200, contentType: 'text/html', body: 'phished' });
  });
});
afterAll(async () => {
  await tono?.close();
});

// The extension API as seen from its own pages.
declare const chrome: { storage: { session: { get(keys: null): Promise<Record<string, unknown>> } } };

/** Everything the extension keeps: every IndexedDB store and storage.session, read from one of its pages. */
const everythingStored = (page: Page) =>
  page.evaluate(async () => {
    const db = await new Promise<IDBDatabase>((resolve, reject) => {
      const open = indexedDB.open('tono');
      open.onsuccess = () => resolve(open.result);
      open.onerror = () => reject(open.error);
    });
    const stores: Record<string, unknown[]> = {};
    for (const name of Array.from(db.objectStoreNames)) {
      stores[name] = await new Promise<unknown[]>((resolve, reject) => {
        const request = db.transaction(name, 'readonly').objectStore(name).getAll();
        request.onsuccess = () => resolve(request.result);
        request.onerror = () => reject(request.error);
      });
    }
    db.close();
    return { stores, session: await chrome.storage.session.get(null) };
  });

/**
 * Page script, not the user: builds comments whose links go elsewhere and focuses their boxes
 * with `.focus()` (which gives trusted focus events), as any script on the site could.
 */
const planted = (page: Page, comments: Array<{ name: string; handle: string; link: string }>) =>
  page.evaluate(async (list) => {
    const feed = document.querySelector('main.feed')!;
    for (const [i, { name, handle, link }] of list.entries()) {
      const post = document.createElement('article');
      post.className = 'post';
      const header = document.createElement('header');
      const author = Object.assign(document.createElement('a'), { rel: 'author', href: '/@x', textContent: name });
      const who = Object.assign(document.createElement('span'), { className: 'handle', textContent: handle });
      const when = Object.assign(document.createElement('a'), { className: 'when', href: link });
      const time = Object.assign(document.createElement('time'), { textContent: '3 min' });
      time.dataset.agoMinutes = '3';
      when.append(time);
      header.append(author, ' ', who, ' · ', when);
      const box = Object.assign(document.createElement('textarea'), { className: 'box', id: `planted-${i}` });
      box.setAttribute('aria-label', 'Write a reply');
      post.append(header, box);
      feed.append(post);
      box.focus();
      // Let the extension see each focus, as a script pacing itself would.
      await new Promise((resolve) => setTimeout(resolve, 20));
    }
  }, comments);

describe('a page that plants comments with hostile links', () => {
  it('cannot make the waiting list open another site: the panel shows the page’s host and offers no such link', async () => {
    const feed = await tono.openDemo();
    await planted(feed, [
      { name: 'Mallory Other', handle: '@mallory', link: 'https://evil.example/phish' },
      { name: 'Mallory Creds', handle: '@mallory2', link: 'https://user:secret@x.com/p/1' },
      { name: 'Mallory Lookalike', handle: '@mallory3', link: 'https://x.com.evil.example/p/1' },
      { name: 'Mallory Script', handle: '@mallory4', link: 'javascript:location.href="https://evil.example/js"' },
    ]);
    const panel = await tono.openSidePanel();
    const hostile = panel.locator('.waiting-item', { hasText: 'Mallory' });
    await expect.poll(() => hostile.count(), { timeout: 10_000 }).toBe(4);
    // Every link the list offers stays on the site the comment was opened on.
    const hrefs = await panel.locator('.waiting a').evaluateAll((links) => links.map((link) => link.getAttribute('href')));
    for (const href of hrefs) expect(href).toMatch(/^https:\/\/x\.com\//);
    for (const item of await hostile.all()) {
      expect(await item.locator('a').count()).toBe(0);
      expect(await item.locator('.waiting-host').innerText()).toContain('x.com');
    }
    await panel.close();
    expect(evilRequests).toEqual([]);
  });

  it('cannot flood the list: 200 boxes focused by one page keep only its newest 20', async () => {
    const feed = await tono.openDemo();
    const bots = Array.from({ length: 200 }, (_, i) => ({ name: `Bot ${i}`, handle: `@bot${i}`, link: `https://x.com/bot/status/${i}` }));
    await planted(feed, bots);
    const panel = await tono.openSidePanel();
    await expect.poll(() => panel.locator('.waiting-item', { hasText: 'Bot 199' }).count(), { timeout: 20_000 }).toBe(1);
    expect(await panel.locator('.waiting-item', { hasText: /Bot \d+/ }).count()).toBe(20);
    // The comments opened in the other tab are still there.
    expect(await panel.locator('.waiting-item', { hasText: 'Mallory Other' }).count()).toBe(1);
    await panel.close();
  });
});

describe('"Delete all my data" in the settings page', () => {
  it('leaves no reply, stat, use count, waiting entry or focus record anywhere', async () => {
    const feed = await tono.openDemo();
    // A real agent: opens Ana's comment, expands a shortcut (a use is counted) and sends the reply.
    await feed.click('#box-textarea');
    await feed.keyboard.type('thanks');
    await feed.keyboard.press('Tab');
    await expect.poll(() => feed.evaluate(() => window.tonoDemo.modelText('box-textarea'))).not.toBe('thanks');
    await feed.click('button.send[data-for="box-textarea"]');
    await feed.click('#box-lexical');

    const options = await tono.context.newPage();
    await options.goto(`chrome-extension://${tono.extensionId}/src/options/index.html`);
    await expect
      .poll(async () => {
        const { stores } = await everythingStored(options);
        return stores.replyEvents!.length > 0 && (stores.templates as Array<{ usageCount: number }>).some((row) => row.usageCount > 0);
      }, { timeout: 10_000 })
      .toBe(true);
    const before = await everythingStored(options);
    expect(JSON.stringify(before.session)).toContain('Ana Pérez');

    await options.getByRole('button', { name: /Delete all my data|Borrar todos mis datos/ }).click();
    await options.getByRole('button', { name: /Yes, delete everything|Sí, borrar todo/ }).click();
    await expect.poll(() => options.locator('.stats-danger [role="status"]').innerText()).toMatch(/deleted|borrado/);

    const after = await everythingStored(options);
    expect(after.session).toEqual({});
    expect(after.stores.replyEvents).toEqual([]);
    expect(after.stores.statRollups).toEqual([]);
    expect((after.stores.settings as Array<{ key: string }>).map((row) => row.key)).not.toContain('pendingReplies');
    for (const row of after.stores.templates as Array<{ usageCount: number; lastUsedAt: number | null }>) {
      expect(row).toMatchObject({ usageCount: 0, lastUsedAt: null });
    }
    for (const row of after.stores.packItemState as Array<{ usageCount: number; lastUsedAt: number | null }>) {
      expect(row).toMatchObject({ usageCount: 0, lastUsedAt: null });
    }
    const everything = JSON.stringify(after);
    for (const trace of ['Ana Pérez', 'ana.perez', 'Mike Rogers', 'Mallory', '/p/1001']) expect(everything).not.toContain(trace);
  });
});

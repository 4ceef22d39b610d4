import { readFileSync } from 'node:fs';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchChromiumWithTono, type TonoBrowser } from '../../scripts/lib/chromium-with-tono';

let tono: TonoBrowser;

beforeAll(async () => {
  tono = await launchChromiumWithTono();
});
afterAll(async () => {
  await tono?.close();
});

async function sendReply(feed: Page): Promise<void> {
  await feed.click('#box-textarea');
  await feed.keyboard.type('thanks');
  await feed.keyboard.press('Tab');
  await feed.click('button.send[data-for="box-textarea"]');
  await expect.poll(() => feed.evaluate(() => window.tonoDemo.modelText('box-textarea'))).toBe('');
}

async function openStats(width = 360): Promise<Page> {
  const panel = await tono.openSidePanel();
  await panel.setViewportSize({ width, height: 900 });
  await panel.getByRole('tab', { name: 'Stats' }).click();
  return panel;
}

const repliesShown = (panel: Page) => panel.locator('[data-stat="statsReplies"] .stats-value').textContent();

describe('Stats view in the side panel', () => {
  it('counts a reply sent after the worker was stopped mid-flow, once', async () => {
    const feed = await tono.openDemo();
    await feed.click('#box-textarea');
    // Stop the service worker between focusing the box and sending, as Chrome does after 30 s idle.
    const cdp = await tono.context.newCDPSession(feed);
    await cdp.send('ServiceWorker.enable');
    await cdp.send('ServiceWorker.stopAllWorkers');
    await sendReply(feed);
    const panel = await openStats();
    await expect.poll(() => repliesShown(panel), { timeout: 10_000 }).toBe('1');
    await feed.close();
    await panel.close();
  });

  it('draws the charts inside a 360 px panel without horizontal scrolling', async () => {
    const panel = await openStats();
    await expect.poll(() => panel.locator('.stats-chart canvas').count()).toBeGreaterThanOrEqual(2);
    expect(await panel.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(360);
    const box = await panel.locator('.stats-chart').first().boundingBox();
    expect(box?.width).toBeLessThanOrEqual(360);
    await panel.close();
  });

  it('exports CSV with one row per reply and no text', async () => {
    const panel = await openStats();
    const [download] = await Promise.all([panel.waitForEvent('download'), panel.getByRole('button', { name: 'Export CSV' }).click()]);
    const lines = readFileSync((await download.path())!, 'utf8').trim().split('\r\n');
    expect(lines[0]).toBe('platform,account,repliedAt,commentAt,precision,responseSeconds,businessResponseSeconds,handleSeconds,templateId');
    expect(lines).toHaveLength(2);
    expect(lines[1]).toMatch(/^x,[^,]*,\d{4}-\d\d-\d\dT[^,]+Z,\d{4}-[^,]+Z,exact,\d+,\d*,\d*,starter-/);
    // Timings and ids only: neither the commenter's name nor any reply text.
    expect(lines[1]).not.toMatch(/Mike|Rogers|\s/);
    await panel.close();
  });

  it('shows a damaged summary and rebuilds it from the events', async () => {
    const panel = await openStats();
    await expect.poll(() => repliesShown(panel)).toBe('1');
    await panel.evaluate(async () => {
      const db = await new Promise<IDBDatabase>((resolve, reject) => {
        const open = indexedDB.open('tono');
        open.onsuccess = () => resolve(open.result);
        open.onerror = () => reject(open.error);
      });
      const tx = db.transaction('statRollups', 'readwrite');
      const store = tx.objectStore('statRollups');
      const rows = await new Promise<Array<{ key: string; count: number }>>((resolve) => {
        const request = store.getAll();
        request.onsuccess = () => resolve(request.result);
      });
      for (const row of rows) store.put({ ...row, count: -1 });
      await new Promise((resolve) => (tx.oncomplete = resolve));
      db.close();
    });
    await panel.reload();
    await panel.getByRole('tab', { name: 'Stats' }).click();
    await panel.getByRole('button', { name: 'Rebuild stats' }).click();
    await expect.poll(() => repliesShown(panel)).toBe('1');
    await panel.close();
  });
});

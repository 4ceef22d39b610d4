import { readFileSync } from 'node:fs';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchChromiumWithTono, type TonoBrowser } from '../../scripts/lib/chromium-with-tono';
import { drift } from '../../src/shared/domain/drift';

let tono: TonoBrowser;

beforeAll(async () => {
  tono = await launchChromiumWithTono();
});
afterAll(async () => {
  await tono?.close();
});

const modelText = (feed: Page) => feed.evaluate(() => window.tonoDemo.modelText('box-textarea'));

/** Sends `thanks` + Tab, optionally edited; returns what Tono inserted and what was sent. */
async function sendReply(feed: Page, edit = ''): Promise<{ inserted: string; sent: string }> {
  await feed.click('#box-textarea');
  await feed.keyboard.type('thanks');
  await feed.keyboard.press('Tab');
  await expect.poll(() => modelText(feed)).toMatch(/^Thanks for reaching out/);
  const inserted = await modelText(feed);
  if (edit) {
    await feed.keyboard.press('End');
    await feed.keyboard.type(edit);
  }
  const sent = await modelText(feed);
  await feed.click('button.send[data-for="box-textarea"]');
  await expect.poll(() => modelText(feed)).toBe('');
  return { inserted, sent };
}

/** The drift a sent edited reply must have recorded (the same function the content script runs). */
let editedDrift: number;

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

  it('records how far an edited template drifted, and shows the mean per template', async () => {
    const feed = await tono.openDemo();
    const { inserted, sent } = await sendReply(feed, ' PS: your order ships on Monday.');
    expect(sent).toBe(`${inserted} PS: your order ships on Monday.`);
    editedDrift = drift(inserted, sent);
    // Plausible: an appended sentence is a real but partial edit of the approved reply.
    expect(editedDrift).toBeGreaterThan(0.2);
    expect(editedDrift).toBeLessThan(0.5);
    const panel = await openStats();
    await expect.poll(() => repliesShown(panel), { timeout: 10_000 }).toBe('2');
    // A two-line reply in Lexical sent as inserted: its paragraphs read back differently, no edit.
    await feed.click('#box-lexical');
    await feed.keyboard.type('recibido');
    await feed.keyboard.press('Tab');
    await expect.poll(() => feed.evaluate(() => window.tonoDemo.modelText('box-lexical'))).toContain('\n');
    await feed.click('button.send[data-for="box-lexical"]');
    await expect.poll(() => feed.evaluate(() => window.tonoDemo.modelText('box-lexical'))).toBe('');
    await expect.poll(() => repliesShown(panel), { timeout: 10_000 }).toBe('3');
    // `thanks` twice: once sent as inserted (0), once edited; `recibido` once, unedited.
    const mean = new Intl.NumberFormat('en', { style: 'percent', maximumFractionDigits: 0 }).format(editedDrift / 2);
    await expect.poll(() => panel.locator('.stats-templates .stats-drift').allTextContents()).toEqual([`edited ${mean}`, 'edited 0%']);
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

  it('exports CSV with one row per reply and no text, built off the panel’s thread', async () => {
    const panel = await openStats();
    const [download, worker] = await Promise.all([
      panel.waitForEvent('download'),
      panel.waitForEvent('worker'),
      panel.getByRole('button', { name: 'Export CSV' }).click(),
    ]);
    // The file came from the export worker, not from the in-page fallback.
    expect(worker.url()).toMatch(/\/assets\/export-worker-[\w-]+\.js$/);
    const lines = readFileSync((await download.path())!, 'utf8').trim().split('\r\n');
    expect(lines[0]).toBe('platform,account,repliedAt,commentAt,precision,responseSeconds,businessResponseSeconds,handleSeconds,templateId,drift');
    expect(lines).toHaveLength(4);
    for (const line of lines.slice(1)) {
      expect(line).toMatch(/^x,[^,]*,\d{4}-\d\d-\d\dT[^,]+Z,\d{4}-[^,]+Z,exact,\d+,\d*,\d*,starter-(thanks-en|ack-es),[\d.]+$/);
      // Timings, ids and the drift number only: neither the commenter's name nor any reply text.
      expect(line).not.toMatch(/Mike|Rogers|Monday|\s/);
    }
    // The number the content script measured at the send: 0 for the reply sent as inserted.
    expect(lines.slice(1).map((line) => Number(line.split(',').pop()))).toEqual([0, editedDrift, 0]);
    await panel.close();
  });

  it('imports a CSV export into the team view; a bad CSV is named and changes nothing', async () => {
    const panel = await openStats();
    const [download] = await Promise.all([panel.waitForEvent('download'), panel.getByRole('button', { name: 'Export CSV' }).click()]);
    const csv = readFileSync((await download.path())!, 'utf8');
    // A spreadsheet re-save: BOM and semicolons.
    const resaved = `\ufeff${csv.replaceAll(',', ';')}`;
    const input = panel.locator('.stats-import input[type="file"]');
    await input.setInputFiles({ name: 'ana.csv', mimeType: 'text/csv', buffer: Buffer.from(resaved) });
    await expect.poll(() => panel.locator('.stats-team').textContent()).toContain('1 file(s) with 3 replies');
    await expect.poll(() => repliesShown(panel)).toBe('6');
    const hostile = csv.replace('\r\nx,', '\r\n=cmd|x,');
    await input.setInputFiles({ name: 'hostile.csv', mimeType: 'text/csv', buffer: Buffer.from(hostile) });
    await expect.poll(() => panel.locator('.stats-import [role="alert"]').textContent()).toBe(
      'hostile.csv: row 2, column “platform” holds a value Tono cannot read. Nothing was added.',
    );
    expect(await repliesShown(panel)).toBe('6');
    await panel.close();
  });

  it('shows a damaged summary and rebuilds it from the events', async () => {
    const panel = await openStats();
    await expect.poll(() => repliesShown(panel)).toBe('3');
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
    await expect.poll(() => repliesShown(panel)).toBe('3');
    await panel.close();
  });
});

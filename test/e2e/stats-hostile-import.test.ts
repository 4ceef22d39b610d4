import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchChromiumWithTono, type TonoBrowser } from '../../scripts/lib/chromium-with-tono';

let tono: TonoBrowser;
let panel: Page;

beforeAll(async () => {
  tono = await launchChromiumWithTono();
  panel = await tono.openSidePanel();
  await panel.setViewportSize({ width: 360, height: 900 });
  await panel.getByRole('tab', { name: 'Stats' }).click();
});
afterAll(async () => {
  await tono?.close();
});

const HOSTILE = ['__proto__', 'constructor', 'toString', 'hasOwnProperty'];
/** Yesterday: inside the Stats view's 7 days in any time zone. */
const AT = Date.now() - 86_400_000;

/** A teammate's JSON export (the format Tono writes), one reply per id, each id also the account. */
function jsonExport(ids: string[], extra: unknown[] = []): Buffer {
  const events = ids.map((id, i) => ({
    platform: 'x',
    account: id,
    submittedAt: AT + i * 1000,
    commentAt: AT - 600_000,
    commentPrecision: 'exact',
    firstFocusAt: null,
    responseSeconds: 600,
    businessResponseSeconds: null,
    handleSeconds: null,
    businessHandleSeconds: null,
    templateId: id,
    drift: 0.5,
  }));
  return Buffer.from(JSON.stringify({ format: 'tono-stats', version: 1, exportedAt: new Date(AT).toISOString(), events: [...events, ...extra] }));
}

const input = () => panel.locator('.stats-import input[type="file"]');
/** Actions fail within the polls' time rather than the test's: a crashed view has no input to wait for. */
const ACT = { timeout: 5_000 };
/** Reads retried by expect.poll must each give up quickly, or one missing element outlasts the poll. */
const READ = { timeout: 1_000 };
const alertText = () => panel.locator('.stats-import [role="alert"]').textContent(READ);
const repliesShown = () => panel.locator('[data-stat="statsReplies"] .stats-value').textContent(READ);
/** What page script of the panel sees on a fresh object: nothing, unless the import polluted Object.prototype. */
const inherited = () => panel.evaluate(() => ({ n: ({} as { n?: unknown }).n, sum: ({} as { sum?: unknown }).sum }));
const within = 'outside 1 January 2000 to tomorrow, which no Tono export holds. Nothing was added.';

describe('a teammate’s hostile stats file, imported through the Stats view in Chromium', () => {
  it('one carrying "__proto__" ids and submittedAt 1e300 is refused with a clear message; the view keeps working', async () => {
    await expect.poll(() => panel.locator('.stats-import').isVisible()).toBe(true);
    const file = jsonExport(HOSTILE, [{ platform: 'x', submittedAt: 1e300, templateId: '__proto__', drift: 0.5 }]);
    await input().setInputFiles({ name: 'hostile.json', mimeType: 'application/json', buffer: file }, ACT);
    await expect.poll(alertText).toBe(`hostile.json: reply 5 has a “submittedAt” time ${within}`);
    expect(await inherited()).toEqual({ n: undefined, sum: undefined });
    // Nothing was added: no team view, and the Stats view still answers its controls.
    expect(await panel.locator('.stats-team').count()).toBe(0);
    await panel.getByLabel('Period').selectOption('30', ACT);
    await expect.poll(() => panel.locator('.stats .empty').textContent(READ)).toContain('30');
    await panel.getByLabel('Period').selectOption('7', ACT);
  });

  it('one carrying only hostile ids is counted as ordinary ids, with nothing polluted', async () => {
    await input().setInputFiles({ name: 'ana.json', mimeType: 'application/json', buffer: jsonExport(HOSTILE) }, ACT);
    await expect.poll(() => panel.locator('.stats-team').textContent(READ)).toContain(`1 file(s) with ${HOSTILE.length} replies`);
    await expect.poll(repliesShown).toBe(String(HOSTILE.length));
    expect(await panel.locator('.stats-import [role="alert"]').count()).toBe(0);
    expect(await inherited()).toEqual({ n: undefined, sum: undefined });
    // Each id is its own template and account row, counted once, with its drift.
    const templates = await panel.locator('.stats-templates li').evaluateAll((items) =>
      items.map((li) => (li.firstElementChild?.textContent ?? '') + ' ' + (li.lastElementChild?.textContent ?? '')),
    );
    expect(templates.sort()).toEqual(HOSTILE.map((id) => `${id} edited 50%1`).sort());
    await expect.poll(() => panel.locator('.stats-chart canvas').count()).toBeGreaterThanOrEqual(2);
  });

  it('a CSV with a reply in 1999 is refused, naming row and column', async () => {
    const header = 'platform,account,repliedAt,commentAt,precision,responseSeconds,businessResponseSeconds,handleSeconds,templateId,drift\r\n';
    const csv = `${header}x,__proto__,${new Date(AT).toISOString()},,exact,600,,,constructor,0.5\r\nx,,1999-12-31T23:00:00Z,,exact,600,,,__proto__,\r\n`;
    await input().setInputFiles({ name: 'old.csv', mimeType: 'text/csv', buffer: Buffer.from(csv) }, ACT);
    await expect.poll(alertText).toBe(`old.csv: row 3, column “repliedAt” holds a date ${within}`);
    // The team view from before stays as it was.
    expect(await repliesShown()).toBe(String(HOSTILE.length));
  });

  it('a file over 50 MB is refused by its size', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'tono-big-'));
    try {
      const path = join(dir, 'huge.json');
      writeFileSync(path, Buffer.alloc(51 * 1024 * 1024, 0x20));
      await input().setInputFiles(path, ACT);
      await expect.poll(alertText).toBe('huge.json is larger than 50 MB, the most Tono reads from one file. Nothing was added.');
      expect(await repliesShown()).toBe(String(HOSTILE.length));
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('after all of it the Stats view still renders from scratch', async () => {
    await panel.reload();
    await panel.getByRole('tab', { name: 'Stats' }).click(ACT);
    await expect.poll(() => panel.locator('.stats .empty').textContent(READ)).toContain('7');
    expect(await panel.locator('.stats [role="alert"]').count()).toBe(0);
    expect(await inherited()).toEqual({ n: undefined, sum: undefined });
  });
});

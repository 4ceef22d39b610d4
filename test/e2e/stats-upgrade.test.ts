import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchChromiumWithTono, type TonoBrowser } from '../../scripts/lib/chromium-with-tono';
import { bundlePageScript } from '../../scripts/lib/page-bundle';

let tono: TonoBrowser;

beforeAll(async () => {
  tono = await launchChromiumWithTono();
});
afterAll(async () => {
  await tono?.close();
});

interface Inspected {
  version: number;
  eventIndexes: string[];
  rollupIndexes: string[];
  rollupKeys: string[];
}

describe('upgrading the database the previous release left (schema 6 → 7)', () => {
  it('keeps every reply counted, moves template usage to the platform rows and drops the unread indexes', async () => {
    const script = await bundlePageScript(new URL('./stats-upgrade-page.ts', import.meta.url), 'tonoUpgradeBundle');
    const page = await tono.context.newPage();
    await page.goto(`chrome-extension://${tono.extensionId}/manifest.json`);
    await page.evaluate(script);
    expect(await page.evaluate('tonoUpgrade.seedVersion6()')).toBe(6);
    const before = (await page.evaluate('tonoUpgrade.inspect()')) as Inspected;
    expect(before.rollupKeys).toContain('t|day');
    expect(before.eventIndexes).toContain('platform');

    // The extension's own code opens the database (here the side panel) and upgrades it.
    const panel = await tono.openSidePanel();
    await panel.setViewportSize({ width: 360, height: 900 });
    await panel.getByRole('tab', { name: 'Stats' }).click();
    await expect.poll(() => panel.locator('[data-stat="statsReplies"] .stats-value').textContent(), { timeout: 10_000 }).toBe('3');
    // Template usage (once only on the day total) is counted from the rebuilt platform rows.
    await expect.poll(() => panel.locator('.stats-templates li').allTextContents()).toEqual([expect.stringMatching(/^tpl-gracias.*2$/)]);

    const after = (await page.evaluate('tonoUpgrade.inspect()')) as Inspected;
    expect(after).toEqual({
      version: 70, // Dexie's version 7
      eventIndexes: ['[submittedAt+id]'],
      rollupIndexes: [],
      rollupKeys: ['a|day|@marca', 'p|day|facebook', 'p|day|x'],
    });
    await panel.close();
    await page.close();
  });
});

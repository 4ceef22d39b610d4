import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page as PuppeteerPage } from 'puppeteer-core';
import { launchChromiumWithTono, type TonoBrowser } from '../../scripts/lib/chromium-with-tono';
import { launchFirefoxWithTono, type FirefoxTono } from '../../scripts/lib/firefox-with-tono';
import { bundlePageScript } from '../../scripts/lib/page-bundle';

// The database the previous release left (schema 6, with day-total rollup rows), put back in the
// extension's origin by a page script, then opened by the extension's own code, which upgrades it.

interface Inspected {
  version: number;
  eventIndexes: string[];
  rollupIndexes: string[];
  rollupKeys: string[];
}

const UPGRADED: Inspected = {
  version: 70, // Dexie's version 7
  eventIndexes: ['[submittedAt+id]'],
  rollupIndexes: [],
  rollupKeys: ['a|day|@marca', 'p|day|facebook', 'p|day|x'],
};

const upgradePageScript = () => bundlePageScript(new URL('./stats-upgrade-page.ts', import.meta.url), 'tonoUpgradeBundle');

/** Seeds schema 6 from `page` (an extension-origin page without a database open); checks it took. */
async function seedVersion6(page: { evaluate(script: string): Promise<unknown> }): Promise<void> {
  await page.evaluate(await upgradePageScript());
  expect(await page.evaluate('tonoUpgrade.seedVersion6()')).toBe(6);
  const before = (await page.evaluate('tonoUpgrade.inspect()')) as Inspected;
  expect(before.rollupKeys).toContain('t|day');
  expect(before.eventIndexes).toContain('platform');
}

describe('Chromium: upgrading the database of the previous release (schema 6 → 7)', () => {
  let tono: TonoBrowser;
  beforeAll(async () => {
    tono = await launchChromiumWithTono();
  });
  afterAll(async () => {
    await tono?.close();
  });

  it('keeps every reply counted, moves template usage to the platform rows and drops the unread indexes', async () => {
    const page = await tono.context.newPage();
    await page.goto(`chrome-extension://${tono.extensionId}/manifest.json`);
    await seedVersion6(page);

    const panel = await tono.openSidePanel();
    await panel.setViewportSize({ width: 360, height: 900 });
    await panel.getByRole('tab', { name: 'Stats' }).click();
    await expect.poll(() => panel.locator('[data-stat="statsReplies"] .stats-value').textContent(), { timeout: 10_000 }).toBe('3');
    // Template usage (held only by the day total before) is counted from the rebuilt platform rows.
    await expect.poll(() => panel.locator('.stats-templates li').allTextContents()).toEqual([expect.stringMatching(/^tpl-gracias.*2$/)]);
    expect(await page.evaluate('tonoUpgrade.inspect()')).toEqual(UPGRADED);
    await panel.close();
    await page.close();
  });
});

describe('Firefox: upgrading the database of the previous release (schema 6 → 7)', () => {
  let tono: FirefoxTono | undefined;
  beforeAll(async () => {
    tono = await launchFirefoxWithTono({ extensionPages: true });
  }, 40_000);
  afterAll(async () => {
    await tono?.close();
  }, 15_000);

  const texts = (page: PuppeteerPage, selector: string) => page.$$eval(selector, (nodes) => nodes.map((node) => node.textContent?.trim() ?? ''));

  it('keeps every reply counted, moves template usage to the platform rows and drops the unread indexes', async () => {
    // The manifest in a tab: a page of the extension's origin with no database open.
    const page = await tono!.openExtensionPage('manifest.json');
    await seedVersion6(page);

    const panel = await tono!.openExtensionPage('src/sidepanel/index.html');
    for (const tab of await panel.$$('[role="tab"]')) {
      if (/^(Stats|Estadísticas)$/.test(await tab.evaluate((node) => node.textContent?.trim() ?? ''))) await tab.click();
    }
    await expect.poll(() => texts(panel, '[data-stat="statsReplies"] .stats-value'), { timeout: 10_000 }).toEqual(['3']);
    await expect.poll(() => texts(panel, '.stats-templates li')).toEqual([expect.stringMatching(/^tpl-gracias.*2$/)]);
    expect(await page.evaluate('tonoUpgrade.inspect()')).toEqual(UPGRADED);
    await panel.close();
    await page.close();
  }, 40_000);
});

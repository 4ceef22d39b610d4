// Issue 13 item 2 in real Chromium: a pack's regex rule must not hang the worker. Importing a
// ReDoS pack is refused, naming the rule; a dangerous rule that an earlier version stored, driven
// by page script alone (value + .focus() gives the badge a draft to check), leaves the worker
// answering the next Tab expansion, and the side panel says the rule is ignored and why.
import { readFileSync } from 'node:fs';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchChromiumWithTono, type TonoBrowser } from '../../scripts/lib/chromium-with-tono';
import { STARTER_LIBRARY } from '../../src/shared/domain/starter-library';
import { renderTemplate } from '../../src/shared/domain/template';

const EVIL = '^(\\w+\\s?)+$';
const ATTACK = `${'a'.repeat(40)}!`;
const CRISIS = renderTemplate(STARTER_LIBRARY.find((t) => t.shortcut === 'crisis')!.body, {}).text;
const evilRule = { id: 'bucle', kind: 'avoid', severity: 'error', message: 'Bucle: $match', regex: true, terms: [EVIL] };

let tono: TonoBrowser;
let options: Page;

beforeAll(async () => {
  tono = await launchChromiumWithTono();
  options = await tono.context.newPage();
  await options.goto(`chrome-extension://${tono.extensionId}/src/options/index.html`);
});
afterAll(async () => {
  await tono?.close();
});

/** Runs in the options page: writes the pack record the previous version's import stored for it. */
function storeLegacyPack(rule: Record<string, unknown>): Promise<void> {
  return new Promise<void>((resolve, reject) => {
    const open = indexedDB.open('tono');
    open.onerror = () => reject(open.error);
    open.onsuccess = () => {
      const tx = open.result.transaction('packs', 'readwrite');
      const now = Date.now();
      tx.objectStore('packs').put({
        id: 'legacy',
        name: 'Legacy',
        version: '1',
        updatedAt: '2026-01-01T00:00:00Z',
        guidelines: [],
        rules: [rule],
        templateCount: 0,
        sourceUrl: null,
        installedAt: now,
        appliedAt: now,
      });
      tx.oncomplete = () => resolve();
      tx.onerror = () => reject(tx.error);
    };
  });
}

describe('regex rules that could hang the worker (real Chromium)', () => {
  it('refuses to import a pack carrying ^(\\w+\\s?)+$, naming the rule and its pattern, and installs nothing', async () => {
    const pack = JSON.parse(readFileSync(new URL('../../docs/examples/acme-support.json', import.meta.url), 'utf8')) as { rules: unknown[] };
    pack.rules.push(evilRule);
    await options.setInputFiles('#pack-file', { name: 'redos.json', mimeType: 'application/json', buffer: Buffer.from(JSON.stringify(pack)) });
    const alert = options.locator('.packs').getByRole('alert').first();
    await expect.poll(() => alert.textContent()).toMatch(/bucle/);
    expect(await alert.textContent()).toContain(EVIL);
    expect(await options.locator('.packs-import .packs-preview').count()).toBe(0);
    expect(await options.locator('.packs .packs-pack').count()).toBe(0);
  });

  it('keeps answering a Tab expansion after page script makes it check a draft against a stored dangerous rule', async () => {
    await options.evaluate(storeLegacyPack, evilRule);
    const page = await tono.openFixture('textarea');
    await page.evaluate((text) => {
      const box = document.querySelector<HTMLTextAreaElement>('[data-fixture-box]')!;
      box.value = text;
      box.focus();
    }, ATTACK);
    // The badge checks the draft once typing has paused 500 ms: let that request reach the worker.
    await page.waitForTimeout(1500);
    await page.keyboard.type(' crisis');
    await page.keyboard.press('Tab');
    await expect.poll(() => page.evaluate(() => window.fixture!.modelText())).toBe(`${ATTACK} ${CRISIS}`);
  });

  it('lists the stored rule as ignored in the side panel’s tone check, with the reason', async () => {
    const panel = await tono.openSidePanel();
    const ignored = panel.locator('.tone-check .rule-errors li', { hasText: 'bucle' });
    await expect.poll(() => ignored.count(), { timeout: 10_000 }).toBe(1);
    expect(await ignored.textContent()).toContain(EVIL);
  });
});

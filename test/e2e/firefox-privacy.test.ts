// "Delete all my data" in Firefox: the options page asks the event page, which also clears the
// per-tab focus records in storage.session.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchFirefoxWithTono, type FirefoxTono } from '../../scripts/lib/firefox-with-tono';

let tono: FirefoxTono | undefined;

beforeAll(async () => {
  tono = await launchFirefoxWithTono({ extensionPages: true });
}, 40_000);
afterAll(async () => {
  await tono?.close();
}, 15_000);

declare const browser: { storage: { session: { get(keys: null): Promise<Record<string, unknown>> } } };

describe('Firefox: "Delete all my data"', () => {
  it('clears the focus records and the waiting list along with the stats', async () => {
    const feed = await tono!.openDemo();
    await feed.click('#box-lexical');
    const options = await tono!.openExtensionPage('src/options/index.html');
    const session = () => options.evaluate(async () => JSON.stringify(await browser.storage.session.get(null)));
    const waiting = () =>
      options.evaluate(
        () =>
          new Promise<number>((resolve, reject) => {
            const open = indexedDB.open('tono');
            open.onerror = () => reject(open.error);
            open.onsuccess = () => {
              const request = open.result.transaction('settings', 'readonly').objectStore('settings').get('pendingReplies');
              request.onsuccess = () => {
                open.result.close();
                resolve((request.result?.value as unknown[] | undefined)?.length ?? 0);
              };
              request.onerror = () => reject(request.error);
            };
          }),
      );
    await expect.poll(session, { timeout: 10_000 }).toContain('Ana Pérez');
    expect(await waiting()).toBeGreaterThan(0);

    const click = async (label: RegExp) => {
      for (const button of await options.$$('.stats-danger button')) {
        if (label.test(await button.evaluate((node) => node.textContent ?? ''))) return button.click();
      }
      throw new Error(`No button ${label}`);
    };
    await click(/Delete all my data|Borrar todos mis datos/);
    await click(/Yes, delete everything|Sí, borrar todo/);
    await expect
      .poll(() => options.$eval('.stats-danger [role="status"]', (node) => node.textContent ?? ''), { timeout: 10_000 })
      .toMatch(/deleted|borrado/);
    expect(await session()).toBe('{}');
    expect(await waiting()).toBe(0);
    await feed.close();
    await options.close();
  }, 60_000);
});

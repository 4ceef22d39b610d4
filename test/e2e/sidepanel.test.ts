import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { syntheticTemplates } from '../../bench/search';
import { launchChromiumWithTono, type TonoBrowser } from '../../scripts/lib/chromium-with-tono';
import { renderTemplate } from '../../src/shared/domain/template';
import { STARTER_LIBRARY } from '../../src/shared/domain/starter-library';

// The extension page's CSP refuses inline scripts, so addScriptTag cannot inject axe; DevTools
// evaluation is not subject to the page's CSP.
const AXE_SOURCE = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');

let tono: TonoBrowser;
let panel: Page;

const search = () => panel.locator('input[type="search"]');
const titles = () => panel.locator('li.reply .reply-title').allTextContents();
const selectedId = () => panel.locator('li.reply.selected').getAttribute('data-template-id');

async function typeQuery(text: string) {
  await search().fill('');
  await search().pressSequentially(text);
}

/** Fills and saves the reply form that is open in the panel. */
async function fillForm(fields: { title?: string; body?: string; shortcut?: string }) {
  const form = panel.locator('form.template-form');
  if (fields.title !== undefined) await form.locator('input[name="title"]').fill(fields.title);
  if (fields.body !== undefined) await form.locator('textarea[name="body"]').fill(fields.body);
  if (fields.shortcut !== undefined) await form.locator('input[name="shortcut"]').fill(fields.shortcut);
  await form.locator('button[type="submit"]').click();
}

beforeAll(async () => {
  tono = await launchChromiumWithTono();
  panel = await tono.openSidePanel();
  await panel.waitForFunction((n) => document.querySelectorAll('li.reply').length === n, STARTER_LIBRARY.length);
});
afterAll(async () => {
  await tono?.close();
});

describe('search as you type', () => {
  it('focuses the search box when the panel opens', async () => {
    expect(await panel.evaluate(() => document.activeElement?.getAttribute('type'))).toBe('search');
  });

  it('finds a reply without its accents and with a typo, best match first', async () => {
    await typeQuery('disculpa');
    expect(await titles()).toEqual(['Disculpa sin excusas']);
    await typeQuery('crisis mensaje espera');
    expect((await titles())[0]).toBe('Crisis: mensaje de espera');
    // "información" typed without the accent and with two letters swapped.
    await typeQuery('infromacion');
    expect(await titles()).toEqual(['Crisis: mensaje de espera']);
  });

  it('puts an exact shortcut match first', async () => {
    await typeQuery('dm');
    await expect.poll(() => selectedId()).toBe('starter-private-en');
  });

  it('filters by language', async () => {
    await typeQuery('crisis');
    expect(await titles()).toHaveLength(2);
    await panel.locator('.filters select').first().selectOption('en');
    expect(await titles()).toEqual(['Crisis: holding statement']);
    await panel.locator('.filters select').first().selectOption('');
    await search().fill('');
  });
});

describe('keyboard and insertion', () => {
  it('moves through results with the arrows and inserts the selected one with Enter', async () => {
    const feed = await tono.openDemo();
    await feed.click('#box-textarea');
    panel = await tono.openSidePanel();
    await expect.poll(() => panel.locator('li.reply').count()).toBe(STARTER_LIBRARY.length);
    await search().pressSequentially('patience');
    // Two replies mention patience: the Spanish one (paciencia) is not a match, the English one is.
    await expect.poll(() => selectedId()).toBe('starter-ack-en');
    await search().fill('gracias');
    await expect.poll(() => selectedId()).toBe('starter-thanks-es');
    await search().press('ArrowDown');
    const second = await selectedId();
    expect(second).not.toBe('starter-thanks-es');
    await search().press('ArrowUp');
    expect(await selectedId()).toBe('starter-thanks-es');
    await search().press('Enter');
    const body = STARTER_LIBRARY.find((t) => t.id === 'starter-thanks-es')!.body;
    const expected = renderTemplate(body, { name: 'Mike Rogers' }).text;
    await expect.poll(() => feed.evaluate(() => window.tonoDemo.modelText('box-textarea'))).toBe(expected);
    await expect.poll(() => panel.locator('p.status').textContent()).toContain('Inserted');
    await feed.close();
  });

  it('keeps the reply selected with the arrows when the reply target changes meanwhile', async () => {
    const feed = await tono.openDemo();
    await feed.click('#box-textarea');
    const who = panel.locator('.reply-target-who');
    await expect.poll(() => who.textContent(), { timeout: 10_000 }).toContain('Mike');
    await search().fill('gracias');
    await expect.poll(() => selectedId()).toBe('starter-thanks-es');
    await search().press('ArrowDown');
    const searched = await selectedId();
    expect(searched).not.toBe('starter-thanks-es');
    // Another box, another comment: the search does not change, nor does the selection in it.
    await feed.click('#box-lexical');
    await expect.poll(() => who.textContent(), { timeout: 10_000 }).toContain('Ana');
    expect(await selectedId()).toBe(searched);

    // With nothing searched the comment orders the list: a moved selection stays on its reply.
    await search().fill('');
    await expect.poll(() => panel.locator('li.reply').count()).toBe(STARTER_LIBRARY.length);
    await search().press('ArrowDown');
    await search().press('ArrowDown');
    const moved = await selectedId();
    await feed.click('#box-textarea');
    await expect.poll(() => who.textContent(), { timeout: 10_000 }).toContain('Mike');
    expect(await selectedId()).toBe(moved);
    await feed.close();
  });

  it('tabs are keyboard operable', async () => {
    await panel.locator('[role="tab"][aria-selected="true"]').focus();
    await panel.keyboard.press('ArrowRight');
    expect(await panel.locator('[role="tab"][aria-selected="true"]').textContent()).toBe('Guide');
    expect(await panel.evaluate(() => document.activeElement?.id)).toBe('tab-guide');
    await panel.keyboard.press('End');
    expect(await panel.locator('[role="tab"][aria-selected="true"]').textContent()).toBe('Stats');
    await panel.keyboard.press('Home');
    expect(await panel.locator('[role="tab"][aria-selected="true"]').textContent()).toBe('Replies');
  });
});

describe('editing the library', () => {
  it('creates, edits, refuses a duplicate shortcut, deletes and undoes', async () => {
    await panel.locator('button.new-reply').click();
    await fillForm({ title: 'Devolución en tienda', body: 'Puedes devolverlo en cualquier tienda en 30 días.', shortcut: 'tienda' });
    await expect.poll(() => panel.locator('p.status').textContent()).toContain('saved');
    await typeQuery('devolucion tienda');
    expect(await titles()).toEqual(['Devolución en tienda']);

    await panel.locator('li.reply button.reply-edit').first().click();
    await fillForm({ title: 'Devolución en tienda física', shortcut: 'gracias' });
    await expect(panel.locator('.form-error').textContent()).resolves.toContain('gracias');
    await fillForm({ shortcut: 'tienda' });
    await typeQuery('fisica');
    expect(await titles()).toEqual(['Devolución en tienda física']);

    await panel.locator('li.reply button.reply-duplicate').first().click();
    await fillForm({});
    await typeQuery('fisica');
    expect((await titles()).sort()).toEqual(['Devolución en tienda física', 'Devolución en tienda física (copy)']);

    const copy = panel.locator('li.reply', { hasText: '(copy)' });
    await copy.locator('button.reply-delete').click();
    await expect.poll(() => titles()).toEqual(['Devolución en tienda física']);
    await panel.locator('button.undo').click();
    await expect.poll(async () => (await titles()).sort()).toEqual(['Devolución en tienda física', 'Devolución en tienda física (copy)']);
    await copy.locator('button.reply-delete').click();
    await expect.poll(() => titles()).toEqual(['Devolución en tienda física']);
  });

  it('tells the later of two panels editing one reply that it changed meanwhile', async () => {
    const other = await tono.openSidePanel();
    await other.waitForSelector('li.reply');
    for (const page of [panel, other]) {
      await page.locator('input[type="search"]').fill('fisica');
      await page.locator('li.reply button.reply-edit').first().click();
    }
    await other.locator('input[name="title"]').fill('Cambio desde otra ventana');
    await other.locator('form.template-form button[type="submit"]').click();
    await expect.poll(() => other.locator('p.status').textContent()).toContain('saved');
    await other.close();

    await fillForm({ body: 'Mi versión del texto.' });
    await expect(panel.locator('.form-error').textContent()).resolves.toContain('another window');
    // Saving again, having been told, keeps this panel's version.
    await fillForm({});
    await typeQuery('mi version del texto');
    expect(await titles()).toEqual(['Devolución en tienda física']);
  });

  it('shows the character count against each platform limit', async () => {
    await panel.locator('button.new-reply').click();
    await expect.poll(() => panel.evaluate(() => document.activeElement?.getAttribute('name'))).toBe('title');
    await panel.locator('textarea[name="body"]').fill('x'.repeat(200));
    expect(await panel.locator('.lengths li[data-platform="tiktok"]').getAttribute('class')).toBe('over');
    expect(await panel.locator('.lengths li[data-platform="x"]').getAttribute('class')).toBe('');
    expect(await panel.locator('.lengths li[data-platform="x"]').textContent()).toContain('200 / 280');
    // Escape cancels and gives the keyboard back to the search box.
    await panel.keyboard.press('Escape');
    await expect.poll(() => panel.evaluate(() => document.activeElement?.getAttribute('type'))).toBe('search');
  });

  it('shows and inserts a body with markup as literal text', async () => {
    const markup = 'Hola <img src=x onerror=alert(1)> <b>ok</b>';
    await panel.locator('button.new-reply').click();
    await fillForm({ title: 'Markup', body: markup, shortcut: 'markup' });
    await typeQuery('markup');
    expect(await panel.locator('li.reply .reply-body').first().textContent()).toBe(markup);
    expect(await panel.locator('li.reply img, li.reply b').count()).toBe(0);

    const feed = await tono.openDemo();
    let dialogs = 0;
    feed.on('dialog', (dialog) => {
      dialogs++;
      void dialog.dismiss();
    });
    await feed.click('#box-textarea');
    await panel.bringToFront();
    await search().press('Enter');
    await expect.poll(() => feed.evaluate(() => window.tonoDemo.modelText('box-textarea'))).toBe(markup);
    expect(await feed.locator('img[src="x"]').count()).toBe(0);
    expect(dialogs).toBe(0);
    await feed.close();
  });
});

describe('the Guide view', () => {
  it('shows an installed pack’s guideline Markdown safely, links opening in a new tab', async () => {
    await panel.evaluate(
      (record) =>
        new Promise<void>((resolve, reject) => {
          const open = indexedDB.open('tono');
          open.onsuccess = () => {
            const tx = open.result.transaction('packs', 'readwrite');
            tx.objectStore('packs').put(record);
            tx.oncomplete = () => {
              open.result.close();
              resolve();
            };
            tx.onerror = () => reject(tx.error);
          };
          open.onerror = () => reject(open.error);
          open.onblocked = () => reject(new Error('IndexedDB open blocked'));
        }),
      {
        id: 'acme',
        name: 'ACME',
        version: '1',
        updatedAt: '2026-01-01T00:00:00Z',
        guidelines: [
          { id: 'voz', title: 'Voz', body: 'Somos **cercanos**. <img src=x onerror=alert(1)>\n\n[Protocolo](https://intranet.example/crisis)' },
        ],
        rules: [],
        templateCount: 0,
        sourceUrl: null,
        installedAt: 0,
        appliedAt: 0,
      },
    );
    // Written behind Dexie's back, so a fresh panel reads it (as after a pack sync and reopening).
    await panel.reload();
    await panel.locator('#tab-guide').click();
    const guide = panel.locator('.guide-section');
    await guide.locator('h3').waitFor({ timeout: 10_000 });
    expect(await guide.locator('h3').textContent()).toBe('Voz');
    expect(await guide.locator('strong').textContent()).toBe('cercanos');
    expect(await guide.locator('img').count()).toBe(0);
    expect(await guide.textContent()).toContain('<img src=x onerror=alert(1)>');
    expect(await guide.locator('a').getAttribute('target')).toBe('_blank');
    await panel.locator('#tab-replies').click();
    await expect.poll(() => panel.evaluate(() => document.activeElement?.getAttribute('type'))).toBe('search');
  });
});

describe('accessibility', () => {
  it('has no serious or critical axe violations in the Replies view and the form, light and dark', async () => {
    await search().fill('');
    const check = async () => {
      await panel.evaluate(AXE_SOURCE);
      return panel.evaluate(async () => {
        type Rule = { id: string; impact?: string | null };
        const axe = (window as unknown as { axe: { run(): Promise<{ violations: Rule[]; passes: Rule[] }> } }).axe;
        const { violations, passes } = await axe.run();
        const serious = violations.filter((v) => v.impact === 'serious' || v.impact === 'critical').map((v) => v.id);
        return { serious, passed: passes.length };
      });
    };
    const list = await check();
    expect(list.serious).toEqual([]);
    // The check really ran: contrast, labels, ARIA and so on were evaluated.
    expect(list.passed).toBeGreaterThan(10);
    await panel.locator('button.new-reply').click();
    expect((await check()).serious).toEqual([]);
    // A short panel (the latest replies then scroll in their own region) with a reply target.
    const feed = await tono.openDemo();
    await feed.click('#box-textarea');
    await panel.bringToFront();
    await expect.poll(() => panel.locator('.reply-target-who').count(), { timeout: 10_000 }).toBe(1);
    const size = panel.viewportSize();
    await panel.setViewportSize({ width: 360, height: 600 });
    expect((await check()).serious).toEqual([]);
    if (size) await panel.setViewportSize(size);
    await feed.close();
    // The dark theme (following the browser) must keep its contrast too.
    await panel.emulateMedia({ colorScheme: 'dark' });
    expect((await check()).serious).toEqual([]);
    await panel.keyboard.press('Escape');
    expect((await check()).serious).toEqual([]);
    await panel.emulateMedia({ colorScheme: 'light' });
  });
});

describe('a large library', () => {
  it('draws only the rows in view, and keyboard selection scrolls through them', async () => {
    // A docked panel is visible; a background tab would have its frames and timers throttled.
    await panel.bringToFront();
    const library = syntheticTemplates(3000);
    await panel.evaluate(
      (rows) =>
        new Promise<void>((resolve, reject) => {
          const open = indexedDB.open('tono');
          open.onsuccess = () => {
            const tx = open.result.transaction('templates', 'readwrite');
            for (const row of rows) tx.objectStore('templates').put(row);
            tx.oncomplete = () => {
              open.result.close();
              resolve();
            };
            tx.onerror = () => reject(tx.error);
          };
          open.onerror = () => reject(open.error);
          open.onblocked = () => reject(new Error('IndexedDB open blocked'));
        }),
      library,
    );
    await panel.reload();
    await expect.poll(() => panel.locator('.results-count').textContent(), { timeout: 10_000 }).toMatch(/^30\d\d /);
    expect(await panel.locator('li.reply').count()).toBeLessThan(40);

    for (let i = 0; i < 25; i++) await search().press('ArrowDown');
    const selected = panel.locator('li.reply.selected');
    expect(await selected.getAttribute('id')).toBe('reply-25');
    expect(await selected.isVisible()).toBe(true);
    expect(await panel.locator('li.reply').count()).toBeLessThan(40);

    // Titles end with a number unique to each synthetic reply.
    await search().pressSequentially(library[2999]!.title);
    const first = () => panel.evaluate(() => document.querySelector('li.reply')?.getAttribute('data-template-id'));
    await expect.poll(first).toBe('bench-2999');
  });
});

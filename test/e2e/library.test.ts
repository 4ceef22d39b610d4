import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import type { Locator, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchChromiumWithTono, type TonoBrowser } from '../../scripts/lib/chromium-with-tono';
import { STARTER_LIBRARY } from '../../src/shared/domain/starter-library';

const AXE_SOURCE = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');

let tono: TonoBrowser;
let panel: Page;

const rows = () => panel.locator('li.reply');
const ticked = () => panel.locator('li.reply.ticked').count();
const status = () => panel.locator('p.status').textContent();
const rowOf = (id: string) => panel.locator(`li.reply[data-template-id="${id}"]`);

/** Rows written straight into the extension's IndexedDB, shaped as the repository stores them. */
async function putRows(page: Page, templates: Array<Record<string, unknown> & { id: string; title: string; body: string }>) {
  await page.evaluate(
    (list) =>
      new Promise<void>((resolve, reject) => {
        const open = indexedDB.open('tono');
        open.onerror = () => reject(open.error);
        open.onsuccess = () => {
          const tx = open.result.transaction('templates', 'readwrite');
          const now = Date.now();
          for (const fields of list) {
            tx.objectStore('templates').put({
              shortcut: '',
              tags: [],
              platforms: [],
              lang: 'es',
              source: 'personal',
              packId: null,
              searchText: `${fields.title} ${fields.body}`.toLowerCase(),
              usageCount: 0,
              lastUsedAt: null,
              createdAt: now,
              updatedAt: now,
              ...fields,
            });
          }
          tx.oncomplete = () => {
            open.result.close();
            resolve();
          };
          tx.onerror = () => reject(tx.error);
        };
      }),
    templates,
  );
}

/** The text a sighted user sees (screen-reader-only notes left out). */
function seenText(locator: Locator): Promise<string> {
  return locator.evaluate((element) => {
    const copy = element.cloneNode(true) as HTMLElement;
    for (const hidden of copy.querySelectorAll('.visually-hidden')) hidden.remove();
    return copy.textContent ?? '';
  });
}

async function axeSerious(page: Page, within?: string): Promise<{ serious: string[]; passed: number }> {
  await page.evaluate(AXE_SOURCE);
  return page.evaluate(async (selector) => {
    type Rule = { id: string; impact?: string | null };
    const axe = (window as unknown as { axe: { run(context?: unknown): Promise<{ violations: Rule[]; passes: Rule[] }> } }).axe;
    const { violations, passes } = await axe.run(selector ? { include: [selector] } : document);
    return { serious: violations.filter((v) => v.impact === 'serious' || v.impact === 'critical').map((v) => v.id), passed: passes.length };
  }, within);
}

beforeAll(async () => {
  tono = await launchChromiumWithTono();
  panel = await tono.openSidePanel();
  await panel.waitForFunction((n) => document.querySelectorAll('li.reply').length === n, STARTER_LIBRARY.length);
  await putRows(panel, [
    { id: 'pack:acme:hola', title: 'Saludo del equipo', body: 'Hola desde Acme', source: 'pack', packId: 'acme', packItemId: 'hola', usageCount: 100 },
  ]);
  // Raw IndexedDB writes bypass Dexie's change notifications: read the library afresh.
  await panel.reload();
  await panel.waitForFunction((n) => document.querySelectorAll('li.reply').length === n, STARTER_LIBRARY.length + 1);
});
afterAll(async () => {
  await tono?.close();
});

describe('bulk tagging', () => {
  it('ticks a range with Shift+click and every result with Ctrl+A inside the list', async () => {
    await rows().nth(0).locator('.reply-select').click();
    await rows().nth(2).locator('.reply-select').click({ modifiers: ['Shift'] });
    expect(await ticked()).toBe(3);
    await expect.poll(() => panel.locator('.bulk-count').textContent()).toContain('3');
    await rows().nth(2).locator('.reply-select').press('Control+a');
    expect(await ticked()).toBe(STARTER_LIBRARY.length + 1);
    // In the search box, Ctrl+A still selects the typed text and ticks nothing more.
    await panel.locator('.bulk-clear').click();
    await panel.locator('input[type="search"]').press('Control+a');
    expect(await ticked()).toBe(0);
  });

  it('adds a tag to the ticked replies in one go, skips the read-only pack reply and says so, and undoes it', async () => {
    await rows().nth(0).locator('.reply-select').press('Control+a');
    await panel.locator('.bulk-tag input').fill('urgente');
    await panel.locator('.bulk-add').click();
    await expect.poll(status).toMatch(new RegExp(`${STARTER_LIBRARY.length}\\b.*\\b1\\b`));
    await panel.locator('.filters select').nth(1).selectOption('urgente');
    await expect.poll(() => rows().count()).toBe(STARTER_LIBRARY.length);
    expect(await rowOf('pack:acme:hola').count()).toBe(0);
    // The tag is searchable at once (the repository keeps the search text in step).
    await panel.locator('.filters select').nth(1).selectOption('');
    await panel.locator('input[type="search"]').fill('urgente');
    await expect.poll(() => rows().count()).toBe(STARTER_LIBRARY.length);
    await panel.locator('input[type="search"]').fill('');

    await panel.locator('button.undo').click();
    await expect.poll(() => panel.locator('.filters select').nth(1).locator('option[value="urgente"]').count()).toBe(0);
  });

  it('removes a tag from the ticked replies', async () => {
    // Everything is still ticked from the last test.
    await panel.locator('.bulk-tag input').fill('crisis');
    await panel.locator('.bulk-remove').click();
    await expect.poll(() => panel.locator('.filters select').nth(1).locator('option[value="crisis"]').count()).toBe(0);
    await panel.locator('button.undo').click();
    await expect.poll(() => panel.locator('.filters select').nth(1).locator('option[value="crisis"]').count()).toBe(1);
  });

  it('works from the keyboard: Space ticks, Shift+↓ extends, Esc clears; bulk delete undoes', async () => {
    await panel.locator('.bulk-clear').click();
    const first = rows().nth(0).locator('.reply-select');
    await first.focus();
    await first.press('Space');
    await first.press('Shift+ArrowDown');
    expect(await ticked()).toBe(2);
    // The focus follows on the next frame, once the row is drawn.
    await expect.poll(() => panel.evaluate(() => document.activeElement?.closest('li')?.id)).toBe('reply-1');
    await panel.keyboard.press('Escape');
    expect(await ticked()).toBe(0);

    // The most used row is the team pack's: ticked too, but read-only.
    expect(await rows().nth(0).getAttribute('data-template-id')).toBe('pack:acme:hola');
    const ids = await rows().evaluateAll((list) => list.slice(1, 3).map((li) => li.getAttribute('data-template-id')));
    await rows().nth(0).locator('.reply-select').click();
    await rows().nth(2).locator('.reply-select').click({ modifiers: ['Shift'] });
    await panel.locator('.bulk-delete').click();
    await expect.poll(() => rows().count()).toBe(STARTER_LIBRARY.length - 1);
    for (const id of ids) expect(await rowOf(id!).count()).toBe(0);
    expect(await rowOf('pack:acme:hola').count()).toBe(1);
    expect(await status()).toMatch(/\b2\b.*\b1\b/);
    await panel.locator('button.undo').click();
    await expect.poll(() => rows().count()).toBe(STARTER_LIBRARY.length + 1);
  });

  it('has no serious or critical axe violations with the bulk bar open, light and dark', async () => {
    await rows().nth(0).locator('.reply-select').click();
    expect(await panel.locator('.bulk-bar').isVisible()).toBe(true);
    const light = await axeSerious(panel);
    expect(light.serious).toEqual([]);
    expect(light.passed).toBeGreaterThan(10);
    await panel.emulateMedia({ colorScheme: 'dark' });
    expect((await axeSerious(panel)).serious).toEqual([]);
    await panel.emulateMedia({ colorScheme: 'light' });
    await panel.locator('.bulk-clear').click();
  });
});

describe('live preview for the comment being answered', () => {
  it('fills the variables in the editor and in a row, marks blanks and unknowns, and shows markup as text', async () => {
    const feed = await tono.openDemo();
    await feed.click('#box-lexical');
    const answering = await tono.openSidePanel();
    await expect.poll(() => answering.locator('.reply-target').innerText()).toContain('Ana Pérez');

    await answering.locator('button.new-reply').click();
    const form = answering.locator('form.template-form');
    await form.locator('input[name="title"]').fill('Pedido en camino');
    await form.locator('textarea[name="body"]').fill('Hola {{firstName}}, tu pedido {{input:Número de pedido}} <b>sale hoy</b>. {{agent}}');
    const preview = form.locator('.template-preview');
    await expect.poll(() => seenText(preview.locator('.preview-text'))).toBe('Hola Ana, tu pedido [Número de pedido] <b>sale hoy</b>. {{agent}}');
    expect(await preview.locator('.preview-value').allInnerTexts()).toEqual(['Ana']);
    expect(await preview.locator('mark.preview-blank').count()).toBe(1);
    expect(await preview.locator('mark.preview-missing').count()).toBe(1);
    expect(await preview.locator('b').count()).toBe(0);
    await form.locator('button[type="submit"]').click();

    await answering.locator('input[type="search"]').fill('pedido en camino');
    const row = answering.locator('li.reply').first();
    await expect.poll(() => row.locator('.reply-title').innerText()).toBe('Pedido en camino');
    const toggle = row.locator('.reply-preview');
    expect(await toggle.getAttribute('aria-expanded')).toBe('false');
    await toggle.click();
    expect(await toggle.getAttribute('aria-expanded')).toBe('true');
    await expect.poll(() => seenText(row.locator('.template-preview .preview-text'))).toContain('Hola Ana, tu pedido [Número de pedido]');
    // An open preview makes its row taller, and the list's windowing keeps count of it.
    expect(await row.evaluate((li) => li.getBoundingClientRect().height)).toBeGreaterThan(200);
    const light = await axeSerious(answering);
    expect(light.serious).toEqual([]);
    await answering.emulateMedia({ colorScheme: 'dark' });
    expect((await axeSerious(answering)).serious).toEqual([]);
    await answering.emulateMedia({ colorScheme: 'light' });
    await toggle.click();
    expect(await row.locator('.template-preview').count()).toBe(0);
    await answering.close();
    await feed.close();
  });
});

describe('language variants of one reply', () => {
  const title = (page: Page) => page.locator('li.reply').first().locator('.reply-title').innerText();
  const chips = (page: Page) => page.locator('li.reply').first().locator('.variant-chip');

  async function saveForm(page: Page, fields: { title: string; body: string; lang?: 'es' | 'en'; label?: string; shortcut?: string }) {
    const form = page.locator('form.template-form');
    await form.locator('input[name="title"]').fill(fields.title);
    await form.locator('textarea[name="body"]').fill(fields.body);
    if (fields.shortcut) await form.locator('input[name="shortcut"]').fill(fields.shortcut);
    if (fields.lang) await form.locator('select[name="lang"]').selectOption(fields.lang);
    if (fields.label) await form.locator('input[name="variantLabel"]').fill(fields.label);
    await form.locator('button[type="submit"]').click();
    await form.waitFor({ state: 'detached' });
  }

  it('adds variants from the editor, lists the group once with a switch, and inserts the comment-language variant on Tab', async () => {
    const page = await tono.openSidePanel();
    await page.locator('button.new-reply').click();
    await saveForm(page, { title: 'Envío hoy', body: 'Hola {{firstName}}, tu pedido sale hoy.', shortcut: 'enviohoy' });
    await page.locator('input[type="search"]').fill('envio hoy');
    await expect.poll(() => title(page)).toBe('Envío hoy');

    // "Add variant" in the editor: a copy in the other language joins the group.
    await page.locator('li.reply').first().locator('.reply-edit').click();
    await page.locator('form.template-form .variant-add').click();
    await expect.poll(() => page.locator('form.template-form h2').innerText()).toContain('Envío hoy');
    expect(await page.locator('form.template-form select[name="lang"]').inputValue()).toBe('en');
    await saveForm(page, { title: 'Ships today', body: 'Hi {{firstName}}, your order ships today.' });
    await page.locator('li.reply').first().locator('.variant-add').click();
    await saveForm(page, { title: 'Envío hoy (usted)', body: 'Hola {{firstName}}, su pedido sale hoy.', lang: 'es', label: 'usted' });

    // Search finds the group once; its switch names every variant.
    await page.locator('input[type="search"]').fill('');
    await page.locator('input[type="search"]').fill('hoy');
    await expect.poll(() => chips(page).allInnerTexts()).toEqual(expect.arrayContaining(['es', 'en', 'usted']));
    const groupRows = await page.locator('li.reply').evaluateAll((rows) => rows.filter((row) => row.querySelector('.variant-chip')).length);
    expect(groupRows).toBe(1);
    // The user picks another variant: the row shows it, and Enter would insert it.
    await chips(page).filter({ hasText: 'usted' }).click();
    await expect.poll(() => title(page)).toBe('Envío hoy (usted)');
    expect(await chips(page).filter({ hasText: 'usted' }).getAttribute('aria-pressed')).toBe('true');
    const light = await axeSerious(page);
    expect(light.serious).toEqual([]);
    await page.emulateMedia({ colorScheme: 'dark' });
    expect((await axeSerious(page)).serious).toEqual([]);
    await page.close();

    // Answering an English comment: the panel shows the English variant first, and Tab inserts it.
    const feed = await tono.openDemo();
    await feed.click('#box-textarea');
    const answering = await tono.openSidePanel();
    await expect.poll(() => answering.locator('.reply-target').innerText()).toContain('Mike Rogers');
    const row = answering.locator('li.reply', { has: answering.locator('.variant-chip') });
    await expect.poll(() => row.locator('.reply-title').innerText()).toBe('Ships today');
    expect(await row.locator('.variant-chip[aria-pressed="true"]').innerText()).toBe('en');
    await answering.close();

    // The guide's tú/usted picks among the Spanish variants of a Spanish comment.
    await feed.bringToFront();
    await feed.click('#box-lexical');
    const spanish = await tono.openSidePanel();
    await expect.poll(() => spanish.locator('.reply-target').innerText()).toContain('Ana Pérez');
    const spanishRow = spanish.locator('li.reply', { has: spanish.locator('.variant-chip') });
    for (const [formality, expected] of [['tu', 'Envío hoy'], ['usted', 'Envío hoy (usted)']] as const) {
      await spanish.evaluate(
        (guide) =>
          new Promise<void>((resolve, reject) => {
            const open = indexedDB.open('tono');
            open.onerror = () => reject(open.error);
            open.onsuccess = () => {
              const tx = open.result.transaction('settings', 'readwrite');
              tx.objectStore('settings').put({ key: 'personalGuide', value: guide });
              tx.oncomplete = () => {
                open.result.close();
                resolve();
              };
              tx.onerror = () => reject(tx.error);
            };
          }),
        { sections: [], rules: [{ id: 'formality', kind: 'formality', severity: 'warning', message: 'Mixed: $match', expect: formality }], crisisSignals: [], updatedAt: 1 },
      );
      // Raw IndexedDB writes bypass Dexie's change notifications: read afresh.
      await spanish.reload();
      await expect.poll(() => spanishRow.locator('.reply-title').innerText(), { message: formality }).toBe(expected);
    }
    await spanish.close();

    await feed.bringToFront();
    await feed.click('#box-textarea');
    await feed.keyboard.type('enviohoy');
    await feed.keyboard.press('Tab');
    await expect.poll(() => feed.evaluate(() => window.tonoDemo.modelText('box-textarea'))).toBe('Hi Mike, your order ships today.');
    // The Spanish comment gets the shortcut's own (tú) variant.
    await feed.click('#box-lexical');
    await feed.keyboard.type('enviohoy');
    await feed.keyboard.press('Tab');
    await expect.poll(() => feed.evaluate(() => window.tonoDemo.modelText('box-lexical'))).toBe('Hola Ana, tu pedido sale hoy.');
    await feed.close();
  });
});

describe('the library in the options page', () => {
  it('uses the side panel’s list and editor: edits show in the panel, bulk tags work, and it passes axe', async () => {
    const options = await tono.context.newPage();
    await options.goto(`chrome-extension://${tono.extensionId}/src/options/index.html`);
    const section = options.locator('.library-section');
    // Closed until asked for: an open live list would re-read the whole library on every change.
    expect(await section.locator('li.reply').count()).toBe(0);
    await section.locator('button.library-toggle').click();
    await expect.poll(() => section.locator('li.reply').count()).toBeGreaterThan(5);
    // The list does not grab the focus when it opens: it stays on the button that opened it.
    expect(await options.evaluate(() => document.activeElement?.className)).toBe('library-toggle');

    await section.locator('input[type="search"]').fill('disculpa sin excusas');
    await expect.poll(() => section.locator('li.reply').count()).toBe(1);
    // No reply box here: choosing the row opens its editor.
    await section.locator('li.reply .reply-main').click();
    const form = section.locator('form.template-form');
    await form.locator('input[name="title"]').fill('Disculpa sin excusas (revisada)');
    await form.locator('button[type="submit"]').click();
    await expect.poll(() => section.locator('li.reply .reply-title').first().innerText()).toBe('Disculpa sin excusas (revisada)');

    const side = await tono.openSidePanel();
    await side.locator('input[type="search"]').fill('revisada');
    await expect.poll(() => side.locator('li.reply .reply-title').first().innerText()).toBe('Disculpa sin excusas (revisada)');

    await options.bringToFront();
    await section.locator('input[type="search"]').fill('');
    await section.locator('li.reply').nth(1).locator('.reply-select').click();
    await section.locator('li.reply').nth(2).locator('.reply-select').click();
    await section.locator('.bulk-tag input').fill('opciones');
    await section.locator('.bulk-add').click();
    await expect.poll(() => section.locator('p.status').innerText()).toContain('opciones');
    await side.bringToFront();
    await expect.poll(() => side.locator('.filters select').nth(1).locator('option[value="opciones"]').count()).toBe(1);

    await options.bringToFront();
    const light = await axeSerious(options, '.library-section');
    expect(light.serious).toEqual([]);
    expect(light.passed).toBeGreaterThan(10);
    await options.emulateMedia({ colorScheme: 'dark' });
    expect((await axeSerious(options, '.library-section')).serious).toEqual([]);
    await section.locator('button.new-reply').click();
    expect((await axeSerious(options, '.library-section')).serious).toEqual([]);
    await side.close();
    await options.close();
  });
});

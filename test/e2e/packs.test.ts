import { readFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchChromiumWithTono, type TonoBrowser } from '../../scripts/lib/chromium-with-tono';
import { parsePackText } from '../../src/shared/domain/pack';
import { renderTemplate } from '../../src/shared/domain/template';

const EXAMPLE = new URL('../../docs/examples/acme-support.json', import.meta.url);
const example = JSON.parse(readFileSync(EXAMPLE, 'utf8')) as { templates: { shortcut: string; body: string }[] };

let tono: TonoBrowser;
let options: Page;
let server: Server;
let origin = '';
let served = { body: '', etag: '' };

beforeAll(async () => {
  // A pack host on 127.0.0.1. It sends CORS headers because the test cannot click the browser's
  // host-permission prompt; with the permission granted (the real flow) CORS is not needed.
  server = createServer((req, res) => {
    const cors = {
      'access-control-allow-origin': '*',
      'access-control-allow-headers': 'if-none-match, accept',
      'access-control-expose-headers': 'etag',
    };
    if (req.method === 'OPTIONS') return void res.writeHead(204, cors).end();
    if (req.headers['if-none-match'] === served.etag) return void res.writeHead(304, { ...cors, etag: served.etag }).end();
    res.writeHead(200, { ...cors, 'content-type': 'application/json', etag: served.etag }).end(served.body);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  tono = await launchChromiumWithTono();
  options = await tono.context.newPage();
  await options.goto(`chrome-extension://${tono.extensionId}/src/options/index.html`);
});
afterAll(async () => {
  await tono?.close();
  server?.closeAllConnections();
  await new Promise((resolve) => server?.close(resolve));
});

const packs = () => options.locator('.packs');
const importPreview = () => options.locator('.packs-import .packs-preview');

describe('team packs in the options page (real Chromium)', () => {
  it('imports a JSON pack only after its preview is confirmed', async () => {
    await options.setInputFiles('#pack-file', EXAMPLE.pathname);
    await expect.poll(() => importPreview().count()).toBe(1);
    const preview = await importPreview().textContent();
    expect(preview).toContain('ACME');
    expect(preview).toContain('2026.11.22-1');
    expect(preview).toMatch(/3 (added|nuevas)/);
    expect(await packs().locator('.packs-pack').count()).toBe(0);
    await packs().getByRole('button', { name: /^(Apply|Aplicar)$/ }).click();
    await expect.poll(() => packs().locator('.packs-pack').count()).toBe(1);
    expect(await packs().locator('.packs-pack').first().textContent()).toContain('acme-support');
  });

  it('expands a pack reply on a site with Tab', async () => {
    const feed = await tono.openDemo();
    const dm = example.templates.find((t) => t.shortcut === 'pedido')!;
    await feed.click('#box-lexical');
    await feed.keyboard.type('pedido');
    await feed.keyboard.press('Tab');
    const expected = renderTemplate(dm.body, { name: 'Ana Pérez' }).text;
    await expect.poll(() => feed.evaluate(() => window.tonoDemo.modelText('box-lexical'))).toBe(expected);
    await feed.close();
  });

  it('refuses a pack with a script in it, says why, and changes nothing', async () => {
    const hostile = readFileSync(EXAMPLE, 'utf8').replace('¡Gracias por escribirnos', '<script>alert(1)</script>');
    await options.setInputFiles('#pack-file', { name: 'hostile.json', mimeType: 'application/json', buffer: Buffer.from(hostile) });
    await expect.poll(() => packs().getByRole('alert').first().textContent()).toMatch(/templates\[0\]\.body.*(HTML|script)/);
    expect(await importPreview().count()).toBe(0);
    expect(await packs().locator('.packs-pack').count()).toBe(1);
  });

  it('exports the personal library as a valid pack file with a bumped version', async () => {
    const exporter = packs().locator('.packs-block', { has: options.locator('#export-id') });
    await options.fill('#export-id', 'acme-leads');
    await options.fill('#export-name', 'ACME leads');
    const version = await options.inputValue('#export-version');
    expect(version).toMatch(/^\d{4}\.\d{2}\.\d{2}-1$/);
    const [download] = await Promise.all([options.waitForEvent('download'), exporter.getByRole('button', { name: /^(Download pack|Descargar pack)$/ }).click()]);
    expect(download.suggestedFilename()).toBe(`acme-leads-${version}.json`);
    const file = await download.path();
    const exported = parsePackText(readFileSync(file, 'utf8'));
    expect(exported.ok).toBe(true);
    if (!exported.ok) return;
    // The starter library, never the installed pack's read-only replies.
    expect(exported.value.templates.map((t) => t.id)).toContain('starter-thanks-es');
    expect(exported.value.templates.some((t) => t.id === 'gracias' || t.id.startsWith('pack:'))).toBe(false);
    await expect.poll(() => options.inputValue('#export-version')).toBe(version.replace(/-1$/, '-2'));
  });

  it('exports only the replies ticked in the library, leaving out (and counting) a team-pack reply', async () => {
    const library = options.locator('.library-section');
    await library.locator('button.library-toggle').click();
    const search = library.locator('input[type="search"]');
    // Ticks survive a new search: tick one row per search, the pack's own "Agradecer" among them.
    for (const title of ['Agradecer el comentario', 'Disculpa sin excusas', 'Agradecer']) {
      await search.fill(title);
      const row = library.locator('li.reply', { has: options.locator('.reply-title', { hasText: new RegExp(`^${title}$`) }) });
      await expect.poll(() => row.count()).toBe(1);
      await row.locator('.reply-select').check();
    }
    await library.locator('.bulk-export').click();
    // The export form takes the three ticks and the focus.
    await expect.poll(() => options.evaluate(() => document.activeElement?.id)).toBe('export-tag');
    expect(await options.inputValue('#export-tag')).toBe('ticked');
    expect(await options.locator('#export-tag option[value="ticked"]').textContent()).toMatch(/^(The 3 replies|Las 3 respuestas)/);
    expect(await options.locator('#export-left-out').textContent()).toMatch(/^1 (ticked|respuestas)/);

    const exporter = packs().locator('.packs-block', { has: options.locator('#export-id') });
    await options.fill('#export-id', 'acme-picked');
    await expect.poll(() => exporter.locator('.packs-preview').textContent()).toMatch(/2 (added|nuevas)/);
    const [download] = await Promise.all([options.waitForEvent('download'), exporter.getByRole('button', { name: /^(Download pack|Descargar pack)$/ }).click()]);
    const exported = parsePackText(readFileSync(await download.path(), 'utf8'));
    expect(exported.ok && exported.value.templates.map((t) => t.id)).toEqual(['starter-apology-es', 'starter-thanks-es']);

    // Back to the whole library: the choice is the team lead's, the ticks only offered it.
    await options.selectOption('#export-tag', '');
    await expect.poll(() => options.locator('#export-left-out').textContent()).toBe('');
    await library.locator('button.library-toggle').click();
  });

  it('syncs a followed URL, keeps the last good version when the server breaks, and shows why', async () => {
    const pack = JSON.parse(readFileSync(EXAMPLE, 'utf8')) as Record<string, unknown>;
    served = { body: JSON.stringify({ ...pack, id: 'remote', name: 'Remote team', version: 'r1' }), etag: '"r1"' };
    const url = `${origin}/remote.json`;
    // The Follow button needs the browser's permission prompt; write the subscription it would create.
    await options.evaluate(
      (subscription) =>
        new Promise<void>((resolve, reject) => {
          const open = indexedDB.open('tono');
          open.onsuccess = () => {
            const tx = open.result.transaction('packSubscriptions', 'readwrite');
            tx.objectStore('packSubscriptions').put(subscription);
            tx.oncomplete = () => resolve();
            tx.onerror = () => reject(tx.error);
          };
        }),
      { url, packId: null, etag: null, bodyHash: null, status: 'pending', error: null, lastAttemptAt: null, lastSuccessAt: null, lastChangeAt: null, createdAt: 1 },
    );
    // Dexie's live queries only see Dexie writes: reload to show the raw write.
    await options.reload();
    const remote = packs().locator('.packs-pack', { hasText: url });
    await remote.getByRole('button', { name: /^(Sync now|Sincronizar ahora)$/ }).click();
    await expect.poll(() => packs().locator('.packs-pack', { hasText: 'Remote team' }).textContent()).toContain('r1');

    served = { body: '<html>login</html>', etag: '"broken"' };
    const row = packs().locator('.packs-pack', { hasText: 'Remote team' });
    await row.getByRole('button', { name: /^(Sync now|Sincronizar ahora)$/ }).click();
    await expect.poll(() => row.locator('.packs-error').first().textContent()).toMatch(/JSON/);
    expect(await row.textContent()).toContain('r1');
  });
});

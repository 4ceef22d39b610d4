import { readFileSync } from 'node:fs';
import type { Page, Route } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchChromiumWithTono, type TonoBrowser } from '../../scripts/lib/chromium-with-tono';
import { parsePackText } from '../../src/shared/domain/pack';
import { renderTemplate } from '../../src/shared/domain/template';

const EXAMPLE = new URL('../../docs/examples/acme-support.json', import.meta.url);
const example = JSON.parse(readFileSync(EXAMPLE, 'utf8')) as { templates: { shortcut: string; body: string }[] };

let tono: TonoBrowser;
let options: Page;
// Members follow public https addresses only: the pack host is answered by request routing
// (the worker's fetches are routed too), so nothing leaves the machine.
const HOST = 'https://packs.example.com';
let served = { body: '', etag: '' };
/** Every request the pack host saw. */
const hits: string[] = [];

/**
 * The pack host. CORS headers because the test cannot click the browser's host-permission prompt;
 * with the permission granted (the real flow) CORS is not needed.
 */
function packHost(route: Route) {
  const request = route.request();
  hits.push(request.url());
  const cors = {
    'access-control-allow-origin': '*',
    'access-control-allow-headers': 'if-none-match, accept',
    'access-control-expose-headers': 'etag',
  };
  if (request.method() === 'OPTIONS') return route.fulfill({ status: 204, headers: cors });
  if (request.headers()['if-none-match'] === served.etag) return route.fulfill({ status: 304, headers: { ...cors, etag: served.etag } });
  return route.fulfill({ status: 200, headers: { ...cors, 'content-type': 'application/json', etag: served.etag }, body: served.body });
}

beforeAll(async () => {
  tono = await launchChromiumWithTono();
  await tono.context.route(`${HOST}/**`, packHost);
  options = await tono.context.newPage();
  await options.goto(`chrome-extension://${tono.extensionId}/src/options/index.html`);
});
afterAll(async () => {
  await tono?.close();
});

/** What the Follow button writes once the browser's permission prompt is answered. */
async function followWithoutPrompt(url: string) {
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
}

/** The ids of installed packs and how many reply chunks each has, read from the database itself. */
const storedPacks = () =>
  options.evaluate(
    () =>
      new Promise<{ id: string; sourceUrl: string | null; chunks: number }[]>((resolve, reject) => {
        const open = indexedDB.open('tono');
        open.onsuccess = () => {
          const tx = open.result.transaction(['packs', 'packChunks'], 'readonly');
          const packs = tx.objectStore('packs').getAll();
          const chunks = tx.objectStore('packChunks').getAll();
          tx.oncomplete = () =>
            resolve(
              (packs.result as { id: string; sourceUrl: string | null }[]).map(({ id, sourceUrl }) => ({
                id,
                sourceUrl,
                chunks: (chunks.result as { packId: string }[]).filter((chunk) => chunk.packId === id).length,
              })),
            );
          tx.onerror = () => reject(tx.error);
        };
      }),
  );

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
    const url = `${HOST}/remote.json`;
    // The Follow button needs the browser's permission prompt; write the subscription it would create.
    await followWithoutPrompt(url);
    const remote = packs().locator('.packs-pack', { hasText: url });
    await remote.getByRole('button', { name: /^(Sync now|Sincronizar ahora)$/ }).click();
    // By its id: other packs' rows name "Remote team" in their shortcut conflicts.
    const row = packs().locator('.packs-pack', { has: options.locator('code', { hasText: /^remote$/ }) });
    await expect.poll(() => row.textContent()).toContain('r1');
    // Its replies share shortcuts with the ACME pack imported first, which keeps them; the page says so.
    await expect.poll(() => row.locator('.packs-conflicts').textContent()).toMatch(/pedido: (the pack ACME.*installed earlier, keeps it|lo conserva el pack ACME.*instalado antes)/);

    served = { body: '<html>login</html>', etag: '"broken"' };
    await row.getByRole('button', { name: /^(Sync now|Sincronizar ahora)$/ }).click();
    await expect.poll(() => row.locator('.packs-error').first().textContent()).toMatch(/JSON/);
    expect(await row.textContent()).toContain('r1');
  });

  it('a followed URL that changes its pack id between syncs leaves exactly one pack, and unfollowing leaves none', async () => {
    const pack = JSON.parse(readFileSync(EXAMPLE, 'utf8')) as Record<string, unknown>;
    const version = (id: string, name: string, n: number) => ({
      body: JSON.stringify({ ...pack, id, name, version: `h${n}`, templates: [{ id: 'hola', title: `Hola ${name}`, body: 'Hola', shortcut: `hola${n}` }] }),
      etag: `"h${n}"`,
    });
    const url = `${HOST}/churn.json`;
    served = version('churn-1', 'Churn one', 1);
    await followWithoutPrompt(url);
    const row = () => packs().locator('.packs-pack', { hasText: url });
    await row().getByRole('button', { name: /^(Sync now|Sincronizar ahora)$/ }).click();
    await expect.poll(async () => (await storedPacks()).filter((p) => p.sourceUrl === url)).toEqual([{ id: 'churn-1', sourceUrl: url, chunks: 1 }]);

    // The host serves a new id (the attack: a new pack, up to 10 MB, every hour).
    for (let n = 2; n <= 3; n++) {
      served = version(`churn-${n}`, `Churn ${n}`, n);
      const before = hits.length;
      // first(): on a build with the hole, the URL's second pack is a second row with the URL.
      await row().first().getByRole('button', { name: /^(Sync now|Sincronizar ahora)$/ }).click();
      await expect.poll(() => hits.length).toBeGreaterThan(before);
      await expect.poll(async () => (await storedPacks()).filter((p) => p.sourceUrl === url).map((p) => p.id)).toEqual(['churn-1']);
      await expect.poll(() => row().locator('.packs-error').first().textContent()).toMatch(/churn-1.*(another pack|otro pack)|(another pack|otro pack).*churn-1/);
    }
    expect((await storedPacks()).filter((p) => p.sourceUrl === url)).toEqual([{ id: 'churn-1', sourceUrl: url, chunks: 1 }]);
    expect(await row().count()).toBe(1);

    // The member confirms the team renamed its pack: one pack still, the new one.
    await row().getByRole('button', { name: /^(Replace it with the new pack|Sustituirlo por el pack nuevo)$/ }).click();
    await expect.poll(async () => (await storedPacks()).filter((p) => p.sourceUrl === url)).toEqual([{ id: 'churn-3', sourceUrl: url, chunks: 1 }]);
    await expect.poll(() => row().textContent()).toContain('Churn 3');

    await row().getByRole('button', { name: /^(Unfollow|Dejar de seguir)$/ }).click();
    await expect.poll(async () => (await storedPacks()).filter((p) => p.sourceUrl === url)).toEqual([]);
    await expect.poll(() => row().count()).toBe(0);
  });
});

import { readFileSync } from 'node:fs';
import type { HTTPRequest } from 'puppeteer-core';
import type { IncomingHttpHeaders } from 'node:http';
import type { Page } from 'puppeteer-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { useTestProxy } from '../../scripts/lib/firefox-extension-pages';
import { launchFirefoxWithTono, type FirefoxTono } from '../../scripts/lib/firefox-with-tono';
import { startHttpsPackHost, type HttpsPackHost } from '../../scripts/lib/https-pack-host';
import { STARTER_LIBRARY } from '../../src/shared/domain/starter-library';
import { renderTemplate } from '../../src/shared/domain/template';

// Tono's own pages in Firefox: the sidebar page (Stats) and the options page (team packs, extra
// sites), opened in tabs through Firefox's window over BiDi (scripts/lib/firefox-extension-pages.ts),
// since BiDi will not navigate to moz-extension:// URLs. Permission prompts are Firefox's own,
// answered with their Allow button. Nothing in the built extension knows about tests.

const EXAMPLE = new URL('../../docs/examples/acme-support.json', import.meta.url);
const example = JSON.parse(readFileSync(EXAMPLE, 'utf8')) as { templates: { shortcut: string; body: string }[] };

let tono: FirefoxTono | undefined;
let host: HttpsPackHost | undefined;
let served = { body: '', etag: '' };
/** What the pack host answered, in order: the status and the If-None-Match it was sent. */
const log: Array<{ status: number; ifNoneMatch: IncomingHttpHeaders['if-none-match'] }> = [];

beforeAll(async () => {
  // A pack host at a public https address (members may not follow loopback or private hosts),
  // served on loopback through a test proxy. No CORS headers: the extension reads it through the
  // host permission it holds for this origin, as in real use.
  host = await startHttpsPackHost('packs.example.com', (req, res) => {
    const ifNoneMatch = req.headers['if-none-match'];
    const status = ifNoneMatch === served.etag ? 304 : 200;
    log.push({ status, ifNoneMatch });
    if (status === 304) return void res.writeHead(304, { etag: served.etag }).end();
    res.writeHead(200, { 'content-type': 'application/json', etag: served.etag }).end(served.body);
  });
  tono = await launchFirefoxWithTono({ extensionPages: true });
  await useTestProxy(tono.browser, host.proxyPort);
}, 40_000);

afterAll(async () => {
  await tono?.close();
  await host?.close();
}, 15_000);

const textOf = (page: Page, selector: string) => page.$$eval(selector, (nodes) => nodes.map((node) => node.textContent?.trim() ?? ''));

/** Clicks (a real, trusted mouse click) the first button inside `within` whose text is `label`. */
async function clickButton(page: Page, label: RegExp, within = 'body'): Promise<void> {
  for (const handle of await page.$$(`${within} button, ${within} [role="tab"]`)) {
    if (label.test((await handle.evaluate((node) => node.textContent?.trim() ?? '')) ?? '')) return handle.click();
  }
  throw new Error(`No button ${label} in ${within}`);
}

describe('Firefox: the Stats view', () => {
  it('shows the figures of a reply confirmed on the demo feed', async () => {
    const feed = await tono!.openDemo();
    const model = () => feed.evaluate(() => window.tonoDemo.modelText('box-textarea'));
    await feed.click('#box-textarea');
    await feed.keyboard.type('thanks');
    await feed.keyboard.press('Tab');
    const thanks = STARTER_LIBRARY.find((t) => t.shortcut === 'thanks')!.body;
    await expect.poll(model, { timeout: 10_000 }).toBe(renderTemplate(thanks, { name: 'Mike Rogers' }).text);
    await feed.click('button.send[data-for="box-textarea"]');
    await expect.poll(model, { timeout: 10_000 }).toBe('');

    const panel = await tono!.openExtensionPage('src/sidepanel/index.html');
    await clickButton(panel, /^(Stats|Estadísticas)$/);
    await expect.poll(() => textOf(panel, '[data-stat="statsReplies"] .stats-value'), { timeout: 10_000 }).toEqual(['1']);
    // The demo comment carries an exact time: the median is a duration, not the empty dash.
    const cards = await textOf(panel, '.stats-value');
    expect(cards.length).toBeGreaterThan(2);
    expect(cards.filter((value) => /\d/.test(value) && value !== '1').length).toBeGreaterThan(0);
    await expect.poll(() => panel.$$eval('.stats-chart canvas', (nodes) => nodes.length)).toBeGreaterThanOrEqual(2);
    // Sent as inserted: the approved reply is listed with no drift.
    expect(await textOf(panel, '.stats-templates .stats-drift')).toEqual([expect.stringMatching(/^(edited|editada un) 0\s?%$/)]);
    await feed.close();
    await panel.close();
  }, 40_000);
});

describe('Firefox: following a team pack by URL', () => {
  it('follows the URL, syncs the pack, and the next sync is a 304 that changes nothing', async () => {
    const pack = JSON.parse(readFileSync(EXAMPLE, 'utf8')) as Record<string, unknown>;
    served = { body: JSON.stringify({ ...pack, id: 'remote', name: 'Remote team', version: 'r1' }), etag: '"r1"' };
    const url = `${host!.origin}/remote.json`;
    const options = await tono!.openExtensionPage('src/options/index.html');
    await options.type('#pack-url', url);
    await clickButton(options, /^(Follow|Seguir)$/);
    // Firefox asks for that one host; the test clicks Allow in Firefox's own prompt.
    expect(await tono!.acceptPermissionPrompt()).toContain('packs.example.com');
    const remote = () => textOf(options, '.packs-pack');
    await expect.poll(async () => (await remote()).find((row) => row.includes('Remote team')) ?? '', { timeout: 15_000 }).toContain('r1');
    expect(log).toEqual([{ status: 200, ifNoneMatch: undefined }]);

    await clickButton(options, /^(Sync now|Sincronizar ahora)$/, '.packs-pack');
    await expect.poll(() => log.length, { timeout: 10_000 }).toBe(2);
    expect(log[1]).toEqual({ status: 304, ifNoneMatch: '"r1"' });
    await expect.poll(async () => (await remote()).find((row) => row.includes('Remote team')) ?? '').toMatch(/Up to date|Al día/);
    expect((await remote()).filter((row) => row.includes('Remote team'))).toHaveLength(1);

    // The synced pack is live on a site: its reply expands with Tab in Firefox.
    const feed = await tono!.openDemo();
    const dm = example.templates.find((t) => t.shortcut === 'pedido')!;
    await feed.click('#box-lexical');
    await feed.keyboard.type('pedido');
    await feed.keyboard.press('Tab');
    const expected = renderTemplate(dm.body, { name: 'Ana Pérez' }).text;
    await expect.poll(() => feed.evaluate(() => window.tonoDemo.modelText('box-lexical')), { timeout: 10_000 }).toBe(expected);
    await feed.close();
    await options.close();
  }, 60_000);
});

describe('Firefox: a Mastodon instance the user enabled', () => {
  const MASTODON = 'https://social.example/@marca';
  const markup = readFileSync(new URL('../fixtures/sites/mastodon.html', import.meta.url), 'utf8');

  it('runs Tono there after the user allows the site, and counts the reply as mastodon', async () => {
    const options = await tono!.openExtensionPage('src/options/index.html');
    await options.type('#site', 'social.example');
    await clickButton(options, /^(Enable Tono here|Activar Tono aquí)$/);
    expect(await tono!.acceptPermissionPrompt()).toContain('social.example');
    await expect.poll(() => textOf(options, 'section li')).toContainEqual(expect.stringContaining('https://social.example/*'));

    // The instance's page, answered inside Firefox (no network), with the app's own behaviour on
    // send: the form does not navigate and the compose box empties.
    const page = await tono!.browser.newPage();
    await page.setRequestInterception(true);
    page.on('request', (request: HTTPRequest) => {
      if (request.isInterceptResolutionHandled()) return;
      if (request.url().startsWith(MASTODON)) void request.respond({ status: 200, contentType: 'text/html', body: markup });
      else void request.abort('blockedbyclient');
    });
    await page.goto(MASTODON);
    await page.evaluate(() => {
      const form = document.querySelector('form.compose-form')!;
      form.addEventListener('submit', (event) => {
        event.preventDefault();
        setTimeout(() => ((document.getElementById('box') as HTMLTextAreaElement).value = ''), 50);
      });
    });
    await page.click('#box');
    await page.keyboard.type('thanks');
    await page.keyboard.press('Tab');
    // The registered content script expanded the shortcut with the reply indicator's author.
    await expect.poll(() => page.$eval('#box', (box) => (box as HTMLTextAreaElement).value), { timeout: 10_000 }).toMatch(/^Thanks for reaching out, Ana!/);
    await page.click('#send');

    const panel = await tono!.openExtensionPage('src/sidepanel/index.html');
    await clickButton(panel, /^(Stats|Estadísticas)$/);
    const platforms = () => textOf(panel, '.stats-breakdown th[scope="row"].capitalize');
    await expect.poll(platforms, { timeout: 10_000 }).toContain('mastodon');
    expect(await platforms()).not.toContain('other');
    await page.close();
    await panel.close();
    await options.close();
  }, 60_000);
});

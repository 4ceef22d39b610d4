import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchChromiumWithTono, type TonoBrowser } from '../../scripts/lib/chromium-with-tono';
import { demoResponse } from '../../scripts/lib/demo-server';
import { serializePack, type Pack } from '../../src/shared/domain/pack';
import { pickerOpen } from './in-page-ui';

// Two brands an agency answers for, each with its own guide and its own "gracias".
const brandPack = (id: string, name: string, voice: string): Pack => ({
  format: 'tono-pack',
  formatVersion: 1,
  id,
  name,
  version: '1',
  updatedAt: '2026-11-22T10:00:00Z',
  guidelines: [{ id: 'voz', title: `Voz de ${name}`, body: voice }],
  rules: [],
  templates: [
    { id: 'gracias', title: `Gracias (${name})`, body: `${name}: ¡gracias por escribirnos!`, shortcut: 'gracias', tags: [], platforms: [], lang: 'es' },
  ],
});
// Imported first, so without brands its "gracias" is the one Tab gives (a later pack never takes a shortcut over).
const ACME = brandPack('acme', 'ACME', 'Cercana.');
const BETA = brandPack('beta', 'Beta', 'Formal.');
const TWITTER_DEMO = 'https://twitter.com/tono-demo/';

let tono: TonoBrowser;
let options: Page;
const model = (page: Page, id: string) => page.evaluate((boxId) => window.tonoDemo.modelText(boxId), id);

async function importPack(pack: Pack) {
  const count = await options.locator('.packs-pack').count();
  await options.setInputFiles('#pack-file', { name: `${pack.id}.json`, mimeType: 'application/json', buffer: Buffer.from(serializePack(pack)) });
  await options.locator('.packs-import').getByRole('button', { name: /^(Apply|Aplicar)$/ }).click();
  await options.locator('.packs-pack').nth(count).waitFor();
}

async function bindSites(pack: Pack, sites: string) {
  const form = options.locator(`form[aria-labelledby="brand-${pack.id}-heading"]`);
  // Unbound packs keep the brand editor folded under a one-line summary.
  await options.locator('details.packs-brand', { has: form }).locator('summary').click();
  await form.getByLabel(/^(Sites|Sitios)$/).fill(sites);
  await form.getByRole('button', { name: /^(Save brand|Guardar marca)$/ }).click();
  await expect.poll(() => form.locator('[role="status"]').textContent()).toContain(pack.name);
}

async function openFeed(url: string): Promise<Page> {
  const page = await tono.context.newPage();
  await page.goto(url);
  await page.waitForFunction(() => Boolean((window as { tonoDemo?: unknown }).tonoDemo));
  return page;
}

/**
 * x.com's own markup around the demo's second comment (the textarea): the account switcher showing
 * `account` and the replied tweet, so that box is answered as `account`. The first box has none.
 */
async function replyAs(page: Page, account: string) {
  await page.evaluate((handle) => {
    const switcher = document.createElement('button');
    switcher.dataset.testid = 'SideNav_AccountSwitcher_Button';
    switcher.append(Object.assign(document.createElement('span'), { textContent: handle }));
    document.body.prepend(switcher);
    const tweet = document.createElement('article');
    tweet.dataset.testid = 'tweet';
    const user = document.createElement('div');
    user.dataset.testid = 'User-Name';
    user.append(Object.assign(document.createElement('a'), { textContent: 'Mike Rogers' }));
    tweet.append(user);
    document.getElementById('box-textarea')!.before(tweet);
  }, account);
}

async function tabExpand(page: Page, box: string) {
  await page.click(`#${box}`);
  await page.keyboard.type('gracias');
  await page.keyboard.press('Tab');
}

beforeAll(async () => {
  tono = await launchChromiumWithTono();
  // The same demo feed at a second supported site, for the second brand.
  await tono.context.route(`${TWITTER_DEMO}**`, (route) => {
    const response = demoResponse(route.request().url());
    return route.fulfill({ status: response.status, contentType: response.contentType, body: response.body });
  });
  options = await tono.context.newPage();
  await options.goto(`chrome-extension://${tono.extensionId}/src/options/index.html`);
  await importPack(ACME);
  await importPack(BETA);
});
afterAll(async () => {
  await tono?.close();
});

describe('an active brand per site (real Chromium)', () => {
  it('without bindings, the pack installed first keeps a shared shortcut', async () => {
    const feed = await tono.openDemo();
    await tabExpand(feed, 'box-textarea');
    await expect.poll(() => model(feed, 'box-textarea')).toBe('ACME: ¡gracias por escribirnos!');
    await feed.close();
  });

  it('with ACME bound to x.com and Beta to twitter.com, Tab and the picker give each site its brand', async () => {
    await bindSites(ACME, 'x.com');
    await bindSites(BETA, 'https://twitter.com/');
    expect(await options.inputValue('#brand-beta-sites')).toBe('twitter.com');

    const onX = await tono.openDemo();
    await tabExpand(onX, 'box-textarea');
    await expect.poll(() => model(onX, 'box-textarea')).toBe('ACME: ¡gracias por escribirnos!');
    // The picker searches only the active brand (plus personal and starter replies).
    await onX.click('#box-lexical');
    await onX.keyboard.press('Control+Shift+Space');
    await expect.poll(() => pickerOpen(onX)).toBe(true);
    await onX.keyboard.type('gracias');
    await onX.waitForTimeout(300);
    await onX.keyboard.press('Enter');
    await expect.poll(() => model(onX, 'box-lexical')).toBe('ACME: ¡gracias por escribirnos!');

    const onTwitter = await openFeed(TWITTER_DEMO);
    await tabExpand(onTwitter, 'box-textarea');
    await expect.poll(() => model(onTwitter, 'box-textarea')).toBe('Beta: ¡gracias por escribirnos!');
    await onX.close();
    await onTwitter.close();
  });

  it('the side panel shows the brand, lists its replies (or every brand), and its guide first', async () => {
    const onX = await tono.openDemo();
    await onX.click('#box-textarea');
    const panel = await tono.openSidePanel();
    const bar = panel.locator('.brand-bar');
    await expect.poll(() => panel.locator('#brand-select option:checked').textContent()).toMatch(/^(Automatic|Automática): ACME$/);
    await expect.poll(() => bar.textContent()).toMatch(/x\.com/);
    const ids = () => panel.locator('li.reply').evaluateAll((rows) => rows.map((row) => row.getAttribute('data-template-id')));
    await panel.getByRole('searchbox').fill('gracias');
    await expect.poll(ids).toContain('pack:acme:gracias');
    expect(await ids()).not.toContain('pack:beta:gracias');
    await bar.getByRole('radio', { name: /(All brands|Todas las marcas)/ }).check();
    await expect.poll(ids).toContain('pack:beta:gracias');

    await panel.getByRole('tab', { name: /^(Guide|Guía)$/ }).click();
    await expect.poll(() => panel.locator('.guide-pack h2').first().textContent()).toMatch(/^ACME/);
    await onX.close();
    await panel.close();
  });

  it('a manual choice in the panel overrides the site binding until set back to automatic', async () => {
    const onTwitter = await openFeed(TWITTER_DEMO);
    await onTwitter.click('#box-textarea');
    const panel = await tono.openSidePanel();
    await expect.poll(() => panel.locator('#brand-select option:checked').textContent()).toMatch(/Beta$/);
    await panel.getByRole('tab', { name: /^(Guide|Guía)$/ }).click();
    await expect.poll(() => panel.locator('.guide-pack h2').first().textContent()).toMatch(/^Beta/);
    await panel.getByRole('tab', { name: /^(Replies|Respuestas)$/ }).click();
    await panel.selectOption('#brand-select', 'acme');
    await expect.poll(() => panel.locator('.brand-via').textContent()).toMatch(/(Chosen by you|Elegida por ti)/);

    await onTwitter.bringToFront();
    await tabExpand(onTwitter, 'box-lexical');
    await expect.poll(() => model(onTwitter, 'box-lexical')).toBe('ACME: ¡gracias por escribirnos!');
    // Back to automatic: the binding decides again.
    await panel.bringToFront();
    await panel.selectOption('#brand-select', '');
    await expect.poll(() => panel.locator('.brand-via').textContent()).toMatch(/(Chosen by this site|Elegida por este sitio)/);
    await onTwitter.bringToFront();
    await tabExpand(onTwitter, 'box-contenteditable');
    await expect.poll(() => model(onTwitter, 'box-contenteditable')).toBe('Beta: ¡gracias por escribirnos!');
    await panel.close();
  });

  it('a pack bound to the account the site shows as replying beats the site binding', async () => {
    await options.bringToFront();
    const form = options.locator('form[aria-labelledby="brand-beta-heading"]');
    await form.getByLabel(/^(Brand accounts|Cuentas de la marca)$/).fill('@Beta_ES');
    await form.getByRole('button', { name: /^(Save brand|Guardar marca)$/ }).click();
    await expect.poll(() => options.inputValue('#brand-beta-accounts')).toBe('@beta_es');

    const onX = await tono.openDemo();
    await replyAs(onX, '@beta_es');
    await tabExpand(onX, 'box-textarea');
    await expect.poll(() => model(onX, 'box-textarea')).toBe('Beta: ¡gracias por escribirnos!');
    // The first comment's box has no tweet markup around it, so no account: the site's brand.
    await tabExpand(onX, 'box-lexical');
    await expect.poll(() => model(onX, 'box-lexical')).toBe('ACME: ¡gracias por escribirnos!');
    await onX.close();
  });

  it('a shortcut only an account-bound brand has: Tab expands it for that account, and is plain Tab in another box', async () => {
    const GAMMA: Pack = {
      ...brandPack('gamma', 'Gamma', 'Directa.'),
      templates: [{ id: 'solo', title: 'Solo Gamma', body: 'Gamma: solo para @gamma_es.', shortcut: 'gammasolo', tags: [], platforms: [], lang: 'es' }],
    };
    await options.bringToFront();
    await importPack(GAMMA);
    const form = options.locator('form[aria-labelledby="brand-gamma-heading"]');
    await options.locator('details.packs-brand', { has: form }).locator('summary').click();
    await form.getByLabel(/^(Brand accounts|Cuentas de la marca)$/).fill('@gamma_es');
    await form.getByRole('button', { name: /^(Save brand|Guardar marca)$/ }).click();
    await expect.poll(() => options.inputValue('#brand-gamma-accounts')).toBe('@gamma_es');

    const onX = await tono.openDemo();
    await replyAs(onX, '@gamma_es');
    await onX.click('#box-textarea');
    await onX.keyboard.type('gammasolo');
    await onX.keyboard.press('Tab');
    await expect.poll(() => model(onX, 'box-textarea')).toBe('Gamma: solo para @gamma_es.');
    // No account shows around this box, so Gamma does not answer here: Tab leaves the word and
    // moves the focus on, as it would without Tono, instead of being swallowed.
    await onX.click('#box-lexical');
    await onX.keyboard.type('gammasolo');
    await onX.keyboard.press('Tab');
    await expect.poll(() => onX.evaluate(() => document.activeElement?.closest('#box-lexical') === null)).toBe(true);
    expect(await model(onX, 'box-lexical')).toBe('gammasolo');
    await onX.close();
  });
});

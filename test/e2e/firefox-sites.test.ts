// The site fixtures of sites.test.ts in Firefox (firefox-esr over WebDriver BiDi, puppeteer-core):
// each page answered by request interception at its real site's URL, the reply box clicked, the
// shortcut typed and Tab pressed, and {{firstName}} is the name the host's adapter chunk read there.
// Covers every row of site-cases.ts: the eleven platform fixtures through the manifest's hosts, and
// Mastodon and the generic adapter on sites the user enabled in the options page (Firefox's own
// permission prompt, answered with Allow), which Chromium cannot show to a test. On the Draft.js
// boxes (x, TikTok) Firefox's path is Tono's clipboard hand-off: the shortcut stays, the agent
// presses Ctrl+V, and the paste carries the reply.
import type { HTTPRequest, Page } from 'puppeteer-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchFirefoxWithTono, type FirefoxTono } from '../../scripts/lib/firefox-with-tono';
import { writeTemplate } from './put-template';
import { HANDLE_REPLY, SITE_CASES, SITE_REPLY, boxText, draftPasteStandIn, expectedText, fixtureHtml, type SiteCase } from './site-cases';

let tono: FirefoxTono | undefined;

beforeAll(async () => {
  tono = await launchFirefoxWithTono({ extensionPages: true });
  const panel = await tono.openExtensionPage('src/sidepanel/index.html');
  await panel.waitForSelector('li.reply');
  await panel.evaluate(writeTemplate, SITE_REPLY);
  await panel.evaluate(writeTemplate, HANDLE_REPLY);
  await panel.close();
}, 60_000);
afterAll(async () => {
  await tono?.close();
}, 15_000);

/** Enables a site in the options page ("Enable Tono here") and allows Firefox's permission prompt. */
async function enableSite(host: string): Promise<void> {
  const options = await tono!.openExtensionPage('src/options/index.html');
  await options.type('#site', host);
  for (const button of await options.$$('button')) {
    const label = await button.evaluate((node) => node.textContent?.trim() ?? '');
    if (/^(Enable Tono here|Activar Tono aquí)$/.test(label)) {
      await button.click();
      break;
    }
  }
  expect(await tono!.acceptPermissionPrompt()).toContain(host);
  await expect
    .poll(() => options.$$eval('section li', (items) => items.map((item) => item.textContent ?? '')), { timeout: 10_000 })
    .toContainEqual(expect.stringContaining(`https://${host}/*`));
  await options.close();
}

async function openSite(row: SiteCase): Promise<Page> {
  const page = await tono!.browser.newPage();
  const html = fixtureHtml(row);
  if (row.draftPaste) await page.evaluateOnNewDocument(draftPasteStandIn, row.box);
  await page.setRequestInterception(true);
  page.on('request', (request: HTTPRequest) => {
    if (request.isInterceptResolutionHandled()) return;
    if (request.url() === row.url) void request.respond({ status: 200, contentType: 'text/html; charset=utf-8', body: html });
    else void request.abort('blockedbyclient');
  });
  await page.goto(row.url);
  // The fixtures carry the sites' markup, not their CSS: an empty editable would be 0 px high.
  await page.addStyleTag({ content: `#${row.box} { display: block; min-height: 1.5em; min-width: 20em; }` });
  return page;
}

describe('Firefox: a reply with {{firstName}} expands on every site fixture', () => {
  it.each(SITE_CASES.map((row) => [row.fixture, row] as const))(
    '%s',
    async (_name, row) => {
      if (row.userEnabled) await enableSite(new URL(row.url).host);
      const page = await openSite(row);
      try {
        await page.click(`pierce/#${row.box}`);
        const start = (await page.evaluate(boxText, row.box)) ?? '';
        // A shortcut is a word of its own: after a mention (LinkedIn), type a space first.
        const before = start && !/\s$/.test(start) ? `${start} ` : start;
        if (before !== start) await page.keyboard.type(' ');
        await page.keyboard.type(SITE_REPLY.shortcut);
        await expect.poll(() => page.evaluate(boxText, row.box), { timeout: 10_000 }).toBe(before + SITE_REPLY.shortcut);
        await page.keyboard.press('Tab');
        if (row.draftPaste) {
          // Firefox hands synthetic pastes over empty, and Draft takes text only from a paste, so
          // Tono leaves the shortcut selected and puts the reply on the clipboard: the agent pastes.
          await new Promise((resolve) => setTimeout(resolve, 1000));
          expect(await page.evaluate(boxText, row.box)).toBe(before + SITE_REPLY.shortcut);
          await page.keyboard.down('Control');
          await page.keyboard.press('v');
          await page.keyboard.up('Control');
        }
        await expect.poll(() => page.evaluate(boxText, row.box), { timeout: 10_000 }).toBe(before + expectedText(row));
        if (row.handle) {
          // No name to show: the handle the adapter read is what tells this page was read at all.
          await page.keyboard.type(` ${HANDLE_REPLY.shortcut}`);
          await page.keyboard.press('Tab');
          await expect.poll(() => page.evaluate(boxText, row.box), { timeout: 10_000 }).toBe(`${before}${expectedText(row)} (@${row.handle})`);
        }
      } finally {
        await page.close();
      }
    },
    45_000,
  );
});

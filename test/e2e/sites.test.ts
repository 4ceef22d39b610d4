// Every site fixture (test/fixtures/sites) in Chromium, served at its real site's URL: the worker
// injects content-ui.js and that host's adapter chunk (sites/<id>.js), the agent clicks the reply
// box, types a shortcut and presses Tab, and the reply's {{firstName}} is the name the adapter read
// from that page. Mastodon and the generic adapter need a site the user enabled (an optional host
// permission Chromium only grants through its own prompt): they run in firefox-sites.test.ts.
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchChromiumWithTono, type TonoBrowser } from '../../scripts/lib/chromium-with-tono';
import { putTemplate } from './put-template';
import { HANDLE_REPLY, SITE_CASES, SITE_REPLY, boxText, draftPasteStandIn, expectedText, fixtureHtml, type SiteCase } from './site-cases';

let tono: TonoBrowser;

beforeAll(async () => {
  tono = await launchChromiumWithTono();
  const panel = await tono.openSidePanel();
  await panel.locator('li.reply').first().waitFor();
  await putTemplate(panel, SITE_REPLY);
  await putTemplate(panel, HANDLE_REPLY);
  await panel.close();
});
afterAll(async () => {
  await tono?.close();
});

async function openSite(row: SiteCase): Promise<Page> {
  const page = await tono.context.newPage();
  const html = fixtureHtml(row);
  // Only the page itself is answered; anything else it asks for fails at once (no network here).
  await page.route('**/*', (route) => {
    if (route.request().url() === row.url) return route.fulfill({ status: 200, contentType: 'text/html; charset=utf-8', body: html });
    return route.abort('blockedbyclient');
  });
  if (row.draftPaste) await page.addInitScript(draftPasteStandIn, row.box);
  await page.goto(row.url);
  // The fixtures carry the sites' markup, not their CSS: an empty editable would be 0 px high.
  await page.addStyleTag({ content: `#${row.box} { display: block; min-height: 1.5em; min-width: 20em; }` });
  return page;
}

describe('Chromium: a reply with {{firstName}} expands on every site fixture', () => {
  it.each(SITE_CASES.filter((row) => !row.userEnabled).map((row) => [row.fixture, row] as const))('%s', async (_name, row) => {
    const page = await openSite(row);
    try {
      await page.locator(`#${row.box}`).click(); // pierces open shadow roots
      // A box may already hold text (LinkedIn's reply box starts with a mention of the author).
      const start = (await page.evaluate(boxText, row.box)) ?? '';
      // A shortcut is a word of its own: after a mention, type a space first, as the agent would.
      const before = start && !/\s$/.test(start) ? `${start} ` : start;
      if (before !== start) await page.keyboard.type(' ');
      await page.keyboard.type(SITE_REPLY.shortcut);
      await expect.poll(() => page.evaluate(boxText, row.box)).toBe(before + SITE_REPLY.shortcut);
      await page.keyboard.press('Tab');
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
  });
});

import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchChromiumWithTono, type TonoBrowser } from '../../scripts/lib/chromium-with-tono';

const SHOTS = '/tmp/shots-sitecheck';

/** What the disclosure says for each row, by its data-check name. */
async function rows(panel: import('playwright-core').Page): Promise<Record<string, string>> {
  return panel.locator('.site-check [data-check]').evaluateAll((items) =>
    Object.fromEntries(items.map((item) => [item.getAttribute('data-check'), (item.querySelector('dd')?.textContent ?? '').trim()])),
  );
}

for (const lang of ['en', 'es'] as const) {
  describe(`the site check in the side panel (${lang})`, () => {
    let tono: TonoBrowser;
    beforeAll(async () => {
      tono = await launchChromiumWithTono({ lang });
    });
    afterAll(async () => {
      await tono?.close();
    });

    it('lists the site, the editor kind and what was read from the focused box', async () => {
      const feed = await tono.openDemo();
      await feed.click('#box-lexical');
      const panel = await tono.openSidePanel();
      const details = panel.locator('.reply-target details.site-check');
      await expect.poll(() => details.count()).toBe(1);
      expect(await details.evaluate((element) => (element as HTMLDetailsElement).open)).toBe(false);
      await details.locator('summary').click();
      await expect.poll(() => details.evaluate((element) => (element as HTMLDetailsElement).open)).toBe(true);

      const read = lang === 'en' ? 'read' : 'leído';
      await expect.poll(() => rows(panel)).toMatchObject({ site: 'x · x.com', editor: 'lexical' });
      const found = await rows(panel);
      expect(found.name).toBe(read);
      expect(found.handle).toBe(read);
      expect(found.time).toMatch(lang === 'en' ? /^read \((exact|approximate)\)$/ : /^leído \((exacta|aproximada)\)$/);
      expect(found.link).toBe(read);
      expect(found.send).toBe(read);
      expect(await details.locator('summary').innerText()).toContain(lang === 'en' ? 'all read' : 'todo leído');

      for (const width of [320, 400]) {
        await panel.setViewportSize({ width, height: 700 });
        for (const scheme of ['light', 'dark'] as const) {
          await panel.emulateMedia({ colorScheme: scheme });
          // Nothing in the disclosure runs past the panel's right edge.
          const overflow = await details.evaluate((element) =>
            [...element.querySelectorAll('dt, dd, summary')].some((part) => part.getBoundingClientRect().right > document.documentElement.clientWidth + 0.5),
          );
          expect(overflow).toBe(false);
          await panel.screenshot({ path: `${SHOTS}/site-check-${lang}-${width}-${scheme}.png` });
        }
      }
      await panel.emulateMedia({ colorScheme: 'light' });

      // It opens over the replies list: Escape closes it from the keyboard.
      await details.locator('summary').focus();
      await panel.keyboard.press('Escape');
      await expect.poll(() => details.evaluate((element) => (element as HTMLDetailsElement).open)).toBe(false);
    });
  });
}

describe('the site check shows what Tono could not read', () => {
  let tono: TonoBrowser;
  beforeAll(async () => {
    tono = await launchChromiumWithTono({ lang: 'en' });
  });
  afterAll(async () => {
    await tono?.close();
  });

  it('marks each part missing once the page lost the comment author, time, link and send button', async () => {
    const panel = await tono.openSidePanel();
    const details = panel.locator('.reply-target details.site-check');
    const page = await tono.openFixture('textarea');
    // As after a redesign: the comment's header (author, username, time link) and send button are gone.
    await page.evaluate(() => document.querySelectorAll('article header, button.send').forEach((element) => element.remove()));
    await page.locator('[data-fixture-box]').click();
    await panel.bringToFront();
    await panel.reload();
    await details.locator('summary').click();
    await expect
      .poll(() => rows(panel))
      .toEqual({ site: 'instagram · www.instagram.com', editor: 'textarea', name: 'not found', handle: 'not found', time: 'not found', link: 'not found', send: 'not found' });
    expect(await details.locator('summary').innerText()).toMatch(/5 not found/);
    expect(await panel.locator('.site-check [data-found="false"]').count()).toBe(5);
  });
});


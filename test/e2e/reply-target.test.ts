import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchChromiumWithTono, type TonoBrowser } from '../../scripts/lib/chromium-with-tono';

let tono: TonoBrowser;

beforeAll(async () => {
  tono = await launchChromiumWithTono();
});
afterAll(async () => {
  await tono?.close();
});

describe('the side panel knows which comment is being answered', () => {
  it('shows the author and how long ago they wrote, and follows the focus', async () => {
    const feed = await tono.openDemo();
    await feed.click('#box-lexical');
    const panel = await tono.openSidePanel();
    const bar = panel.locator('.reply-target');
    await expect.poll(() => bar.innerText()).toMatch(/Ana Pérez @ana\.perez · (2 hours ago|hace 2 horas)/);
    await expect.poll(() => panel.locator('.crisis').count()).toBe(0);

    await feed.bringToFront();
    await feed.click('#box-textarea');
    await panel.bringToFront();
    await expect.poll(() => bar.innerText()).toMatch(/Mike Rogers @mike_r · (42 minutes ago|hace 42 minutos)/);
  });

  it('raises a crisis notice and lists the holding statements first for a crisis comment', async () => {
    const feed = await tono.openDemo();
    await feed.click('#box-contenteditable');
    const panel = await tono.openSidePanel();
    await expect.poll(() => panel.locator('.crisis').innerText()).toContain('peligroso, denuncia');
    await expect
      .poll(() => panel.locator('li.reply').evaluateAll((rows) => rows.slice(0, 2).map((row) => row.getAttribute('data-template-id'))))
      .toEqual(expect.arrayContaining(['starter-crisis-es', 'starter-crisis-en']));
  });
});

describe('tone check of the draft being written', () => {
  it('flags excuses and preferred terms in the focused draft, live, without touching the page', async () => {
    const feed = await tono.openDemo();
    await feed.click('#box-textarea');
    await feed.keyboard.type('Hi Mike, this problem is NOT OUR FAULT!!!!');
    const panel = await tono.openSidePanel();
    const findings = panel.locator('.tone-check li.finding');
    await expect.poll(() => findings.allInnerTexts(), { timeout: 10_000 }).toEqual(
      expect.arrayContaining([
        expect.stringContaining('“problem” → “issue”'),
        expect.stringContaining('sounds like an excuse'),
        expect.stringContaining('shouting'),
      ]),
    );
    expect(await feed.evaluate(() => window.tonoDemo.modelText('box-textarea'))).toBe('Hi Mike, this problem is NOT OUR FAULT!!!!');

    await feed.bringToFront();
    await feed.click('#box-textarea');
    await feed.keyboard.press('Control+A');
    await feed.keyboard.type('Hi Mike, we are on it and will write back today.');
    await panel.bringToFront();
    await expect.poll(() => panel.locator('.tone-ok').count(), { timeout: 10_000 }).toBe(1);
  });
});

describe('waiting list', () => {
  it('lists a comment whose box was opened, and drops it once the reply is sent', async () => {
    const feed = await tono.openDemo();
    await feed.click('#box-lexical');
    const panel = await tono.openSidePanel();
    const ana = panel.locator('.waiting-item', { hasText: 'Ana Pérez' });
    await expect.poll(() => ana.count()).toBe(1);
    expect(await ana.locator('a').getAttribute('href')).toBe('https://x.com/p/1001');

    await feed.bringToFront();
    await feed.click('#box-lexical');
    await feed.keyboard.type('Hola Ana, ya lo estamos mirando.');
    await feed.click('button.send[data-for="box-lexical"]');
    await panel.bringToFront();
    await expect.poll(() => ana.count(), { timeout: 10_000 }).toBe(0);
  });
});

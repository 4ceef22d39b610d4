// The personal tone guide: written in the options page, shown in the panel's Guide view, used by
// the live tone check (with its one-click fix) and by the crisis notice.
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchChromiumWithTono, type TonoBrowser } from '../../scripts/lib/chromium-with-tono';
import { parsePackText } from '../../src/shared/domain/pack';

// DevTools evaluation is not subject to the extension page's CSP, so axe goes in this way.
const AXE_SOURCE = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');

let tono: TonoBrowser;
let options: Page;

/** Serious or critical axe violations inside `scope` (the new UI), as "rule: targets". */
async function axeSerious(page: Page, scope = 'body'): Promise<{ serious: string[]; passed: number }> {
  await page.evaluate(AXE_SOURCE);
  return page.evaluate(async (selector) => {
    type Rule = { id: string; impact?: string | null };
    const axe = (window as unknown as { axe: { run(context: string): Promise<{ violations: Rule[]; passes: Rule[] }> } }).axe;
    const { violations, passes } = await axe.run(selector);
    type Node = { target: string[] };
    const serious = violations.filter((v) => v.impact === 'serious' || v.impact === 'critical');
    return { serious: serious.map((v) => `${v.id}: ${(v as Rule & { nodes: Node[] }).nodes.map((n) => n.target.join(' ')).join(', ')}`), passed: passes.length };
  }, scope);
}

const guide = () => options.locator('#my-guide');
const status = () => guide().locator('> p[role="status"]');

/** The personal guide row as stored in IndexedDB, read from the options page. */
function readStoredGuide() {
  type Stored = { sections: { body: string }[]; crisisSignals: string[] };
  return options.evaluate(
    () =>
      new Promise<Stored | undefined>((resolve, reject) => {
        const open = indexedDB.open('tono');
        open.onerror = () => reject(open.error);
        open.onsuccess = () => {
          const read = open.result.transaction('settings').objectStore('settings').get('personalGuide');
          read.onsuccess = () => {
            open.result.close();
            resolve((read.result as { value?: Stored } | undefined)?.value);
          };
          read.onerror = () => reject(read.error);
        };
      }),
  );
}

/** Opens the add-rule form of `kind` and fills the fields every rule has. */
async function startRule(kind: string, id: string, messageEn: string) {
  await guide().locator('#guide-rule-kind').selectOption(kind);
  await guide().getByRole('button', { name: 'Add rule' }).click();
  const form = guide().locator('form.rule-form');
  // Keyboard-first: the new form takes the focus from the button that opened it.
  await expect.poll(() => options.evaluate(() => document.activeElement?.id)).toBe('rule-id');
  await form.locator('#rule-id').fill(id);
  await form.locator('#rule-message-en').fill(messageEn);
  return form;
}

beforeAll(async () => {
  tono = await launchChromiumWithTono();
  options = await tono.context.newPage();
  await options.goto(`chrome-extension://${tono.extensionId}/src/options/index.html`);
  await guide().locator('#guide-rule-kind').waitFor();
});
afterAll(async () => {
  await tono?.close();
});

describe('writing the guide in the options page', () => {
  it('refuses an invalid pattern with an error naming the rule, and saves a valid one', async () => {
    const form = await startRule('avoid', 'broken-pattern', 'Avoid “$match”.');
    await form.locator('#rule-terms').fill('(unclosed');
    await form.getByRole('checkbox').check();
    await form.getByRole('button', { name: 'Save rule' }).click();
    await expect.poll(() => form.locator('[role="alert"]').textContent()).toMatch(/^Rule “broken-pattern” cannot be saved: .*(regular expression|group)/i);
    expect(await guide().locator('.guide-rules li').count()).toBe(0);
    await form.getByRole('button', { name: 'Cancel' }).click();

    const prefer = await startRule('prefer', 'say-customer', 'Say “customer”, not “$match”.');
    await prefer.locator('#rule-message-es').fill('Di «cliente», no «$match».');
    await prefer.locator('#rule-swap').fill('user -> customer\nusuario -> cliente');
    await prefer.getByRole('button', { name: 'Save rule' }).click();
    await expect.poll(() => guide().locator('.guide-rules li[data-rule-id="say-customer"]').count()).toBe(1);
    expect(await status().textContent()).toBe('Saved.');
    await expect.poll(() => options.evaluate(() => document.activeElement?.id)).toBe('guide-rule-kind');
  });

  it('writes a Markdown section with a live preview that shows markup as text', async () => {
    await guide().getByRole('button', { name: 'Voice', exact: true }).click();
    const body = guide().locator('.guide-section-edit textarea').first();
    await body.fill('We are **warm**. <img src=x onerror=alert(1)>');
    const preview = guide().locator('.guide-preview').first();
    await expect.poll(() => preview.locator('strong').textContent()).toBe('warm');
    expect(await preview.locator('img').count()).toBe(0);
    expect(await preview.textContent()).toContain('<img src=x onerror=alert(1)>');
    await guide().getByRole('button', { name: 'Save guidelines' }).click();
    // The status line already says "Saved." from the rule: wait for the stored guide itself.
    await expect.poll(() => readStoredGuide().then((stored) => stored?.sections[0]?.body)).toBe('We are **warm**. <img src=x onerror=alert(1)>');
    expect(await status().textContent()).toBe('Saved.');
  });

  it('adds a crisis signal word', async () => {
    await guide().locator('#guide-signals').fill('Canada');
    await guide().getByRole('button', { name: 'Save signals' }).click();
    // The status line already says "Saved." from the guidelines: wait for the stored guide itself.
    await expect.poll(() => readStoredGuide().then((stored) => stored?.crisisSignals))
      .toEqual(['Canada']);
    expect(await status().textContent()).toBe('Saved.');
  });

  it('keeps both of two saves clicked back to back (the second builds on the first, no self-conflict)', async () => {
    await guide().locator('.guide-section-edit textarea').first().fill('We are **warm**. <img src=x onerror=alert(1)> Always.');
    await guide().locator('#guide-signals').fill('Canada\nretiro');
    // Both clicks in one task: the second save starts before the first is written or read back.
    await options.evaluate(() => {
      const buttons = [...document.querySelectorAll<HTMLButtonElement>('#my-guide button[type="submit"]')];
      const byText = (text: string) => buttons.find((button) => button.textContent?.trim() === text);
      byText('Save guidelines')?.click();
      byText('Save signals')?.click();
    });
    await expect.poll(() => readStoredGuide().then((stored) => stored && { body: stored.sections[0]?.body, signals: stored.crisisSignals })).toEqual({
      body: 'We are **warm**. <img src=x onerror=alert(1)> Always.',
      signals: ['Canada', 'retiro'],
    });
    expect(await status().textContent()).toBe('Saved.');
  });

  it('has no serious or critical axe violations, light and dark, with a rule form open', async () => {
    await guide().locator('#guide-rule-kind').selectOption('length');
    await guide().getByRole('button', { name: 'Add rule' }).click();
    // Scoped to the guide editor: the rest of the options page belongs to other sections.
    const light = await axeSerious(options, '#my-guide');
    expect(light.serious).toEqual([]);
    expect(light.passed).toBeGreaterThan(10);
    await options.emulateMedia({ colorScheme: 'dark' });
    expect((await axeSerious(options, '#my-guide')).serious).toEqual([]);
    await options.emulateMedia({ colorScheme: 'light' });
    await guide().locator('form.rule-form').getByRole('button', { name: 'Cancel' }).click();
  });
});

describe('the panel uses the personal guide', () => {
  it('checks the draft against the new rule and fixes it in one click', async () => {
    const feed = await tono.openDemo();
    await feed.click('#box-textarea');
    await feed.keyboard.type('Hi Mike, thanks for being a loyal user.');
    const panel = await tono.openSidePanel();
    const finding = panel.locator('.tone-check li.finding', { hasText: 'Say “customer”, not “user”.' });
    await expect.poll(() => finding.count(), { timeout: 10_000 }).toBe(1);
    await finding.getByRole('button', { name: 'Replace “user” with “customer” in the draft' }).click();
    await expect.poll(() => feed.evaluate(() => window.tonoDemo.modelText('box-textarea'))).toBe('Hi Mike, thanks for being a loyal customer.');
    await panel.close();
    await feed.close();
  });

  it('follows an edit of the rule made in the options page', async () => {
    await options.bringToFront();
    await guide().getByRole('button', { name: 'Edit rule “say-customer”' }).click();
    await guide().locator('form.rule-form #rule-message-en').fill('Our people are clients, not “$match”.');
    await guide().locator('form.rule-form').getByRole('button', { name: 'Save rule' }).click();
    await expect.poll(() => status().textContent()).toBe('Saved.');

    const feed = await tono.openDemo();
    await feed.click('#box-textarea');
    await feed.keyboard.type('Hi Mike, dear user.');
    const panel = await tono.openSidePanel();
    await expect
      .poll(() => panel.locator('.tone-check li.finding').allInnerTexts(), { timeout: 10_000 })
      .toEqual(expect.arrayContaining([expect.stringContaining('Our people are clients, not “user”.')]));
    await panel.close();
    await feed.close();
  });

  it('follows a change of a rule’s kind: words to avoid become a swap with a fix', async () => {
    await options.bringToFront();
    const form = await startRule('avoid', 'no-jerga', 'Say it plainly, not “$match”.');
    await form.locator('#rule-terms').fill('jerga');
    await form.getByRole('button', { name: 'Save rule' }).click();
    await expect.poll(() => guide().locator('.guide-rules li[data-rule-id="no-jerga"] .hint').textContent()).toBe('Words to avoid');

    await guide().getByRole('button', { name: 'Edit rule “no-jerga”' }).click();
    const edit = guide().locator('form.rule-form');
    expect(await edit.locator('#rule-kind').inputValue()).toBe('avoid');
    await edit.locator('#rule-kind').selectOption('prefer');
    // The new kind's fields replace the old ones; name and message stay as they were.
    expect(await edit.locator('#rule-terms').count()).toBe(0);
    expect(await edit.locator('#rule-id').inputValue()).toBe('no-jerga');
    await edit.locator('#rule-swap').fill('jerga -> lenguaje claro');
    await edit.getByRole('button', { name: 'Save rule' }).click();
    await expect.poll(() => guide().locator('.guide-rules li[data-rule-id="no-jerga"] .hint').textContent()).toBe('Preferred terms (use X instead of Y)');

    const feed = await tono.openDemo();
    await feed.click('#box-textarea');
    await feed.keyboard.type('Sin jerga, por favor.');
    const panel = await tono.openSidePanel();
    // Only a swap offers the one-click fix: the check now runs the rule as its new kind.
    const fix = panel.getByRole('button', { name: 'Replace “jerga” with “lenguaje claro” in the draft' });
    await expect.poll(() => fix.count(), { timeout: 10_000 }).toBe(1);
    await panel.close();
    await feed.close();

    await options.bringToFront();
    await guide().getByRole('button', { name: 'Delete rule “no-jerga”' }).click();
    await expect.poll(() => guide().locator('.guide-rules li[data-rule-id="no-jerga"]').count()).toBe(0);
  });

  it('a new rule’s untouched name follows its kind; a typed one stays', async () => {
    await guide().locator('#guide-rule-kind').selectOption('avoid');
    await guide().getByRole('button', { name: 'Add rule' }).click();
    const form = guide().locator('form.rule-form');
    expect(await form.locator('#rule-id').inputValue()).toBe('avoid-1');
    await form.locator('#rule-kind').selectOption('emoji');
    expect(await form.locator('#rule-id').inputValue()).toBe('emoji-1');
    await form.locator('#rule-id').fill('my-emoji');
    await form.locator('#rule-kind').selectOption('shouting');
    expect(await form.locator('#rule-id').inputValue()).toBe('my-emoji');
    await form.getByRole('button', { name: 'Cancel' }).click();
  });

  it('shows the personal sections in the Guide view, safely, with no serious axe violations', async () => {
    const panel = await tono.openSidePanel();
    await panel.locator('#tab-guide').click();
    const mine = panel.locator('.guide-mine');
    await expect.poll(() => mine.locator('h3').textContent()).toBe('Voice');
    expect(await mine.locator('strong').textContent()).toBe('warm');
    expect(await mine.locator('img').count()).toBe(0);
    expect((await axeSerious(panel)).serious).toEqual([]);
    await panel.emulateMedia({ colorScheme: 'dark' });
    expect((await axeSerious(panel)).serious).toEqual([]);
    await panel.close();
  });

  it('raises the crisis notice for a signal word the team added', async () => {
    const feed = await tono.openDemo();
    // Mike's comment ("…ship to Canada?") has no built-in crisis word: the notice must come from the team's.
    await feed.click('#box-textarea');
    const panel = await tono.openSidePanel();
    await expect.poll(() => panel.locator('.reply-target').innerText(), { timeout: 10_000 }).toContain('Mike Rogers');
    const mikeComment = await feed.evaluate(() => document.querySelector('#box-textarea')?.closest('article')?.querySelector('.text')?.textContent ?? '');
    expect(mikeComment).toContain('Canada');
    // allInnerTexts does not wait for the element, so a missing notice fails here instead of hanging.
    await expect.poll(() => panel.locator('.crisis').allInnerTexts().then((texts) => texts.join(' ')), { timeout: 10_000 }).toContain('Canada');
    await panel.close();
    await feed.close();
  });
});

describe('publishing the guide', () => {
  it('exports it in a team pack, refusing markup the pack format bans until it is removed', async () => {
    await options.bringToFront();
    const exporter = options.locator('.packs-block', { has: options.locator('#export-id') });
    await options.fill('#export-id', 'acme-guide');
    expect(await exporter.getByRole('checkbox', { name: /Include my tone guide/ }).isChecked()).toBe(true);
    const download = exporter.getByRole('button', { name: 'Download pack' });
    await download.click();
    await expect.poll(() => exporter.getByRole('alert').textContent()).toContain('guidelines[0].body');

    await guide().locator('.guide-section-edit textarea').first().fill('We are **warm**.');
    await guide().getByRole('button', { name: 'Save guidelines' }).click();
    await expect.poll(() => status().textContent()).toBe('Saved.');
    const [file] = await Promise.all([options.waitForEvent('download'), download.click()]);
    const exported = parsePackText(readFileSync(await file.path(), 'utf8'));
    if (!exported.ok) throw new Error(JSON.stringify(exported.error));
    expect(exported.value.guidelines.map(({ title, body }) => ({ title, body }))).toEqual([{ title: 'Voice', body: 'We are **warm**.' }]);
    expect(exported.value.rules).toEqual([
      expect.objectContaining({ id: 'say-customer', kind: 'prefer', swap: { user: 'customer', usuario: 'cliente' }, messages: { es: 'Di «cliente», no «$match».', en: 'Our people are clients, not “$match”.' } }),
    ]);
  });
});

describe('two options pages at once', () => {
  it('loses neither page’s change: a rule added in one and guidelines saved in the other both stay', async () => {
    const other = await tono.context.newPage();
    await other.goto(`chrome-extension://${tono.extensionId}/src/options/index.html`);
    const otherGuide = other.locator('#my-guide');
    await options.bringToFront();
    await guide().locator('.guide-section-edit textarea').first().fill('We are **warm** and brief.');

    await other.bringToFront();
    await otherGuide.locator('#guide-rule-kind').selectOption('avoid');
    await otherGuide.getByRole('button', { name: 'Add rule' }).click();
    await otherGuide.locator('#rule-id').fill('no-cheap');
    await otherGuide.locator('#rule-message-en').fill('Avoid “$match”.');
    await otherGuide.locator('#rule-terms').fill('cheap');
    await otherGuide.getByRole('button', { name: 'Save rule' }).click();
    await expect.poll(() => otherGuide.locator('.guide-rules li[data-rule-id="no-cheap"]').count()).toBe(1);

    await options.bringToFront();
    // The first page follows the other's save live, and its own unsaved text is still there.
    await expect.poll(() => guide().locator('.guide-rules li[data-rule-id="no-cheap"]').count()).toBe(1);
    await guide().getByRole('button', { name: 'Save guidelines' }).click();
    await expect.poll(() => status().textContent()).toBe('Saved.');
    await other.reload();
    await expect.poll(() => otherGuide.locator('.guide-section-edit textarea').first().inputValue()).toBe('We are **warm** and brief.');
    expect(await otherGuide.locator('.guide-rules li').evaluateAll((items) => items.map((item) => item.getAttribute('data-rule-id')))).toEqual([
      'say-customer',
      'no-cheap',
    ]);
    await other.close();
  });
});

// One-click fix of a "prefer" finding: the panel's button replaces exactly that occurrence in the
// site's editor, judged by the editor's own model; a stale draft is never touched.
import type { Locator, Page } from 'playwright-core';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { launchChromiumWithTono, type TonoBrowser, reloadFixture } from '../../scripts/lib/chromium-with-tono';
import type { FixtureKind } from '../../scripts/lib/fixtures';

let tono: TonoBrowser;
let panel: Page;

// The extension API as seen from the side panel page.
declare const chrome: { runtime: { sendMessage(message: unknown): Promise<unknown> } };

// The test browser speaks English, so the starter guide prefers "issue" to "problem". The same
// word twice on the second line: the fix must land on the one clicked, not the first found.
const FIRST_LINE = 'Problem: hi there,';
const SECOND_LINE = 'the problem is not the real problem.';

// Every multi-line editor (a single-line input cannot hold the two-line draft).
const KINDS: FixtureKind[] = ['lexical-rich', 'lexical-plain', 'draft', 'textarea', 'contenteditable', 'slate', 'prosemirror', 'tiptap', 'quill1', 'quill2', 'shadow', 'iframe'];

beforeAll(async () => {
  tono = await launchChromiumWithTono();
  panel = await tono.openSidePanel();
  await panel.locator('li.reply').first().waitFor();
});
afterAll(async () => {
  await tono?.close();
});

describe.each(KINDS)('%s', (kind) => {
  let page: Page;
  const box = (): Locator => (kind === 'iframe' ? page.frameLocator('iframe') : page).locator('[data-fixture-box]');
  const model = () => page.evaluate(() => window.fixture!.modelText());
  const applyButtons = () => panel.locator('.tone-check li.finding button.finding-apply');

  beforeAll(async () => {
    page = await tono.openFixture(kind);
  });
  afterAll(async () => {
    await page?.close();
  });
  beforeEach(async () => {
    await reloadFixture(page);
    await box().click();
    await page.keyboard.type(FIRST_LINE);
    await page.keyboard.press('Shift+Enter');
    await page.keyboard.type(SECOND_LINE);
    // Lexical and Draft.js keep a Shift+Enter as one line break in their model.
    await expect.poll(model).toBe(`${FIRST_LINE}\n${SECOND_LINE}`);
    await panel.bringToFront();
    await expect.poll(() => applyButtons().count(), { timeout: 10_000 }).toBe(3);
  });

  it('replaces the clicked occurrence only, keeping its capital and the rest of the draft', async () => {
    await expect(applyButtons().nth(2).getAttribute('aria-label')).resolves.toBe('Replace “problem” with “issue” in the draft');
    await applyButtons().nth(2).click();
    await expect.poll(model).toBe(`${FIRST_LINE}\nthe problem is not the real issue.`);
    await expect.poll(() => panel.locator('.fix-status').textContent()).toBe('Fixed in the draft.');
    // The clicked button goes away with its finding: the keyboard lands on the outcome.
    await expect.poll(() => panel.evaluate(() => document.activeElement?.classList.contains('fix-status'))).toBe(true);
    // The panel re-reads the draft: two findings are left; the capital of the first is kept.
    await expect.poll(() => applyButtons().count(), { timeout: 10_000 }).toBe(2);
    await applyButtons().first().click();
    await expect.poll(model).toBe('Issue: hi there,\nthe problem is not the real issue.');
    await expect.poll(() => applyButtons().count(), { timeout: 10_000 }).toBe(1);
  });

  it('refuses a fix computed on an older draft and leaves the editor untouched', async () => {
    const current = `${FIRST_LINE}\n${SECOND_LINE}`;
    const stale = `${FIRST_LINE}\nthe problem is not the real problem!`;
    const start = stale.indexOf('problem');
    const outcome = await panel.evaluate(
      (payload) => chrome.runtime.sendMessage({ type: 'applyFix', payload }),
      { tabId: null, draft: stale, start, end: start + 'problem'.length, replacement: 'issue' },
    );
    expect(outcome).toEqual({ ok: true, value: { ok: false, reason: 'draft-changed' } });
    expect(await model()).toBe(current);
  });
});

describe('input (single line)', () => {
  it('fixes the clicked occurrence in a one-line field', async () => {
    const page = await tono.openFixture('input');
    const model = () => page.evaluate(() => window.fixture!.modelText());
    await page.locator('[data-fixture-box]').click();
    await page.keyboard.type('A problem, then another problem.');
    await panel.bringToFront();
    const buttons = panel.locator('.tone-check li.finding button.finding-apply');
    await expect.poll(() => buttons.count(), { timeout: 10_000 }).toBe(2);
    await buttons.nth(1).click();
    await expect.poll(model).toBe('A problem, then another issue.');
    await page.close();
  });
});

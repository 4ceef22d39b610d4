// The tone badge on the reply-box button: the worker checks the focused draft with the panel's
// rules after a pause in typing; the button then shows the count and the first finding. Read from
// the accessibility tree, as assistive technology gets it (the shadow root is closed to the page).
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchChromiumWithTono, type TonoBrowser } from '../../scripts/lib/chromium-with-tono';
import { checkDraft } from '../../src/shared/domain/tone/check';
import { gatherToneGuide } from '../../src/shared/domain/tone/gather';
import type { Finding } from '../../src/shared/domain/tone/types';

interface AxNode {
  nodeId: string;
  ignored: boolean;
  role?: { value: string };
  name?: { value: string };
  description?: { value: string };
  childIds?: string[];
}

let tono: TonoBrowser;
let page: Page;
let lang: 'es' | 'en';

/** The Tono button as the accessibility tree shows it: its description (tooltip) and badge text. */
async function buttonSeen(): Promise<{ description: string; badge: string | null } | null> {
  const cdp = await tono.context.newCDPSession(page);
  const { nodes } = (await cdp.send('Accessibility.getFullAXTree')) as { nodes: AxNode[] };
  await cdp.detach();
  const byId = new Map(nodes.map((node) => [node.nodeId, node]));
  const button = nodes.find((node) => !node.ignored && node.role?.value === 'button' && /^Tono: /.test(node.name?.value ?? ''));
  if (!button) return null;
  const texts: string[] = [];
  const walk = (node: AxNode | undefined): void => {
    if (!node) return;
    if (node.role?.value === 'StaticText' && !node.ignored) texts.push(node.name?.value ?? '');
    for (const id of node.childIds ?? []) walk(byId.get(id));
  };
  walk(button);
  const badge = texts.find((text) => /^\d+\+?$/.test(text)) ?? null;
  return { description: button.description?.value ?? '', badge };
}

const rank = { error: 3, warning: 2, suggestion: 1 } as const;
/** What the panel would find in this draft, with the same starter rules. */
function expected(draft: string): { count: number; first: string } {
  const findings: Finding[] = checkDraft(gatherToneGuide(lang, [], null).guide, draft, { platform: 'instagram', firstName: 'Ana' });
  const worst = Math.max(...findings.map((finding) => rank[finding.severity]));
  return { count: findings.length, first: findings.find((finding) => rank[finding.severity] === worst)?.message ?? '' };
}

beforeAll(async () => {
  tono = await launchChromiumWithTono();
  const panel = await tono.openSidePanel();
  lang = (await panel.evaluate(() => (globalThis as unknown as { chrome: { i18n: { getUILanguage(): string } } }).chrome.i18n.getUILanguage())).startsWith('es')
    ? 'es'
    : 'en';
  page = await tono.openFixture('textarea');
});
afterAll(async () => {
  await tono?.close();
});

describe('tone badge', () => {
  it('shows the number of findings and the first one of the worst severity, and clears for a clean draft', async () => {
    await page.locator('[data-fixture-box]').click();
    await expect.poll(buttonSeen).not.toBeNull();
    expect((await buttonSeen())?.badge).toBeNull();

    const draft = 'Hi Ana, this problem is NOT OUR FAULT!!!!';
    await page.keyboard.type(draft);
    const want = expected(draft);
    expect(want.count).toBeGreaterThan(1);
    await expect.poll(buttonSeen, { timeout: 5000 }).toEqual({ description: want.first, badge: String(want.count) });

    await page.locator('[data-fixture-box]').fill('');
    await page.keyboard.type('Hi Ana, thanks for writing. We will look into it today.');
    await expect.poll(async () => (await buttonSeen())?.badge, { timeout: 5000 }).toBeNull();
    expect((await buttonSeen())?.description).toMatch(/^Tono: .+\(.+\)$/);
  });

  it('goes away with the box focus', async () => {
    await page.locator('body').click({ position: { x: 3, y: 3 } });
    await expect.poll(buttonSeen).toBeNull();
  });

  it('clears once the reply is sent and the box, still focused, is empty again', async () => {
    await page.close();
    page = await tono.context.newPage();
    await page.goto('https://x.com/tono-fixtures/spa/');
    await page.waitForFunction(() => Boolean(window.fixture));
    await page.locator('[data-fixture-box]').click();
    await page.keyboard.type('this problem is NOT OUR FAULT!!!!');
    await expect.poll(async () => (await buttonSeen())?.badge, { timeout: 5000 }).not.toBeNull();
    // Sent from the keyboard: the box keeps the focus, so the button stays.
    await page.keyboard.press('Control+Enter');
    await expect.poll(() => page.evaluate(() => window.fixture!.modelText())).toBe('');
    await expect.poll(async () => (await buttonSeen())?.badge, { timeout: 5000 }).toBeNull();
    expect(await buttonSeen()).not.toBeNull();
  });
});

import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium, type BrowserContext, type Page, type Worker } from 'playwright-core';
import { chromiumPath } from './browsers';
import { DEMO_URL, assertDemoBuilt, demoResponse } from './demo-server';
import { FIXTURE_URLS, assertFixturesBuilt, routeFixtures, type FixtureKind } from './fixtures';
import { CHROME_BUILD } from './paths';

export { CHROME_BUILD };

/** Flags that keep Chromium off the network this machine does not have. */
export const QUIET_FLAGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--disable-default-apps',
];

export interface TonoBrowser {
  context: BrowserContext;
  extensionId: string;
  worker: Worker;
  /** Opens the demo feed at its routed site URL and waits until the editors are ready. */
  openDemo(): Promise<Page>;
  /** Opens the side panel page in a tab (Playwright cannot dock the real side panel). */
  openSidePanel(): Promise<Page>;
  /** Opens an editor fixture page at its real site's URL and waits until its editor is ready. */
  openFixture(kind: FixtureKind): Promise<Page>;
  close(): Promise<void>;
}

/** Real Chromium with the built extension loaded from dist/chrome and the demo routed at a site URL. */
export async function launchChromiumWithTono(options: { headless?: boolean; /** UI language, e.g. 'es'. */ lang?: string } = {}): Promise<TonoBrowser> {
  assertDemoBuilt();
  const profile = mkdtempSync(join(tmpdir(), 'tono-chromium-'));
  const context = await chromium.launchPersistentContext(profile, {
    executablePath: chromiumPath(),
    headless: options.headless ?? true,
    viewport: { width: 1100, height: 800 },
    args: [
      ...QUIET_FLAGS,
      `--disable-extensions-except=${CHROME_BUILD}`,
      `--load-extension=${CHROME_BUILD}`,
      ...(options.lang ? [`--lang=${options.lang}`] : []),
    ],
    ...(options.lang && { locale: options.lang, env: { ...process.env, LANGUAGE: options.lang } }),
  });
  await context.route(`${DEMO_URL}**`, (route) => {
    const response = demoResponse(route.request().url());
    return route.fulfill({ status: response.status, contentType: response.contentType, body: response.body });
  });
  await routeFixtures(context);
  const worker = context.serviceWorkers()[0] ?? (await context.waitForEvent('serviceworker', { timeout: 15_000 }));
  const extensionId = new URL(worker.url()).host;
  return {
    context,
    extensionId,
    worker,
    async openDemo() {
      const page = await context.newPage();
      await page.goto(DEMO_URL);
      await page.waitForFunction(() => Boolean((window as { tonoDemo?: unknown }).tonoDemo));
      return page;
    },
    async openSidePanel() {
      const page = await context.newPage();
      await page.goto(`chrome-extension://${extensionId}/src/sidepanel/index.html`);
      return page;
    },
    async openFixture(kind) {
      assertFixturesBuilt();
      const page = await context.newPage();
      await page.goto(FIXTURE_URLS[kind]);
      await fixtureReady(page);
      return page;
    },
    async close() {
      await context.close();
      rmSync(profile, { recursive: true, force: true });
    },
  };
}

const fixtureReady = (page: Page) => page.waitForFunction(() => Boolean((window as { fixture?: unknown }).fixture));

/** A fresh copy of an editor fixture page for the next test, in front (focus and keys go to it). */
export async function reloadFixture(page: Page): Promise<void> {
  await page.reload();
  await fixtureReady(page);
  await page.bringToFront();
}

import { existsSync } from 'node:fs';
import { join } from 'node:path';
import puppeteer, { type Browser, type HTTPRequest, type Page } from 'puppeteer-core';
import { firefoxPath } from './browsers';
import { DEMO_URL, assertDemoBuilt, demoResponse } from './demo-server';
import { FIXTURE_URLS, assertFixturesBuilt, fixtureFile, type FixtureKind } from './fixtures';
import { ALLOW_SYSTEM_ACCESS, acceptPermissionPrompt, openExtensionTab } from './firefox-extension-pages';
import { FIREFOX_BUILD } from './paths';

export { FIREFOX_BUILD };

/**
 * Prefs for the fresh temporary profile Puppeteer creates (on top of Puppeteer's own test prefs
 * and the Remote Agent's recommended prefs, which already silence updates, telemetry and most
 * background services).
 */
const FIREFOX_PREFS: Record<string, unknown> = {
  // Host permissions. In Firefox MV3 the `content_scripts.matches` (and `host_permissions`) are
  // origins the user can withhold. Since Firefox 127 they are granted at install time when
  // `extensions.originControls.grantByDefault` is true (the shipped default, which is also what
  // a user gets from the normal install prompt). WebDriver BiDi's webExtension.install (a
  // temporary add-on install, startup reason ADDON_INSTALL) goes through that same path, so
  // nothing else needs granting. We set the pref explicitly so the test does not depend on the
  // default: with it false, the content script never runs on x.com and the test fails.
  'extensions.originControls.grantByDefault': true,

  // No network on this machine, and none wanted: every proxied request goes to a closed port on
  // loopback (the discard port), so anything that escapes the page's request interception fails
  // at once instead of leaking or waiting on DNS. Intercepted requests are answered inside
  // Firefox and never reach the proxy. Loopback itself is not proxied (WebDriver BiDi runs there).
  'network.proxy.type': 1,
  'network.proxy.http': '127.0.0.1',
  'network.proxy.http_port': 9,
  'network.proxy.ssl': '127.0.0.1',
  'network.proxy.ssl_port': 9,
  'network.proxy.share_proxy_settings': true,
  'network.proxy.socks_remote_dns': true,
  'network.proxy.allow_hijacking_localhost': false,
  'network.trr.mode': 5,
  'network.dns.disablePrefetch': true,
  'network.prefetch-next': false,
  'network.predictor.enabled': false,
  'network.http.speculative-parallel-limit': 0,
  'network.captive-portal-service.enabled': false,
  'network.connectivity-service.enabled': false,
  'security.OCSP.enabled': 0,
  'extensions.blocklist.enabled': false,
  'extensions.getAddons.cache.enabled': false,
  'browser.region.network.url': '',
  'browser.region.update.enabled': false,
  'toolkit.telemetry.enabled': false,
  'toolkit.telemetry.server': '',
  'datareporting.policy.dataSubmissionEnabled': false,
};

export interface FirefoxTono {
  browser: Browser;
  /** What WebDriver BiDi's webExtension.install returned: the gecko id from the manifest. */
  extensionId: string;
  /**
   * Opens the demo feed at its real-site URL (answered by request interception) and waits for its
   * editors. `pageScript` runs in the page's own world before any of the page's scripts;
   * `headers` are added to the feed's own HTML response (a Content-Security-Policy, say).
   */
  openDemo(options?: { pageScript?: string; headers?: Record<string, string> }): Promise<Page>;
  /** Opens an editor fixture page at its real-site URL (see scripts/lib/fixtures.ts). */
  openFixture(kind: FixtureKind): Promise<Page>;
  /**
   * Opens one of Tono's own pages (`src/sidepanel/index.html`, `src/options/index.html`) in a tab.
   * Needs `launchFirefoxWithTono({ extensionPages: true })`; see firefox-extension-pages.ts.
   */
  openExtensionPage(path: string): Promise<Page>;
  /** Clicks Allow on Firefox's host-permission prompt once it shows; returns its text (same needs). */
  acceptPermissionPrompt(): Promise<string>;
  /** Closes Firefox (Puppeteer then deletes the temporary profile); kills it if it does not close. */
  close(): Promise<void>;
}

/** Answers the demo URL from dist/demo and refuses everything else, so the page never goes to the network. */
function serveDemo(request: HTTPRequest, headers: Record<string, string> = {}): void {
  if (request.isInterceptResolutionHandled()) return;
  const url = request.url();
  const fixture = fixtureFile(url);
  if (url.startsWith(DEMO_URL)) {
    const response = demoResponse(url);
    const extra = response.contentType.startsWith('text/html') ? headers : {};
    // A request the page cancels meanwhile (a frame its CSP refused) is gone by the time we answer.
    request.respond({ status: response.status, contentType: response.contentType, body: response.body, headers: extra }).catch(() => undefined);
  } else if (fixture) {
    void request.respond({ status: 200, contentType: fixture.contentType, body: fixture.body });
  } else {
    void request.abort('blockedbyclient');
  }
}

async function closeOrKill(browser: Browser): Promise<void> {
  const firefox = browser.process();
  let timer: NodeJS.Timeout | undefined;
  const timedOut = new Promise<'timeout'>((resolve) => {
    timer = setTimeout(() => resolve('timeout'), 10_000);
  });
  try {
    const outcome = await Promise.race([browser.close().then(() => 'closed' as const), timedOut]);
    if (outcome === 'timeout') firefox?.kill('SIGKILL');
  } catch {
    firefox?.kill('SIGKILL');
  } finally {
    clearTimeout(timer);
  }
}

/**
 * Real Firefox (Debian's firefox-esr, or FIREFOX_PATH) driven over WebDriver BiDi, headless, in a
 * fresh temporary profile, with the built extension from dist/firefox installed through
 * webExtension.install. Throws MissingBrowserError (with install instructions) if Firefox is absent.
 */
export async function launchFirefoxWithTono(options: { headless?: boolean; extensionPages?: boolean } = {}): Promise<FirefoxTono> {
  const executablePath = firefoxPath();
  assertDemoBuilt();
  if (!existsSync(join(FIREFOX_BUILD, 'manifest.json'))) {
    throw new Error('dist/firefox is missing: run `npm run build` first.');
  }
  const browser = await puppeteer.launch({
    browser: 'firefox',
    protocol: 'webDriverBiDi',
    executablePath,
    headless: options.headless ?? true,
    // No userDataDir: Puppeteer makes a fresh temporary profile and removes it on close.
    extraPrefsFirefox: FIREFOX_PREFS,
    // Lets the test reach Firefox's own window over BiDi, to open extension pages (see firefox-extension-pages.ts).
    args: options.extensionPages ? [ALLOW_SYSTEM_ACCESS] : [],
    defaultViewport: { width: 1100, height: 800 },
  });
  let extensionId: string;
  try {
    extensionId = await browser.installExtension(FIREFOX_BUILD);
  } catch (error) {
    await closeOrKill(browser);
    throw error;
  }
  return {
    browser,
    extensionId,
    async openDemo(options = {}) {
      const page = await browser.newPage();
      if (options.pageScript) await page.evaluateOnNewDocument(options.pageScript);
      await page.setRequestInterception(true);
      page.on('request', (request) => serveDemo(request, options.headers));
      await page.goto(DEMO_URL);
      await page.waitForFunction(() => Boolean((window as { tonoDemo?: unknown }).tonoDemo), { timeout: 10_000 });
      return page;
    },
    async openFixture(kind) {
      assertFixturesBuilt();
      const page = await browser.newPage();
      await page.setRequestInterception(true);
      page.on('request', serveDemo);
      await page.goto(FIXTURE_URLS[kind]);
      await page.waitForFunction(() => Boolean((window as { fixture?: unknown }).fixture), { timeout: 10_000 });
      return page;
    },
    openExtensionPage: (path) => openExtensionTab(browser, extensionId, path),
    acceptPermissionPrompt: () => acceptPermissionPrompt(browser),
    close: () => closeOrKill(browser),
  };
}

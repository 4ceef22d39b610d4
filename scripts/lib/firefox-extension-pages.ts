import type { Browser, Page } from 'puppeteer-core';

/*
 * Opening Tono's own pages in Firefox from a test, without test hooks in the extension.
 *
 * WebDriver BiDi refuses `browsingContext.navigate` to moz-extension:// (and about:addons):
 * "Navigation to … is not allowed in this context". A web page may not navigate to them either
 * (not web-accessible), and Marionette cannot run beside Puppeteer's BiDi session ("Maximum
 * number of active sessions"). What works: Firefox's `-remote-allow-system-access` switch, which
 * lets a BiDi client list and script Firefox's own window (`browsingContext.getTree` with
 * `moz:scope: "chrome"`). There the test does what the browser does when a user opens a page:
 * `gBrowser.addTab(url)` with the extension's real URL from `WebExtensionPolicy`. The new tab is a
 * normal content tab, which Puppeteer then drives like any page. Permission prompts are answered
 * by clicking the prompt's own Allow button in that window.
 */
export const ALLOW_SYSTEM_ACCESS = '-remote-allow-system-access';

interface BidiConnection {
  send(method: string, params: object): Promise<{ result: unknown }>;
}

/** Puppeteer's BiDi connection (public at runtime, not in its typings). */
function connectionOf(browser: Browser): BidiConnection {
  const connection = (browser as unknown as { connection?: BidiConnection }).connection;
  if (!connection) throw new Error('Firefox was not launched over WebDriver BiDi');
  return connection;
}

/** Runs `expression` (an async function body's result) in Firefox's main browser window. */
async function inBrowserWindow(browser: Browser, expression: string): Promise<unknown> {
  const connection = connectionOf(browser);
  const tree = (await connection.send('browsingContext.getTree', { 'moz:scope': 'chrome' })).result as {
    contexts: Array<{ context: string; url: string }>;
  };
  const window = tree.contexts.find((context) => context.url === 'chrome://browser/content/browser.xhtml');
  if (!window) throw new Error(`No browser window over BiDi; launch with { extensionPages: true } (${ALLOW_SYSTEM_ACCESS})`);
  const { result } = (await connection.send('script.evaluate', { target: { context: window.context }, expression, awaitPromise: true })) as {
    result: { type: string; result?: { value?: unknown }; exceptionDetails?: { text?: string } };
  };
  if (result.type !== 'success') throw new Error(`Firefox window script failed: ${result.exceptionDetails?.text ?? 'unknown error'}`);
  return result.result?.value;
}

/** The page whose document is at `url` (Puppeteer's page.url() stays about:blank for tabs it did not open). */
async function pageAt(browser: Browser, url: string): Promise<Page> {
  for (let attempt = 0; attempt < 100; attempt++) {
    for (const page of await browser.pages()) {
      const href = await page.evaluate(() => location.href).catch(() => '');
      if (href === url) return page;
    }
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  throw new Error(`The tab for ${url} did not appear`);
}

export async function openExtensionTab(browser: Browser, extensionId: string, path: string): Promise<Page> {
  const url = await inBrowserWindow(
    browser,
    `(async () => {
      const url = WebExtensionPolicy.getByID(${JSON.stringify(extensionId)}).getURL(${JSON.stringify(path)});
      gBrowser.selectedTab = gBrowser.addTab(url, { triggeringPrincipal: Services.scriptSecurityManager.getSystemPrincipal() });
      return url;
    })()`,
  );
  const page = await pageAt(browser, String(url));
  await page.waitForFunction(() => document.readyState === 'complete' && document.body.childElementCount > 0);
  return page;
}

/**
 * Sends Firefox's traffic through a test proxy on 127.0.0.1 (see https-pack-host.ts, which tunnels
 * one host and refuses the rest, as the closed port did) and accepts that host's self-signed
 * certificate, for this temporary profile only. For requests page interception cannot answer,
 * such as the extension's own fetches.
 */
export async function useTestProxy(browser: Browser, proxyPort: number): Promise<void> {
  await inBrowserWindow(
    browser,
    `(async () => {
      for (const pref of ['network.proxy.http_port', 'network.proxy.ssl_port']) Services.prefs.setIntPref(pref, ${proxyPort});
      Cc['@mozilla.org/security/certoverride;1'].getService(Ci.nsICertOverrideService).setDisableAllSecurityChecksAndLetAttackersInterceptMyData(true);
      return true;
    })()`,
  );
}

/**
 * Waits for Firefox's "access this site" permission prompt and clicks its Allow button, as the
 * user would. Returns the prompt's text (it names the host asked for).
 */
export async function acceptPermissionPrompt(browser: Browser): Promise<string> {
  for (let attempt = 0; attempt < 100; attempt++) {
    const text = await inBrowserWindow(
      browser,
      `(async () => {
        const shown = PopupNotifications._currentNotifications.some((n) => n.id === 'addon-webext-permissions');
        const prompt = document.getElementById('addon-webext-permissions-notification');
        if (!shown || !prompt) return null;
        const text = prompt.textContent.replace(/\\s+/g, ' ').trim();
        prompt.button.click();
        return text;
      })()`,
    );
    if (typeof text === 'string') return text;
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  throw new Error('Firefox showed no permission prompt');
}

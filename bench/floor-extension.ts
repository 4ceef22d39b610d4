// Floors for Tono's two startup budgets: a bare MV3 extension that does only what any extension
// must on each path, measured in the same browser, page and way as Tono's figure, so the ratio
// shows what Tono itself adds.
// - Tab with the worker stopped: content script keydown → message → the worker starts → reply →
//   insert, with or without one IndexedDB read in the worker.
// - Panel open: an extension page that opens IndexedDB, draws the first 40 of 10 000 rows as list
//   items and focuses a search box (no framework, no search index, no styles).
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium, type BrowserContext, type Page } from 'playwright-core';
import { chromiumPath } from '../scripts/lib/browsers';
import { QUIET_FLAGS } from '../scripts/lib/chromium-with-tono';
import { DEMO_URL, demoResponse } from '../scripts/lib/demo-server';

const manifest = {
  manifest_version: 3,
  name: 'cold worker floor',
  version: '1',
  background: { service_worker: 'bg.js', type: 'module' },
  content_scripts: [{ matches: [`${DEMO_URL}*`], js: ['cs.js'], run_at: 'document_start' }],
};

// The content script replaces the shortcut before the caret with whatever the worker answers.
const CONTENT = `window.addEventListener('keydown', (event) => {
  if (event.key !== 'Tab' || !event.isTrusted) return;
  const box = event.target;
  if (!(box instanceof HTMLTextAreaElement)) return;
  event.preventDefault();
  chrome.runtime.sendMessage({ type: 'expand', shortcut: box.value }, (text) => {
    box.select();
    document.execCommand('insertText', false, text);
  });
}, true);`;

const worker = (text: string, withDb: boolean) => `
${withDb ? `const open = () => new Promise((resolve, reject) => {
  const request = indexedDB.open('floor', 1);
  request.onupgradeneeded = () => request.result.createObjectStore('templates').put(${JSON.stringify(text)}, 'thanks');
  request.onsuccess = () => resolve(request.result);
  request.onerror = () => reject(request.error);
});
const read = async (key) => {
  const db = await open();
  return new Promise((resolve) => {
    const get = db.transaction('templates').objectStore('templates').get(key);
    get.onsuccess = () => resolve(get.result);
  });
};` : `const read = async () => ${JSON.stringify(text)};`}
chrome.runtime.onMessage.addListener((message, _sender, send) => {
  read('thanks').then(send);
  return true;
});`;

// The panel floor: first rows on screen and the search box focused, then the count of every row.
const PANEL_HTML = '<!doctype html><meta charset="utf-8"><input type="search"><p class="results-count"></p><ul></ul><script src="panel.js"></script>';
const PANEL_JS = `const open = indexedDB.open('floor-panel', 1);
open.onupgradeneeded = () => open.result.createObjectStore('templates', { keyPath: 'id' });
open.onsuccess = () => {
  const store = open.result.transaction('templates').objectStore('templates');
  const first = store.getAll(null, 40);
  first.onsuccess = () => {
    const list = document.querySelector('ul');
    for (const row of first.result) {
      const item = document.createElement('li');
      item.className = 'reply';
      item.textContent = row.title + ' — ' + row.body;
      list.append(item);
    }
    document.querySelector('input').focus();
  };
  const count = store.count();
  count.onsuccess = () => { document.querySelector('.results-count').textContent = count.result + ' replies'; };
};`;

/** Runs `measure` against a bare extension answering `text`; `withDb` adds one IndexedDB read. */
export async function withFloorExtension<T>(
  text: string,
  withDb: boolean,
  measure: (page: Page, context: BrowserContext, extensionId: string) => Promise<T>,
): Promise<T> {
  const root = mkdtempSync(join(tmpdir(), 'tono-floor-'));
  const extension = join(root, 'extension');
  const profile = join(root, 'profile');
  mkdirSync(extension);
  writeFileSync(join(extension, 'manifest.json'), JSON.stringify(manifest));
  writeFileSync(join(extension, 'cs.js'), CONTENT);
  writeFileSync(join(extension, 'bg.js'), worker(text, withDb));
  writeFileSync(join(extension, 'panel.html'), PANEL_HTML);
  writeFileSync(join(extension, 'panel.js'), PANEL_JS);
  const context = await chromium.launchPersistentContext(profile, {
    executablePath: chromiumPath(),
    headless: true,
    viewport: { width: 1100, height: 800 },
    args: [...QUIET_FLAGS, `--disable-extensions-except=${extension}`, `--load-extension=${extension}`],
  });
  try {
    await context.route(`${DEMO_URL}**`, (route) => {
      const response = demoResponse(route.request().url());
      return route.fulfill({ status: response.status, contentType: response.contentType, body: response.body });
    });
    const sw = context.serviceWorkers()[0] ?? (await context.waitForEvent('serviceworker', { timeout: 15_000 }));
    const page = await context.newPage();
    await page.goto(DEMO_URL);
    await page.waitForFunction(() => Boolean((window as { tonoDemo?: unknown }).tonoDemo));
    return await measure(page, context, new URL(sw.url()).host);
  } finally {
    await context.close();
    rmSync(root, { recursive: true, force: true });
  }
}

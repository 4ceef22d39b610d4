import type { Page } from 'playwright-core';
import { launchChromiumWithTono } from '../scripts/lib/chromium-with-tono';
import { withFloorExtension } from './floor-extension';
import { percentile, report } from './report';
import { syntheticTemplates } from './search';

const BUDGET_MS = 200;
const TEMPLATES = 10_000;
const SAMPLES = 7;
const SETTLE_MS = 1_000;

// Runs in the panel page before its own scripts (plain JS string: no bundler helpers leak in).
// Records, in milliseconds since navigation start (performance.now()'s origin), the first frame
// in which reply rows are drawn and the search box has focus (interactive), and the frame in
// which the whole library is loaded (the result count shows every reply).
const readyProbe = (total: number) => `(() => {
  const marks = {};
  let resolveMarks;
  window.__tonoReady = new Promise((resolve) => { resolveMarks = resolve; });
  const check = () => {
    const rows = document.querySelectorAll('li.reply').length;
    const focused = document.activeElement && document.activeElement.getAttribute('type') === 'search';
    if (!marks.ready && rows > 0 && focused) { marks.ready = performance.now(); marks.rows = rows; }
    const count = document.querySelector('.results-count');
    if (!marks.full && count && count.textContent.startsWith('${total} ')) marks.full = performance.now();
    if (marks.ready && marks.full) { resolveMarks(marks); return; }
    requestAnimationFrame(check);
  };
  requestAnimationFrame(check);
})()`;

interface Marks {
  ready: number;
  full: number;
  rows: number;
}

/** Writes rows straight into the extension's `tono` database, the way its repository stores them. */
async function seed(page: Page, rows: unknown[], database = 'tono'): Promise<number> {
  return page.evaluate(
    ([templates, name]) =>
      new Promise<number>((resolve, reject) => {
        const open = indexedDB.open(name);
        open.onerror = () => reject(open.error);
        open.onsuccess = () => {
          const db = open.result;
          const tx = db.transaction('templates', 'readwrite');
          const store = tx.objectStore('templates');
          for (const template of templates) store.put(template);
          tx.oncomplete = () => {
            const count = db.transaction('templates').objectStore('templates').count();
            count.onsuccess = () => {
              db.close();
              resolve(count.result);
            };
          };
          tx.onerror = () => reject(tx.error);
        };
      }),
    [rows, database] as const,
  );
}

/** Side panel open → list rendered and search box focused, with 10 000 replies, in real Chromium. */
export async function benchPanelOpen(): Promise<void> {
  const tono = await launchChromiumWithTono();
  let tonoMarks: Sampled;
  try {
    const page = await tono.openSidePanel();
    await page.waitForSelector('li.reply');
    tonoMarks = await samplePanel(page, await seed(page, syntheticTemplates(TEMPLATES)));
  } finally {
    await tono.close();
  }
  // The same measurement on a bare extension page that only reads and draws the first rows.
  const floor = await withFloorExtension('', false, async (_page, context, extensionId) => {
    const page = await context.newPage();
    await page.goto(`chrome-extension://${extensionId}/panel.html`);
    return samplePanel(page, await seed(page, syntheticTemplates(TEMPLATES), 'floor-panel'));
  });
  const value = percentile(tonoMarks.ready, 50);
  report({
    name: `side panel open → interactive, ${tonoMarks.stored.toLocaleString('en')} replies`,
    value,
    unit: 'ms',
    budget: BUDGET_MS,
    details: {
      p95: percentile(tonoMarks.ready, 95).toFixed(1),
      samples: SAMPLES,
      settleMsBetweenOpens: SETTLE_MS,
      rowsInDom: tonoMarks.rows,
      wholeLibraryLoadedP50: percentile(tonoMarks.full, 50).toFixed(1),
      bareExtensionPageP50: percentile(floor.ready, 50).toFixed(1),
      ratioToBarePage: (value / percentile(floor.ready, 50)).toFixed(2),
    },
  });
}

interface Sampled {
  stored: number;
  ready: number[];
  full: number[];
  rows: number;
}

/** Reloads the page SAMPLES times (after one warm-up load) and collects its ready marks. */
async function samplePanel(page: Page, stored: number): Promise<Sampled> {
  await page.addInitScript(readyProbe(stored));
  const cdp = await page.context().newCDPSession(page);
  const ready: number[] = [];
  const full: number[] = [];
  let rows = 0;
  // The first load warms Chromium's caches for the extension files, like a panel opened before.
  for (let i = 0; i <= SAMPLES; i++) {
    await page.reload();
    // Read through the DevTools protocol: Playwright's own page helpers inject a script of theirs
    // (about 20 ms of main-thread work) into the page while it is still starting.
    const answer = (await cdp.send('Runtime.evaluate', { expression: 'window.__tonoReady', awaitPromise: true, returnByValue: true, timeout: 15_000 })) as {
      result: { value: Marks };
    };
    const marks = answer.result.value;
    rows = marks.rows;
    // Each open starts from a settled browser, as a person opens the panel: reloading at once
    // would queue this page's IndexedDB open behind the last page's reads (about +300 ms here).
    await page.waitForTimeout(SETTLE_MS);
    if (i === 0) continue;
    ready.push(marks.ready);
    full.push(marks.full);
  }
  return { stored, ready, full, rows };
}

import type { Page } from 'playwright-core';
import { launchChromiumWithTono } from '../scripts/lib/chromium-with-tono';
import { withFloorExtension } from './floor-extension';
import { percentile, report } from './report';
import { syntheticTemplates } from './search';

const BUDGET_MS = 200;
const TEMPLATES = 10_000;
const SAMPLES = 7;

// Runs in the panel page before its own scripts (plain JS string: no bundler helpers leak in).
// Records, in milliseconds since navigation start (performance.now()'s origin), the first frame
// in which reply rows are drawn and the search box has focus (interactive), and the frame in
// which the whole library is loaded (the result count shows every reply).
const readyProbe = (total: number) => `(() => {
  const marks = {};
  const check = () => {
    const rows = document.querySelectorAll('li.reply').length;
    const focused = document.activeElement && document.activeElement.getAttribute('type') === 'search';
    if (!marks.ready && rows > 0 && focused) { marks.ready = performance.now(); marks.rows = rows; }
    const count = document.querySelector('.results-count');
    if (!marks.full && count && count.textContent.startsWith('${total} ')) marks.full = performance.now();
    if (marks.ready && marks.full) { window.__tonoReady = marks; return; }
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
  const ready: number[] = [];
  const full: number[] = [];
  let rows = 0;
  // The first load warms Chromium's caches for the extension files, like a panel opened before.
  for (let i = 0; i <= SAMPLES; i++) {
    await page.reload();
    const handle = await page.waitForFunction(() => (window as { __tonoReady?: Marks }).__tonoReady, undefined, {
      timeout: 15_000,
    });
    const marks = (await handle.jsonValue()) as Marks;
    rows = marks.rows;
    if (i === 0) continue;
    ready.push(marks.ready);
    full.push(marks.full);
  }
  return { stored, ready, full, rows };
}

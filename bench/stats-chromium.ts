// The Stats view in real Chromium over rollups built from the benchmark's events: from the click
// on the Stats tab until the figures and both charts are on screen, in a 360 px side panel.
import { launchChromiumWithTono } from '../scripts/lib/chromium-with-tono';
import { statsConfigFingerprint, type StatsConfig } from '../src/shared/domain/stats/config';
import type { RollupRow } from '../src/shared/domain/stats/rollup';
import { encodeRollup } from '../src/shared/domain/stats/rollup-codec';
import { percentile } from './report';

type PlainRow = Omit<ReturnType<typeof encodeRollup>, 'sums' | 'counts'> & { sums: number[]; counts: number[] };

// Runs in the panel page: writes the rows (typed arrays rebuilt from plain ones) and the settings.
const SEED = `async ([rows, config, applied]) => {
  const db = await new Promise((resolve, reject) => {
    const open = indexedDB.open('tono');
    open.onsuccess = () => resolve(open.result);
    open.onerror = () => reject(open.error);
  });
  await new Promise((resolve, reject) => {
    const tx = db.transaction(['statRollups', 'settings'], 'readwrite');
    const store = tx.objectStore('statRollups');
    store.clear();
    for (const row of rows) store.put({ ...row, sums: Float64Array.from(row.sums), counts: Uint32Array.from(row.counts) });
    tx.objectStore('settings').put({ key: 'responseTimeConfig', value: config });
    tx.objectStore('settings').put({ key: 'responseTimeApplied', value: applied });
    tx.oncomplete = resolve;
    tx.onerror = () => reject(tx.error);
  });
  db.close();
}`;

// Runs in the panel page: clicks the tab and waits for the cards and two chart canvases.
const OPEN_STATS = `() => new Promise((resolve) => {
  const tab = [...document.querySelectorAll('[role="tab"]')].find((t) => t.textContent.trim() === 'Stats');
  const done = () => document.querySelector('.stats-cards') && document.querySelectorAll('.stats-chart canvas').length >= 2;
  const start = performance.now();
  const observer = new MutationObserver(() => {
    if (done()) { observer.disconnect(); resolve(performance.now() - start); }
  });
  observer.observe(document.body, { childList: true, subtree: true });
  tab.click();
})`;

/** Median time to show the Stats view over `rows`, in ms, and the samples. */
export async function statsViewInChromium(rows: RollupRow[], config: StatsConfig): Promise<{ median: number; p95: number; samples: number }> {
  const plain: PlainRow[] = rows.map((row) => {
    const stored = encodeRollup(row);
    return { ...stored, sums: Array.from(stored.sums, (v) => (Number.isNaN(v) ? null : v)) as number[], counts: Array.from(stored.counts) };
  });
  // JSON has no NaN: null → NaN again in the page (Float64Array.from maps null to 0, so restore it).
  const seed = SEED.replace('Float64Array.from(row.sums)', 'Float64Array.from(row.sums, (v) => (v === null ? NaN : v))');
  const tono = await launchChromiumWithTono();
  try {
    const panel = await tono.openSidePanel();
    await panel.setViewportSize({ width: 360, height: 900 });
    await panel.evaluate(`(${seed})(${JSON.stringify([plain, config, statsConfigFingerprint(config)])})`);
    const samples: number[] = [];
    for (let i = 0; i < 8; i++) {
      await panel.reload();
      await panel.waitForSelector('[role="tab"]');
      samples.push(Number(await panel.evaluate(`(${OPEN_STATS})()`)));
    }
    const measured = samples.slice(1); // the first load also compiles the panel's code
    return { median: percentile(measured, 50), p95: percentile(measured, 95), samples: measured.length };
  } finally {
    await tono.close();
  }
}

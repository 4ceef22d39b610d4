// CSV and JSON export of 1 000 000 reply events in real Chromium, in the built extension's own
// IndexedDB: the Stats view's Export buttons clicked in the side panel page (the file is built in
// the panel's export worker) until the file's Blob is handed to the download, with the panel's
// main thread watched throughout (long tasks, frame gaps). Side by side: the naive export (one
// toArray, one string, one Blob, in the page) measured the same way.
import { availableParallelism, loadavg } from 'node:os';
import type { Page } from 'playwright-core';
import { launchChromiumWithTono } from '../scripts/lib/chromium-with-tono';
import { CSV_HEADER } from '../src/shared/domain/stats/export-format';
import type { MainThreadWatch } from './main-thread-watch';
import { bundlePageScript } from '../scripts/lib/page-bundle';
import { report } from './report';

/** "Streams without freezing the UI": no main-thread block longer than a long task. */
const BLOCK_BUDGET_MS = 50;

interface Seeded {
  stored: number;
  totalMs: number;
  generateMs: number;
}
interface Measured extends MainThreadWatch {
  totalMs: number;
  bytes: number;
  newlines: number;
  firstLine: string;
}
interface PageBench {
  seed(count: number): Promise<Seeded>;
  exportByClick(button: 0 | 1): Promise<Measured>;
  exportNaive(): Promise<Measured>;
  idle(ms: number): Promise<MainThreadWatch>;
}
type BenchCall = { [K in keyof PageBench]: [K, ...Parameters<PageBench[K]>] }[keyof PageBench];

function call<R>(page: Page, ...args: BenchCall): Promise<R> {
  return page.evaluate(
    ([name, ...rest]) => {
      const bench = (globalThis as unknown as { tonoExportBench: Record<string, (...a: unknown[]) => Promise<unknown>> }).tonoExportBench;
      return bench[name as string]!(...rest);
    },
    args as unknown[],
  ) as Promise<R>;
}

const mb = (bytes: number) => `${(bytes / 1e6).toFixed(1)} MB`;
const ms = (value: number) => Math.round(value);

/** The rows of an export, checked against what was stored; throws when any is missing. */
function verifiedRows(result: Measured, format: 'csv' | 'json', count: number): number {
  // CSV: a header line, then one CRLF-terminated line per event. JSON: a head line, one line per
  // event, and a two-line tail.
  const rows = format === 'csv' ? result.newlines - 1 : result.newlines - 2;
  const headerOk = format === 'csv' ? result.firstLine === CSV_HEADER : result.firstLine.startsWith('{"format":"tono-stats"');
  if (rows !== count || !headerOk) throw new Error(`${format} export: ${rows} rows for ${count} events, header ${JSON.stringify(result.firstLine)}`);
  return rows;
}

function blockDetails(result: Measured) {
  return {
    totalMs: ms(result.totalMs),
    longTasks: result.longTasks,
    longTaskTotalMs: ms(result.longTaskTotalMs),
    maxFrameGapMs: ms(result.maxFrameGapMs),
    frames: result.frames,
  };
}

export async function benchStatsExport(count = 1_000_000): Promise<void> {
  const script = await bundlePageScript(new URL('./stats-export-page.ts', import.meta.url), 'tonoExportBenchBundle');
  const tono = await launchChromiumWithTono();
  try {
    const panel = await tono.openSidePanel();
    await panel.setViewportSize({ width: 360, height: 900 });
    await panel.evaluate(script);
    const seeded = await call<Seeded>(panel, 'seed', count);
    if (seeded.stored !== count) throw new Error(`seeded ${seeded.stored} of ${count} events`);
    const setup = `generate ${ms(seeded.generateMs)} ms within ${ms(seeded.totalMs)} ms to store ${count.toLocaleString('en')} events (raw IndexedDB puts, 50 000 per transaction)`;
    console.log(`  setup: ${setup}`);

    // The panel as a user opens it over that database, then its Stats tab.
    await panel.reload();
    await panel.waitForSelector('[role="tab"]');
    await panel.evaluate(script);
    await panel.getByRole('tab', { name: 'Stats', exact: true }).click();
    await panel.waitForSelector('.stats-export button:not([disabled])');

    const idle = await call<MainThreadWatch>(panel, 'idle', 10_000);
    const load = loadavg()[0]!.toFixed(1);
    const csv = await call<Measured>(panel, 'exportByClick', 0);
    const csvRows = verifiedRows(csv, 'csv', count);
    await panel.waitForSelector('.stats-export button:not([disabled])');
    const json = await call<Measured>(panel, 'exportByClick', 1);
    const jsonRows = verifiedRows(json, 'json', count);
    // CSV again, warm and later: a loaded machine's blocks show up as a difference between the two.
    await panel.waitForSelector('.stats-export button:not([disabled])');
    const again = await call<Measured>(panel, 'exportByClick', 0);
    verifiedRows(again, 'csv', count);
    const naive = await call<Measured>(panel, 'exportNaive');
    verifiedRows(naive, 'csv', count);

    const label = count.toLocaleString('en').replaceAll(',', ' ');
    report({
      name: `CSV export of ${label} events: longest main-thread block`,
      value: Math.max(csv.longestTaskMs, again.longestTaskMs),
      unit: 'ms',
      budget: BLOCK_BUDGET_MS,
      details: {
        ...blockDetails(csv),
        secondRun: `longest ${ms(again.longestTaskMs)} ms, ${again.longTasks} long tasks, max frame gap ${ms(again.maxFrameGapMs)} ms, ${ms(again.totalMs)} ms`,
        size: mb(csv.bytes),
        rows: `${csvRows} + header, verified`,
        naiveLongestBlockMs: ms(naive.longestTaskMs),
        naiveMaxFrameGapMs: ms(naive.maxFrameGapMs),
        naiveTotalMs: ms(naive.totalMs),
        naiveLongTasks: naive.longTasks,
        blockRatio: `${(naive.maxFrameGapMs / Math.max(1, csv.maxFrameGapMs)).toFixed(0)}x shorter frame gap than naive`,
        totalRatio: `${(csv.totalMs / naive.totalMs).toFixed(2)}x the naive total`,
        idleLongestBlockMs: ms(idle.longestTaskMs),
        idleMaxFrameGapMs: ms(idle.maxFrameGapMs),
        idleLongTasks: `${idle.longTasks} in 10 s with nothing running (load average ${load} on ${availableParallelism()} cores)`,
        path: 'Stats view Export CSV click → Blob (Chromium, extension IndexedDB)',
      },
    });
    report({
      name: `JSON export of ${label} events: longest main-thread block`,
      value: json.longestTaskMs,
      unit: 'ms',
      budget: BLOCK_BUDGET_MS,
      details: { ...blockDetails(json), size: mb(json.bytes), rows: `${jsonRows}, verified` },
    });
  } finally {
    await tono.close();
  }
}

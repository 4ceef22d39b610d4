// Stats over 1 000 000 reply events: the rollups kept on write against computing from raw events,
// and the cost of recording one event. Runs in Node on fake-indexeddb (an in-memory IndexedDB
// written in JavaScript): absolute figures are slower than Chromium's IndexedDB, the ratio is the point.
import Dexie from 'dexie';
import { IDBKeyRange, indexedDB } from 'fake-indexeddb';
import { TonoDatabase } from '../src/shared/db/database';
import { ReplyEventsRepo } from '../src/shared/db/repos/reply-events';
import { StatsRepo } from '../src/shared/db/repos/stats';
import type { ReplyEvent } from '../src/shared/db/types';
import { PLATFORMS } from '../src/shared/domain/platform';
import { calendarOf, defaultStatsConfig, type StatsConfig } from '../src/shared/domain/stats/config';
import { deriveTimes } from '../src/shared/domain/stats/event-times';
import { exactFromEvents, periodEnding, reportFromRows, totalFromRows } from '../src/shared/domain/stats/report';
import { rowsFromEvents } from '../src/shared/domain/stats/rollup';
import { encodeRollup } from '../src/shared/domain/stats/rollup-codec';
import { dayKeyOf } from '../src/shared/domain/stats/zone';
import { percentile, report } from './report';
import { statsViewInChromium } from './stats-chromium';

const VIEW_BUDGET_MS = 150;
const RECORD_BUDGET_MS = 5;
const NOW = Date.now();
const DAY = 86_400_000;

/** Deterministic pseudo-random numbers, so every run measures the same data. */
function mulberry32(seed: number): () => number {
  let a = seed;
  return () => {
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** `count` events over the last 180 days: both the 90-day view and its previous period cover all of them. */
function generate(count: number, config: StatsConfig): ReplyEvent[] {
  const random = mulberry32(42);
  const calendar = calendarOf(config);
  const accounts = ['@marca', '@soporte', null];
  const events: ReplyEvent[] = [];
  for (let i = 0; i < count; i++) {
    const submittedAt = NOW - Math.floor(random() * 180 * DAY);
    // Log-uniform response times from 10 s to ~3 days, some without a comment time.
    const response = Math.round(10 * Math.exp(random() * 10)) * 1000;
    const raw = {
      commentAt: random() < 0.05 ? null : submittedAt - response,
      commentPrecision: 'exact' as const,
      firstFocusAt: submittedAt - Math.round(random() * 600_000),
      submittedAt,
    };
    events.push({
      id: `bench-${i.toString(36).padStart(6, '0')}`,
      platform: PLATFORMS[i % 9]!,
      account: accounts[Math.floor(i / 9) % 3]!,
      threadHash: null,
      firstFocusAt: raw.firstFocusAt,
      submittedAt,
      templateId: random() < 0.4 ? `tpl-${i % 25}` : null,
      ...deriveTimes(raw, calendar),
    });
  }
  return events;
}

const time = async <T>(run: () => Promise<T> | T): Promise<[T, number]> => {
  const start = performance.now();
  const value = await run();
  return [value, performance.now() - start];
};

export async function benchStats(count = 1_000_000): Promise<void> {
  Dexie.dependencies.indexedDB = indexedDB;
  Dexie.dependencies.IDBKeyRange = IDBKeyRange;
  const config: StatsConfig = { ...defaultStatsConfig(), timeZone: 'Europe/Madrid', platformTargets: { x: 1800 } };
  const [events, generateMs] = await time(() => generate(count, config));

  const name = `tono-bench-stats-${crypto.randomUUID()}`;
  const db = new TonoDatabase(name);
  try {
    await db.open();
    const stats = new StatsRepo(db);
    await stats.saveConfig(config);
    const [, loadMs] = await time(async () => {
      for (let i = 0; i < events.length; i += 50_000) await db.replyEvents.bulkPut(events.slice(i, i + 50_000));
    });
    // What record() keeps on every write; the unit tests prove the two are equal.
    const [rows, rollupBuildMs] = await time(() => [...rowsFromEvents(events, config).values()]);
    await db.statRollups.bulkPut(rows.map(encodeRollup));

    // The Stats view's query: the last 90 days and the 90 before, from the rollups.
    const samples: number[] = [];
    let fromRollups = await stats.periodReports(90, NOW);
    for (let i = 0; i < 7; i++) {
      const [value, ms] = await time(() => stats.periodReports(90, NOW));
      fromRollups = value;
      samples.push(ms);
    }
    const rollupMs = percentile(samples, 50);
    // The same query split: reading and decoding the rows, then merging them into the report.
    const range = periodEnding(dayKeyOf(config.timeZone, NOW), 90);
    const readSamples: number[] = [];
    const mergeSamples: number[] = [];
    for (let i = 0; i < 5; i++) {
      const [read, readMs] = await time(() => stats.periodRows(range));
      const [, mergeMs] = await time(() => [reportFromRows(read, range.current), totalFromRows(read, range.previous)]);
      readSamples.push(readMs);
      mergeSamples.push(mergeMs);
    }

    // The same figures from raw events: read every event of both periods, sort, compute exactly.
    const [raw, rawReadMs] = await time(() =>
      db.replyEvents.where('submittedAt').between(NOW - 200 * DAY, NOW + DAY).toArray(),
    );
    const [exact, rawComputeMs] = await time(() => ({
      current: exactFromEvents(raw, config, range.current),
      previous: exactFromEvents(raw, config, range.previous),
    }));
    const rawMs = rawReadMs + rawComputeMs;
    const relError = (a: number | null, b: number | null) => (a !== null && b ? Math.abs(a - b) / b : 0);
    const fast = fromRollups.current.total.response;
    const slow = exact.current.total.response;

    report({
      name: `stats view over ${count.toLocaleString('en')} events (rollups)`,
      value: rollupMs,
      unit: 'ms',
      budget: VIEW_BUDGET_MS,
      details: {
        rollupRowsStored: rows.length,
        readRowsMs: Math.round(percentile(readSamples, 50)),
        mergeMs: Math.round(percentile(mergeSamples, 50)),
        fromRawMs: Math.round(rawMs),
        rawReadMs: Math.round(rawReadMs),
        rawComputeMs: Math.round(rawComputeMs),
        ratio: `${Math.round(rawMs / rollupMs)}x`,
        countsMatch: String(
          fromRollups.current.total.count === exact.current.total.count &&
            fromRollups.previous.total.count === exact.previous.total.count &&
            fast.within === slow.within,
        ),
        medianErrPct: (relError(fast.median, slow.median) * 100).toFixed(2),
        p90ErrPct: (relError(fast.p90, slow.p90) * 100).toFixed(2),
        fastest90ErrPct: (relError(fast.fastest90Mean, slow.fastest90Mean) * 100).toFixed(2),
        engine: 'fake-indexeddb (Node)',
        setup: `generate ${Math.round(generateMs)} ms, load ${Math.round(loadMs)} ms, rollup build ${Math.round(rollupBuildMs)} ms`,
      },
    });

    // The same rollups in real Chromium: the view as the user sees it, charts included.
    const chromium = await statsViewInChromium(rows, config);
    report({
      name: `stats view over ${count.toLocaleString('en')} events (Chromium, click → charts)`,
      value: chromium.median,
      unit: 'ms',
      budget: VIEW_BUDGET_MS,
      details: { p95: chromium.p95.toFixed(1), samples: chromium.samples, rollupRows: rows.length, panelWidth: '360 px' },
    });

    // Recording one event into the full database: derive times, read and write the event and its rollup row.
    const repo = new ReplyEventsRepo(db);
    const recordSamples: number[] = [];
    const random = mulberry32(7);
    for (let i = 0; i < 1000; i++) {
      const submittedAt = NOW - Math.floor(random() * 30 * DAY);
      const [, ms] = await time(() =>
        repo.record({
          id: crypto.randomUUID(),
          platform: PLATFORMS[i % 9]!,
          account: '@marca',
          threadHash: null,
          commentAt: submittedAt - Math.round(random() * 7200_000),
          commentPrecision: 'exact',
          firstFocusAt: submittedAt - 30_000,
          submittedAt,
          templateId: null,
        }),
      );
      recordSamples.push(ms);
    }
    report({
      name: 'record one reply event (+ rollup, one transaction)',
      value: percentile(recordSamples, 95),
      unit: 'ms',
      budget: RECORD_BUDGET_MS,
      details: { p50: percentile(recordSamples, 50).toFixed(2), samples: recordSamples.length, engine: 'fake-indexeddb (Node)' },
    });
  } finally {
    db.close();
    await Dexie.delete(name);
  }
}

import Dexie from 'dexie';
import fc from 'fast-check';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { TonoDatabase } from '../../src/shared/db/database';
import { ReplyEventsRepo, StorageFullError, type ReplyEventInput } from '../../src/shared/db/repos/reply-events';
import { RollupCorruptError, StatsRepo } from '../../src/shared/db/repos/stats';
import type { ReplyEvent } from '../../src/shared/db/types';
import { PLATFORMS } from '../../src/shared/domain/platform';
import { defaultStatsConfig, type StatsConfig } from '../../src/shared/domain/stats/config';
import { RELATIVE_ERROR_BOUND } from '../../src/shared/domain/stats/histogram';
import { exactFromEvents, reportFromRows } from '../../src/shared/domain/stats/report';
import { METRICS, rowsFromEvents } from '../../src/shared/domain/stats/rollup';
import { decodeRollup, encodeRollup, isValidStoredRollup } from '../../src/shared/domain/stats/rollup-codec';

let db: TonoDatabase;
let name: string;
let repo: ReplyEventsRepo;
let stats: StatsRepo;

const CONFIG: StatsConfig = { ...defaultStatsConfig(), timeZone: 'Europe/Madrid', targetSeconds: 1800, platformTargets: { x: 600 } };
const T0 = Date.UTC(2025, 2, 24, 8); // Monday 09:00 in Madrid; the property spans the DST change

beforeEach(async () => {
  name = `tono-stats-test-${crypto.randomUUID()}`;
  db = new TonoDatabase(name);
  await db.open();
  repo = new ReplyEventsRepo(db);
  stats = new StatsRepo(db);
  await stats.saveConfig(CONFIG);
});

afterEach(async () => {
  db.close();
  await Dexie.delete(name);
});

const input = (overrides: Partial<ReplyEventInput> = {}): ReplyEventInput => ({
  id: 'e1',
  platform: 'x',
  account: '@marca',
  threadHash: null,
  commentAt: T0 - 600_000,
  commentPrecision: 'exact',
  firstFocusAt: T0 - 60_000,
  submittedAt: T0,
  templateId: 'tpl-1',
  ...overrides,
});

/** Rollup rows as stored, decoded. */
const storedRows = async () => (await db.statRollups.toArray()).map(decodeRollup);

/** Rollups as stored, keyed, compared with the same rows rebuilt from the stored events. */
async function expectRollupsMatchEvents(): Promise<void> {
  const events = await db.replyEvents.toArray();
  const expected = rowsFromEvents(events, await stats.config());
  const stored = await storedRows();
  expect(new Map(stored.map((row) => [row.key, row]))).toEqual(expected);
}

const eventArb = fc.record({
  id: fc.constantFrom('a', 'b', 'c', 'd', 'e', 'f', 'g', 'h'),
  platform: fc.constantFrom(...PLATFORMS.slice(0, 3)),
  account: fc.constantFrom(null, '@marca', '@otra'),
  commentOffset: fc.option(fc.integer({ min: -3 * 60_000, max: 3 * 86_400_000 }), { nil: null }),
  focusOffset: fc.option(fc.integer({ min: -60_000, max: 3_600_000 }), { nil: null }),
  submittedAt: fc.integer({ min: T0, max: T0 + 14 * 86_400_000 }),
  templateId: fc.constantFrom(null, 'tpl-1', 'tpl-2'),
  // Eighths add up exactly in binary, so incremental and rebuilt sums can be compared with toEqual.
  drift: fc.option(fc.integer({ min: 0, max: 8 }).map((n) => n / 8), { nil: null }),
});

describe('rollups kept on write', () => {
  it('always equal rollups recomputed from the events (random writes, duplicates, replacements)', async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(eventArb, { minLength: 1, maxLength: 25 }), async (writes) => {
        await repo.deleteAll();
        for (const w of writes) {
          await repo.record(
            input({
              id: w.id,
              platform: w.platform,
              account: w.account,
              commentAt: w.commentOffset === null ? null : w.submittedAt - w.commentOffset,
              firstFocusAt: w.focusOffset === null ? null : w.submittedAt - w.focusOffset,
              submittedAt: w.submittedAt,
              templateId: w.templateId,
              drift: w.drift,
            }),
          );
        }
        await expectRollupsMatchEvents();
        // And the report from rollups agrees with the exact figures from the events.
        const events = await db.replyEvents.toArray();
        const range = { from: '2025-03-01', to: '2025-04-30' };
        const fromRows = reportFromRows(await stats.rows(range), range).total;
        const exact = exactFromEvents(events, CONFIG, range).total;
        expect(fromRows.count).toBe(events.length);
        // Mean drift per template, from the rollups, equals the mean over its events with a drift.
        for (const { templateId, drift } of reportFromRows(await stats.rows(range), range).templates) {
          const measured = events.filter((e) => e.templateId === templateId && typeof e.drift === 'number');
          expect(drift).toBe(measured.length ? measured.reduce((sum, e) => sum + e.drift!, 0) / measured.length : null);
        }
        for (const metric of METRICS) {
          const a = fromRows[metric];
          const b = exact[metric];
          expect({ n: a.n, min: a.min, max: a.max, within: a.within }).toEqual({ n: b.n, min: b.min, max: b.max, within: b.within });
          expect(fromRows.buckets[metric]).toEqual(exact.buckets[metric]);
          if (b.n > 0) {
            expect(a.mean).toBeCloseTo(b.mean!, 6);
            for (const q of ['median', 'p90', 'fastest90Mean'] as const) {
              expect(Math.abs(a[q]! - b[q]!)).toBeLessThanOrEqual(b[q]! * RELATIVE_ERROR_BOUND + 1e-6);
            }
          }
        }
      }),
      { numRuns: 40 },
    );
  });

  it('counts a duplicate submit once and replaces a changed event without double counting', async () => {
    await repo.record(input());
    await repo.record(input());
    expect(await db.replyEvents.count()).toBe(1);
    expect((await storedRows()).map((r) => [r.key, r.count])).toEqual([
      ['a|2025-03-24|@marca', 1],
      ['p|2025-03-24|x', 1],
    ]);
    // Same id with a later comment time: the old contribution (also the row's min and max) goes.
    await repo.record(input({ commentAt: T0 - 120_000 }));
    const row = (await storedRows()).find((r) => r.kind === 'p');
    expect(row).toMatchObject({ count: 1, response: { n: 1, min: 120, max: 120, sum: 120 } });
    await expectRollupsMatchEvents();
  });

  it('moves an event between rows when a replacement changes its day or platform', async () => {
    await repo.record(input());
    await repo.record(input({ platform: 'tiktok', submittedAt: T0 + 86_400_000 }));
    const rows = await storedRows();
    expect(rows.map((r) => [r.kind, r.day, r.platform ?? r.account, r.count])).toEqual([
      ['a', '2025-03-25', '@marca', 1],
      ['p', '2025-03-25', 'tiktok', 1],
    ]);
  });

  it('compares with the previous period: its total is the full report’s total, from its own days only', async () => {
    const DAY = 86_400_000;
    const at = (days: number, id: string, platform: ReplyEventInput['platform'], minutes: number) =>
      repo.record(input({ id, platform, submittedAt: T0 - days * DAY, commentAt: T0 - days * DAY - minutes * 60_000 }));
    await at(0, 'now-x', 'x', 5);
    await at(8, 'before-x', 'x', 20);
    await at(9, 'before-f', 'facebook', 40);
    await at(13, 'before-t', 'tiktok', 90);
    await at(14, 'too-old', 'x', 1); // before the previous period
    const { previous, range } = await stats.periodReports(7, T0);
    expect(previous.total.count).toBe(3);
    expect(previous.total.response).toMatchObject({ n: 3, min: 1200, max: 5400, mean: (1200 + 2400 + 5400) / 3 });
    expect(previous).toEqual({ total: reportFromRows(await stats.rows(range.previous), range.previous).total });
  });

  it('counts within target per platform (x: 10 min, others: 30 min)', async () => {
    await repo.record(input({ id: 'x1', platform: 'x', commentAt: T0 - 15 * 60_000 }));
    await repo.record(input({ id: 'f1', platform: 'facebook', commentAt: T0 - 15 * 60_000 }));
    const report = (await stats.periodReports(7, T0)).current;
    expect(report.byPlatform.find((p) => p.platform === 'x')?.response.within).toBe(0);
    expect(report.byPlatform.find((p) => p.platform === 'facebook')?.response.within).toBe(1);
    expect(report.total.response.withinShare).toBe(0.5);
  });

  it('stores counts in one byte while they fit, and widens a row as soon as one passes 255', async () => {
    await repo.record(input({ id: 'first', commentAt: T0 - 60_000 }));
    const counts = async (kind: string) => (await db.statRollups.toArray()).find((row) => row.kind === kind)!.counts;
    expect(await counts('a')).toBeInstanceOf(Uint8Array);
    // 300 replies answered within the same minute: one histogram bin counts 300.
    await db.transaction('rw', db.replyEvents, db.statRollups, db.settings, async () => {
      for (let i = 0; i < 299; i++) await repo.record(input({ id: `same-${i}`, commentAt: T0 - 60_000 }));
    });
    expect(await counts('a')).toBeInstanceOf(Uint16Array);
    expect(await counts('p')).toBeInstanceOf(Uint16Array);
    await expectRollupsMatchEvents();
    expect((await stats.periodReports(7, T0)).current.total.response.n).toBe(300);
  });

  it('encodes in four bytes only past 65 535, and round-trips every width', () => {
    const event = { platform: 'x' as const, account: null, submittedAt: T0, templateId: null, responseSeconds: 60, handleSeconds: 30 };
    for (const [n, width] of [[255, Uint8Array], [256, Uint16Array], [65_535, Uint16Array], [65_536, Uint32Array]] as const) {
      const row = [...rowsFromEvents(new Array<typeof event>(n).fill(event), CONFIG).values()][0]!;
      const stored = encodeRollup(row);
      expect(stored.counts).toBeInstanceOf(width);
      expect(isValidStoredRollup(stored)).toBe(true);
      const decoded = decodeRollup(stored);
      expect(decoded).toEqual(row);
      expect(decoded.response.hist).toBeInstanceOf(Uint32Array);
    }
  });

  it('keeps reading and adding to rows stored with four-byte counts (before counts were narrowed)', async () => {
    await repo.record(input({ id: 'old-1' }));
    const rows = await db.statRollups.toArray();
    await db.statRollups.bulkPut(rows.map((row) => ({ ...row, counts: Uint32Array.from(row.counts) })));
    expect((await db.statRollups.toArray()).every((row) => row.counts instanceof Uint32Array)).toBe(true);
    expect(await stats.ensureConsistent()).toBe('ok');
    await repo.record(input({ id: 'old-2', commentAt: T0 - 120_000 }));
    await expectRollupsMatchEvents();
    expect((await stats.periodReports(7, T0)).current.total.count).toBe(2);
  });
});

describe('corruption and rebuild', () => {
  it('detects a corrupted row, and rebuilds every row from the events', async () => {
    for (let i = 0; i < 5; i++) await repo.record(input({ id: `e${i}`, submittedAt: T0 + i * 3_600_000 }));
    const before = await db.statRollups.toArray();
    const [row] = before;
    const counts = row!.counts.slice();
    counts[0] = 99; // a display bucket that no longer adds up to n
    await db.statRollups.put({ ...row!, counts });
    await expect(stats.rows({ from: '2025-03-01', to: '2025-03-31' })).rejects.toBeInstanceOf(RollupCorruptError);
    expect(await stats.ensureConsistent()).toBe('rebuilt');
    expect(await db.statRollups.toArray()).toEqual(before);
  });

  it('a write into a corrupted row rebuilds that row from the events instead of trusting it', async () => {
    await repo.record(input({ id: 'e1' }));
    const [row] = await db.statRollups.toArray();
    await db.statRollups.put({ ...row!, sums: new Float64Array(3) });
    await repo.record(input({ id: 'e2', submittedAt: T0 + 60_000 }));
    await expectRollupsMatchEvents();
    expect((await storedRows())[0]?.count).toBe(2);
  });

  it('rebuilds when rows no longer add up to the events (a lost or extra row)', async () => {
    await repo.record(input());
    await db.statRollups.clear();
    expect(await stats.ensureConsistent()).toBe('rebuilt');
    await expectRollupsMatchEvents();
    expect(await stats.ensureConsistent()).toBe('ok');
  });
});

describe('storage errors', () => {
  it('a failing rollup write leaves no event behind and says storage is full', async () => {
    await repo.record(input({ id: 'kept' }));
    const before = { events: await db.replyEvents.toArray(), rows: await db.statRollups.toArray() };
    db.close();
    // A database whose statRollups writes fail with the browser's quota error, as a real full disk does.
    const failing = new TonoDatabase(name);
    failing.use({
      stack: 'dbcore',
      name: 'quota',
      create: (down) => ({
        ...down,
        table: (tableName) => {
          const table = down.table(tableName);
          if (tableName !== 'statRollups') return table;
          return { ...table, mutate: () => Promise.reject(new DOMException('The quota has been exceeded.', 'QuotaExceededError')) };
        },
      }),
    });
    await failing.open();
    const error = await new ReplyEventsRepo(failing).record(input({ id: 'lost', submittedAt: T0 + 1000 })).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(StorageFullError);
    expect((error as Error).message).toMatch(/Storage is full/);
    failing.close();
    db = new TonoDatabase(name);
    await db.open();
    expect(await db.replyEvents.toArray()).toEqual(before.events);
    expect(await db.statRollups.toArray()).toEqual(before.rows);
  });
});

describe('settings changes, retention, deletion, paging', () => {
  it('recomputes business values and rollups from raw times when the hours change', async () => {
    // Tuesday 20:00 → 21:00 Madrid: outside 9–18, then inside 8–22.
    await repo.record(input({ commentAt: Date.UTC(2025, 2, 25, 19), firstFocusAt: null, submittedAt: Date.UTC(2025, 2, 25, 20) }));
    expect((await db.replyEvents.get('e1'))?.businessResponseSeconds).toBe(0);
    const late = Array.from({ length: 7 }, () => [{ start: 8 * 60, end: 22 * 60 }]);
    const progress: number[] = [];
    await stats.saveConfig({ ...CONFIG, week: late }, (done) => progress.push(done));
    expect((await db.replyEvents.get('e1'))?.businessResponseSeconds).toBe(3600);
    expect(progress.at(-1)).toBe(1);
    await expectRollupsMatchEvents();
    expect((await storedRows())[0]?.businessResponse.sum).toBe(3600);
  });

  it('regroups days when the time zone changes', async () => {
    await repo.record(input({ submittedAt: Date.UTC(2025, 2, 25, 23, 30) })); // Wednesday 00:30 in Madrid
    expect((await db.statRollups.toArray())[0]?.day).toBe('2025-03-26');
    await stats.saveConfig({ ...CONFIG, timeZone: 'America/Mexico_City' });
    expect((await db.statRollups.toArray())[0]?.day).toBe('2025-03-25');
  });

  it('a record right after a time-zone change lands in the new zone’s day (the guessed rows are not used)', async () => {
    // The same repository instance: it guesses the next record's rows from the zone it last read.
    await repo.record(input({ id: 'before', submittedAt: Date.UTC(2025, 2, 25, 12) })); // Tuesday in both zones
    await stats.saveConfig({ ...CONFIG, timeZone: 'America/Mexico_City' });
    // Wednesday 00:30 in Madrid (the guess, no rows there), Tuesday 17:30 in Mexico City (one event).
    await repo.record(input({ id: 'after', submittedAt: Date.UTC(2025, 2, 25, 23, 30) }));
    const totals = (await storedRows()).filter((row) => row.kind === 'p').map((row) => [row.day, row.count]);
    expect(totals).toEqual([['2025-03-25', 2]]);
    await expectRollupsMatchEvents();
  });

  it('prunes whole local days past the retention, events and rollups together', async () => {
    const now = Date.UTC(2025, 5, 15, 12);
    await stats.saveConfig({ ...CONFIG, retentionMonths: 2 });
    await repo.record(input({ id: 'old', submittedAt: Date.UTC(2025, 3, 14, 12) }));
    await repo.record(input({ id: 'edge', submittedAt: Date.UTC(2025, 3, 14, 22, 30) })); // 00:30 on 04-15 in Madrid
    await repo.record(input({ id: 'new', submittedAt: Date.UTC(2025, 5, 1, 12) }));
    expect(await stats.prune(now)).toBe(1);
    expect((await db.replyEvents.toCollection().primaryKeys()).sort()).toEqual(['edge', 'new']);
    await expectRollupsMatchEvents();
  });

  it('deletes every event and rollup', async () => {
    await repo.record(input());
    await repo.deleteAll();
    expect(await db.replyEvents.count()).toBe(0);
    expect(await db.statRollups.count()).toBe(0);
  });

  it('pages through events in time order with a cursor, ties broken by id', async () => {
    const ids = ['c', 'a', 'b', 'd', 'e'];
    for (const [i, id] of ids.entries()) await repo.record(input({ id, submittedAt: T0 + (i < 3 ? 0 : i) }));
    const seen: ReplyEvent[] = [];
    let after: [number, string] | null = null;
    for (;;) {
      const page: ReplyEvent[] = await repo.page(after, 2);
      if (page.length === 0) break;
      seen.push(...page);
      const last = page[page.length - 1]!;
      after = [last.submittedAt, last.id];
    }
    expect(seen.map((e) => e.id)).toEqual(['a', 'b', 'c', 'd', 'e']);
  });
});

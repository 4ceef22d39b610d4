import Dexie from 'dexie';
import { afterEach, describe, expect, it } from 'vitest';
import { TonoDatabase } from '../../src/shared/db/database';
import { MIGRATIONS } from '../../src/shared/db/migrations';
import { StatsRepo } from '../../src/shared/db/repos/stats';
import { normalizeStatsConfig } from '../../src/shared/domain/stats/config';
import { rowsFromEvents } from '../../src/shared/domain/stats/rollup';
import { decodeRollup } from '../../src/shared/domain/stats/rollup-codec';
import { storedEvent } from './test-db';

const names: string[] = [];
afterEach(async () => {
  for (const name of names.splice(0)) await Dexie.delete(name);
});

const BEFORE_004 = MIGRATIONS.findIndex((m) => m.version === 4);

/** A new database at the schema just before migration index `before`, deleted after the test. */
async function openBefore(before: number): Promise<{ name: string; old: TonoDatabase }> {
  const name = `tono-stats-migration-${crypto.randomUUID()}`;
  names.push(name);
  const old = new TonoDatabase(name, MIGRATIONS.slice(0, before));
  await old.open();
  return { name, old };
}

/** A reply event as stored before 004: no business-hours fields. */
const v3Event = (n: number, commentAt: number | null) => ({
  id: `00000000-0000-4000-8000-00000000000${n}`,
  platform: n % 2 ? 'x' : 'facebook',
  account: null,
  threadHash: null,
  commentAt,
  commentPrecision: commentAt === null ? 'unknown' : 'exact',
  firstFocusAt: null,
  submittedAt: Date.UTC(2025, 2, 4, 10) + n * 86_400_000,
  templateId: null,
  responseSeconds: commentAt === null ? null : 3 * 3600,
  handleSeconds: null,
});

describe('004: stats', () => {
  it('derives business values for existing events and builds rollups from them', async () => {
    const { name, old } = await openBefore(BEFORE_004);
    await old.table('settings').put({
      key: 'responseTimeConfig',
      value: { timeZone: 'Europe/Madrid', week: [[], [{ start: 540, end: 1080 }], [], [], [], [], []], targetSeconds: 7200 },
    });
    const events = [v3Event(1, null), v3Event(6, Date.UTC(2025, 2, 10, 7)), v3Event(7, Date.UTC(2025, 2, 11, 7))];
    await old.table('replyEvents').bulkAdd(events);
    old.close();

    const db = new TonoDatabase(name);
    await db.open();
    // The frozen migration only marks the stats as not derived; the live repository derives them.
    expect(await db.statRollups.count()).toBe(0);
    expect((await db.settings.get('responseTimeApplied'))?.value).toBe('derive-after-upgrade-7');
    expect(await new StatsRepo(db).ensureCurrent()).toBe(true);
    const upgraded = await db.replyEvents.orderBy('[submittedAt+id]').toArray();
    upgraded.forEach((event, i) => expect(event).toMatchObject(events[i]!));
    // Monday 08:00 → 11:00 Madrid with Mondays 9–18 open: two business hours; Tuesday is closed.
    expect(upgraded.map((e) => e.businessResponseSeconds)).toEqual([null, 7200, 0]);
    const config = normalizeStatsConfig((await db.settings.get('responseTimeConfig'))?.value);
    expect(new Map((await db.statRollups.toArray()).map((r) => [r.key, decodeRollup(r)]))).toEqual(rowsFromEvents(upgraded, config));
    expect(await new StatsRepo(db).ensureConsistent()).toBe('ok');
    db.close();
  });
});

const BEFORE_007 = MIGRATIONS.findIndex((m) => m.version === 7);

describe('007: lean stats', () => {
  it('drops the day-total rows and unread indexes, and rebuilds platform rows that carry template usage', async () => {
    const { name, old } = await openBefore(BEFORE_007);
    const at = Date.UTC(2025, 2, 4, 10);
    const events = [1, 2, 3].map((n) =>
      storedEvent({
        id: `00000000-0000-4000-8000-00000000000${n}`,
        platform: n === 3 ? 'facebook' : 'x',
        account: '@marca',
        commentAt: at - n * 60_000,
        commentPrecision: 'exact',
        firstFocusAt: at - 30_000,
        submittedAt: at + n,
        templateId: n === 3 ? null : 'gracias',
        drift: n === 1 ? 0.5 : null,
        responseSeconds: n * 60,
        handleSeconds: 30,
      }),
    );
    await old.table('replyEvents').bulkAdd(events);
    // Rows as version 6 wrote them: a day total holding the template usage, platform rows without.
    const config = normalizeStatsConfig(undefined);
    const { encodeRollup } = await import('../../src/shared/domain/stats/rollup-codec');
    const v6Rows = [...rowsFromEvents(events, config).values()].map((row) => ({ ...encodeRollup(row), templates: {}, drift: {} }));
    const total = { ...v6Rows[0]!, key: 't|2025-03-04', kind: 't', platform: null, account: null, templates: { gracias: 2 } };
    await old.table('statRollups').bulkAdd([total, ...v6Rows]);
    old.close();

    const db = new TonoDatabase(name);
    await db.open();
    // Version 6's rows are dropped by the frozen migration and rebuilt by the live repository.
    expect(await db.statRollups.count()).toBe(0);
    expect(await new StatsRepo(db).ensureCurrent()).toBe(true);
    const rows = await db.statRollups.toArray();
    expect(rows.map((r) => r.key).sort()).toEqual(['a|2025-03-04|@marca', 'p|2025-03-04|facebook', 'p|2025-03-04|x']);
    expect(new Map(rows.map((r) => [r.key, decodeRollup(r)]))).toEqual(rowsFromEvents(await db.replyEvents.toArray(), config));
    expect(db.statRollups.schema.indexes.map((i) => i.name)).toEqual([]);
    expect(db.replyEvents.schema.indexes.map((i) => i.name)).toEqual(['[submittedAt+id]']);
    const stats = new StatsRepo(db);
    const report = (await stats.periodReports(7, at)).current;
    expect(report.total.count).toBe(3);
    expect(report.templates).toEqual([{ templateId: 'gracias', count: 2, drift: 0.5 }]);
    expect(await stats.ensureConsistent()).toBe('ok');
    db.close();
  });

  it('after the upgrade, the live rebuild reads more events than one read slice holds', async () => {
    const { name, old } = await openBefore(BEFORE_007);
    const at = Date.UTC(2025, 2, 4, 10);
    const count = 10_001; // event-slices.ts reads 10 000 at a time
    await old.table('replyEvents').bulkAdd(
      Array.from({ length: count }, (_, n) =>
        storedEvent({ id: `e-${String(n).padStart(6, '0')}`, platform: n % 3 ? 'x' : 'facebook', submittedAt: at + (n % 5) * 86_400_000 }),
      ),
    );
    old.close();

    const db = new TonoDatabase(name);
    await db.open();
    expect(await new StatsRepo(db).ensureCurrent()).toBe(true);
    const rows = (await db.statRollups.toArray()).map(decodeRollup);
    const sum = (kind: string) => rows.filter((row) => row.kind === kind).reduce((n, row) => n + row.count, 0);
    expect([sum('p'), sum('a')]).toEqual([count, count]);
    expect(rows.filter((row) => row.kind === 'p')).toHaveLength(10); // 5 days × 2 platforms
    expect(await new StatsRepo(db).ensureConsistent()).toBe('ok');
    db.close();
  }, 30_000);
});

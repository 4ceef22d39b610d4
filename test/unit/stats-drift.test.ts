import Dexie from 'dexie';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { TonoDatabase } from '../../src/shared/db/database';
import { StatsRepo } from '../../src/shared/db/repos/stats';
import type { ReplyEventInput } from '../../src/shared/db/repos/reply-events';
import { defaultStatsConfig } from '../../src/shared/domain/stats/config';
import { reportFromRows } from '../../src/shared/domain/stats/report';
import { encodeRollup, isValidStoredRollup } from '../../src/shared/domain/stats/rollup-codec';

let db: TonoDatabase;
let name: string;
let stats: StatsRepo;
const T = Date.UTC(2025, 2, 4, 10);
const DAY = { from: '2025-03-04', to: '2025-03-04' };

const event = (id: string, templateId: string | null, drift: number | null): ReplyEventInput => ({
  id, platform: 'x', account: null, threadHash: null, commentAt: T - 60_000, commentPrecision: 'exact',
  firstFocusAt: null, submittedAt: T, templateId, drift,
});

beforeEach(async () => {
  name = `tono-drift-test-${crypto.randomUUID()}`;
  db = new TonoDatabase(name);
  await db.open();
  stats = new StatsRepo(db);
  await stats.saveConfig({ ...defaultStatsConfig(), timeZone: 'UTC' });
});

afterEach(async () => {
  db.close();
  await Dexie.delete(name);
});

const templates = async () => reportFromRows(await stats.rows(DAY), DAY).templates;

describe('drift per template in the rollups', () => {
  it('reports the mean drift of each template’s replies, null when none was measured', async () => {
    await stats.events.record(event('1', 'a', 0.1));
    await stats.events.record(event('2', 'a', 0.3));
    await stats.events.record(event('3', 'a', null)); // counted as a use, not in the mean
    await stats.events.record(event('4', 'b', null));
    await stats.events.record(event('5', null, 0.9)); // no template: no drift is kept
    const report = await templates();
    expect(report.find((t) => t.templateId === 'a')).toEqual({ templateId: 'a', count: 3, drift: expect.closeTo(0.2, 10) });
    expect(report.find((t) => t.templateId === 'b')).toEqual({ templateId: 'b', count: 1, drift: null });
    expect((await db.replyEvents.get('5'))?.drift).toBeNull();
  });

  it('a changed event replaces its drift, and a rebuild from events gives the same figures', async () => {
    await stats.events.record(event('1', 'a', 0.1));
    await stats.events.record(event('2', 'a', 0.5));
    await stats.events.record(event('2', 'a', 0.3));
    expect((await templates())[0]!.drift).toBeCloseTo(0.2, 10);
    const incremental = await stats.rows(DAY);
    await stats.events.rebuildRollups();
    expect(await stats.rows(DAY)).toEqual(incremental);
    expect(await stats.ensureConsistent()).toBe('ok');
  });

  it('removing the last measured reply of a template drops its drift', async () => {
    await stats.events.record(event('1', 'a', 0.4));
    await stats.events.record(event('1', 'b', null));
    expect(await templates()).toEqual([{ templateId: 'b', count: 1, drift: null }]);
  });

  it('rows stored before drift existed stay valid; a tampered drift is corruption', async () => {
    await stats.events.record(event('1', 'a', 0.4));
    const [row] = (await stats.rows(DAY)).filter((r) => r.kind === 'p');
    const stored = encodeRollup(row!);
    const old: Partial<typeof stored> = { ...stored };
    delete old.drift;
    expect(isValidStoredRollup(old)).toBe(true);
    expect(isValidStoredRollup({ ...stored, drift: { a: { n: 1, sum: 5 } } })).toBe(false);
    expect(isValidStoredRollup({ ...stored, drift: { a: { n: -1, sum: 0 } } })).toBe(false);
    expect(isValidStoredRollup({ ...stored, drift: 'x' })).toBe(false);
  });
});

import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { ReplyEventInput } from '../../src/shared/db/repos/reply-events';
import { RollupCorruptError, StatsRepo } from '../../src/shared/db/repos/stats';
import { defaultStatsConfig, type StatsConfig } from '../../src/shared/domain/stats/config';
import { CSV_HEADER, type ExportableEvent } from '../../src/shared/domain/stats/export-format';
import { periodEnding, reportFromRows } from '../../src/shared/domain/stats/report';
import { rowsFromEvents } from '../../src/shared/domain/stats/rollup';
import { encodeRollup, isValidStoredRollup } from '../../src/shared/domain/stats/rollup-codec';
import { dayKeyOf } from '../../src/shared/domain/stats/zone';
import { readTeamFile } from '../../src/sidepanel/stats/team-import';
import { cleanPollution, expectNoPollution, HOSTILE_KEYS } from './hostile-keys';
import { storedEvent, useTestDatabase } from './test-db';

vi.mock('../../src/shared/browser', async () => {
  const { englishMessage } = await import('./en-messages');
  return { browser: { i18n: { getMessage: englishMessage, getUILanguage: () => 'en' } } };
});

const CONFIG: StatsConfig = { ...defaultStatsConfig(), timeZone: 'Europe/Madrid' };
const NOW = Date.now();
const D = 86_400_000;
/** Yesterday, a whole second: inside every plausible window and the last 7 days. */
const T = Math.floor((NOW - D) / 1000) * 1000;
const RANGE = periodEnding(dayKeyOf(CONFIG.timeZone, NOW), 7);

const database = useTestDatabase('hostile-ids');
let stats: StatsRepo;

beforeEach(async () => {
  stats = new StatsRepo(database());
  await stats.saveConfig(CONFIG);
});
afterEach(cleanPollution);

const event = (id: number, key: string): ExportableEvent => ({
  platform: 'x',
  account: key,
  submittedAt: T + id,
  commentAt: T - 600_000,
  commentPrecision: 'exact',
  firstFocusAt: null,
  responseSeconds: 600,
  handleSeconds: null,
  templateId: key,
  drift: 0.5,
});

/** What the Stats view shows for these events: the report it builds from their rollup rows. */
const reportOf = (events: readonly ExportableEvent[]) => reportFromRows([...rowsFromEvents(events, CONFIG).values()], RANGE.current);

/** Two replies with `key` as template and account, counted as such and nothing else. */
function expectCounted(events: readonly ExportableEvent[], key: string): void {
  const report = reportOf(events);
  expect(report.total.count).toBe(2);
  expect(report.withTemplate).toBe(2);
  expect(report.templates).toEqual([{ templateId: key, count: 2, drift: 0.5 }]);
  expect(report.byAccount.map((a) => [a.account, a.count])).toEqual([[key, 2]]);
}

describe('template ids and accounts that name Object.prototype members', () => {
  it.each(HOSTILE_KEYS)('%s folds into rollups as an ordinary id', (key) => {
    const events = [event(1, key), event(2, key)];
    expectCounted(events, key);
    expectNoPollution();
  });

  it.each(HOSTILE_KEYS)('%s is recorded, stored and read back by the repository', async (key) => {
    const input = (id: number): ReplyEventInput => ({ ...event(id, key), id: `e${id}`, threadHash: null });
    await stats.events.record(input(1));
    await stats.events.record(input(2));
    expectNoPollution();
    expect((await database().statRollups.toArray()).every(isValidStoredRollup)).toBe(true);
    const { current } = await stats.periodReports(7, NOW);
    expect(current.templates).toEqual([{ templateId: key, count: 2, drift: 0.5 }]);
    expect(current.byAccount.map((a) => [a.account, a.count])).toEqual([[key, 2]]);
    expectNoPollution();
  });

  it('a row an older build stored with a count turned into text is rebuilt from the events', async () => {
    const db = database();
    await db.replyEvents.put(storedEvent({ id: 'e1', submittedAt: T, templateId: 'toString' }));
    await stats.events.rebuildRollups();
    // What `(record.toString ?? 0) + 1` wrote: the inherited function's source and a 1.
    const row = (await db.statRollups.toArray()).find((r) => r.kind === 'p')!;
    await db.statRollups.put({ ...row, templates: { toString: 'function toString() { [native code] }1' } as unknown as Record<string, number> });
    await expect(stats.periodReports(7, NOW)).rejects.toThrow(RollupCorruptError);
    expect(await stats.ensureConsistent()).toBe('rebuilt');
    expect((await stats.periodReports(7, NOW)).current.templates).toEqual([{ templateId: 'toString', count: 1, drift: null }]);
  });
});

describe('reply times no boundary should have let through', () => {
  it.each([1e300, Number.NaN, Number.POSITIVE_INFINITY, -1e300, 8.64e15])('%s folds without throwing', (at) => {
    expect(() => reportOf([{ ...event(1, 'a'), submittedAt: at }])).not.toThrow();
  });

  it('an event an older build stored at the end of time does not make every upkeep rebuild', async () => {
    await database().replyEvents.put(storedEvent({ id: 'late', submittedAt: 8.64e15 }));
    await stats.events.rebuildRollups();
    expect(await stats.ensureConsistent()).toBe('ok');
    await expect(stats.periodReports(7, NOW)).resolves.toBeDefined();
  });
});

/** A teammate's file as the Stats view reads it: through the file input's File. */
const teamFile = (name: string, text: string) => readTeamFile(new File([text], name));
const jsonFile = (events: unknown[]) => JSON.stringify({ format: 'tono-stats', version: 1, events });
const csvRow = (repliedAt: string, { templateId = 'tpl', account = '', commentAt = '', response = '600' } = {}) =>
  `x,${account},${repliedAt},${commentAt},exact,${response},,,${templateId},0.5\r\n`;

/** The team view's report from whatever the import let through; it must never throw. */
function teamReport(file: Awaited<ReturnType<typeof readTeamFile>>) {
  return reportOf(file.ok ? file.events : []);
}

describe('a teammate’s stats file with hostile template ids and accounts', () => {
  it.each(HOSTILE_KEYS)('JSON: %s is counted as an ordinary id', async (key) => {
    const file = await teamFile('ana.json', jsonFile([event(1, key), event(2, key)]));
    expect(file).toMatchObject({ ok: true, skipped: 0 });
    expectCounted(file.ok ? file.events : [], key);
    expectNoPollution();
  });

  it.each(HOSTILE_KEYS)('CSV: %s is counted as an ordinary id', async (key) => {
    const at = (ms: number) => new Date(ms).toISOString();
    const file = await teamFile('ana.csv', CSV_HEADER + csvRow(at(T + 1), { templateId: key, account: key }) + csvRow(at(T + 2), { templateId: key, account: key }));
    expect(file.ok).toBe(true);
    expectCounted(file.ok ? file.events : [], key);
    expectNoPollution();
  });

  it('JSON: keys of the file and of each reply are read as its own, never inherited', async () => {
    const text = `{"format":"tono-stats","events":[{"__proto__":{"platform":"x","submittedAt":${T}},"templateId":"__proto__"}]}`;
    const file = await teamFile('ana.json', text);
    expect(file).toEqual({ ok: true, events: [], skipped: 1 });
    expectNoPollution();
  });
});

describe('a teammate’s stats file with absurd times is refused, and the Stats view keeps working', () => {
  const within = 'outside 1 January 2000 to tomorrow, which no Tono export holds. Nothing was added.';
  it.each<[string, unknown]>([
    ['1e300', 1e300],
    ['1e400 (Infinity once parsed)', '1e400'],
    ['a negative time', -5],
    ['"NaN" as text', '"NaN"'],
    ['"1e300" as text', '"1e300"'],
    ['31 December 1999', Date.UTC(1999, 11, 31)],
    ['two days from now', NOW + 2 * D],
    ['the last instant a Date holds', 8.64e15],
  ])('JSON submittedAt %s', async (_label, at) => {
    const text = jsonFile([event(1, 'a'), { ...event(2, 'a'), submittedAt: '@AT@' }]).replace('"@AT@"', String(at));
    const file = await teamFile('ana.json', text);
    expect(file).toEqual({ ok: false, message: `ana.json: reply 2 has a “submittedAt” time ${within}` });
    expect(() => teamReport(file)).not.toThrow();
  });

  it.each([
    ['commentAt', 1e300],
    ['firstFocusAt', -1],
  ])('JSON %s %s', async (field, at) => {
    const file = await teamFile('ana.json', jsonFile([{ ...event(1, 'a'), [field]: at }]));
    expect(file).toEqual({ ok: false, message: `ana.json: reply 1 has a “${field}” time ${within}` });
  });

  it.each([
    ['31 December 1999', '1999-12-31T23:59:59Z'],
    ['year 2999', '2999-01-01T00:00:00Z'],
    ['year 0005, which Date.UTC reads as 1905', '0005-01-01T00:00:00Z'],
    ['two days from now', new Date(NOW + 2 * D).toISOString()],
  ])('CSV repliedAt %s', async (_label, at) => {
    const file = await teamFile('ana.csv', CSV_HEADER + csvRow(at));
    expect(file).toEqual({ ok: false, message: `ana.csv: row 2, column “repliedAt” holds a date ${within}` });
    expect(() => teamReport(file)).not.toThrow();
  });

  it('CSV commentAt in 1999', async () => {
    const file = await teamFile('ana.csv', CSV_HEADER + csvRow(new Date(T).toISOString(), { commentAt: '1999-06-01T00:00:00Z' }));
    expect(file).toEqual({ ok: false, message: `ana.csv: row 2, column “commentAt” holds a date ${within}` });
  });

  it.each([
    ['a duration that parses to Infinity', `1${'0'.repeat(400)}`],
    ['a duration over a year', String(367 * 86_400)],
  ])('CSV %s is refused as unreadable', async (_label, response) => {
    const file = await teamFile('ana.csv', CSV_HEADER + csvRow(new Date(T).toISOString(), { response }));
    expect(file).toEqual({ ok: false, message: 'ana.csv: row 2, column “responseSeconds” holds a value Tono cannot read. Nothing was added.' });
  });

  it('JSON durations beyond a year or Infinity are dropped, not summed', async () => {
    const text = jsonFile([{ ...event(1, 'a'), responseSeconds: '@BIG@', handleSeconds: 367 * 86_400 }]).replace('"@BIG@"', '1e400');
    const file = await teamFile('ana.json', text);
    expect(file.ok && file.events[0]).toMatchObject({ responseSeconds: null, handleSeconds: null });
  });
});

describe('a teammate’s stats file that is too big', () => {
  it('is refused by its size before any of it is read', async () => {
    const read = vi.fn(async () => new ArrayBuffer(0));
    const huge = { name: 'huge.json', size: 51 * 1024 * 1024, type: 'application/json', arrayBuffer: read, text: read, stream: read, slice: read };
    const file = await readTeamFile(huge as unknown as File);
    expect(file).toEqual({ ok: false, message: 'huge.json is larger than 50 MB, the most Tono reads from one file. Nothing was added.' });
    expect(read).not.toHaveBeenCalled();
  });

  it('a file under the limit is read', async () => {
    const file = await teamFile('ana.json', jsonFile([event(1, 'a')]).padEnd(1024, ' '));
    expect(file.ok).toBe(true);
  });
});

it('stored rows keep hostile ids as own keys through the codec', () => {
  const [row] = rowsFromEvents([event(1, '__proto__')], CONFIG).values();
  const stored = structuredClone(encodeRollup(row!));
  expect(Object.keys(stored.templates)).toEqual(['__proto__']);
  expect(isValidStoredRollup(stored)).toBe(true);
});

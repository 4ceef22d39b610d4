import Dexie from 'dexie';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { TonoDatabase } from '../../src/shared/db/database';
import { ReplyEventsRepo } from '../../src/shared/db/repos/reply-events';
import { StatsRepo } from '../../src/shared/db/repos/stats';
import { defaultStatsConfig } from '../../src/shared/domain/stats/config';
import { csvField } from '../../src/shared/domain/stats/export-format';
import { parseJsonExport } from '../../src/shared/domain/stats/json-import';
import type { ReplyEvent } from '../../src/shared/db/types';
import { buildExport, EXPORT_CHUNK, type EventPages } from '../../src/sidepanel/stats/export';
import { runExport } from '../../src/sidepanel/stats/export-runner';

let db: TonoDatabase;
let name: string;
let repo: ReplyEventsRepo;
const T = Date.UTC(2025, 2, 4, 10); // Tuesday 11:00 in Madrid

beforeEach(async () => {
  name = `tono-export-test-${crypto.randomUUID()}`;
  db = new TonoDatabase(name);
  await db.open();
  repo = new ReplyEventsRepo(db);
  await new StatsRepo(db).saveConfig({ ...defaultStatsConfig(), timeZone: 'Europe/Madrid' });
  await repo.record({
    id: 'b', platform: 'x', account: '=HYPERLINK("evil")', threadHash: 'ab'.repeat(32),
    commentAt: T - 3 * 3_600_000, commentPrecision: 'exact', firstFocusAt: T - 60_000, submittedAt: T, templateId: 'tpl,1', drift: 0.25,
  });
  await repo.record({
    id: 'a', platform: 'facebook', account: null, threadHash: null,
    commentAt: null, commentPrecision: 'unknown', firstFocusAt: null, submittedAt: T - 1000, templateId: null,
  });
});

afterEach(async () => {
  db.close();
  await Dexie.delete(name);
});

describe('CSV export', () => {
  it('writes one row per reply in time order, with the documented columns', async () => {
    const progress: number[] = [];
    const blob = await buildExport(repo, 'csv', (done) => progress.push(done), 1);
    const lines = (await blob.text()).split('\r\n');
    expect(lines[0]).toBe('platform,account,repliedAt,commentAt,precision,responseSeconds,businessResponseSeconds,handleSeconds,templateId,drift');
    expect(lines[1]).toBe(`facebook,,${new Date(T - 1000).toISOString()},,unknown,,,,,`);
    expect(lines[2]).toBe(
      `x,"'=HYPERLINK(""evil"")",${new Date(T).toISOString()},${new Date(T - 3 * 3_600_000).toISOString()},exact,10800,7200,60,"tpl,1",0.25`,
    );
    expect(lines[3]).toBe('');
    expect(progress).toEqual([1, 2]); // one chunk per page
    expect(blob.type).toContain('text/csv');
  });

  it('never holds a thread hash or an id', async () => {
    const text = await (await buildExport(repo, 'csv')).text();
    expect(text).not.toContain('abab');
  });

  it('escapes fields per RFC 4180 and defuses formulas', () => {
    expect(csvField('plain')).toBe('plain');
    expect(csvField('a "b"')).toBe('"a ""b"""');
    expect(csvField('line\nbreak')).toBe('"line\nbreak"');
    expect(csvField('+34 600')).toBe("'+34 600");
    expect(csvField(-5)).toBe('-5');
    expect(csvField(null)).toBe('');
  });
});

describe('JSON export and team import', () => {
  it('is valid JSON across chunks and reads back as the same events', async () => {
    const blob = await buildExport(repo, 'json', undefined, 1, T);
    const data = JSON.parse(await blob.text()) as { format: string; events: unknown[] };
    expect(data.format).toBe('tono-stats');
    expect(data.events).toHaveLength(2);
    const parsed = parseJsonExport(await blob.text());
    if (!parsed.ok) throw new Error(JSON.stringify(parsed.error));
    const { events, skipped } = parsed;
    expect(skipped).toBe(0);
    expect(events.map((e) => [e.platform, e.responseSeconds, e.businessResponseSeconds, e.drift])).toEqual([
      ['facebook', null, null, null],
      ['x', 10_800, 7200, 0.25],
    ]);
  });

  it('an empty database exports a valid, empty file', async () => {
    await repo.deleteAll();
    expect(JSON.parse(await (await buildExport(repo, 'json')).text()).events).toEqual([]);
  });

  it('rejects other files and skips malformed rows of a teammate file', () => {
    expect(parseJsonExport('{"format":"tono-pack"}')).toEqual({ ok: false, error: { code: 'format' } });
    const parsed = parseJsonExport(
      JSON.stringify({ format: 'tono-stats', events: [{ platform: 'x', submittedAt: T, responseSeconds: -3, drift: 7, extra: 'comment text' }, { platform: 'myspace', submittedAt: T }, null] }),
    );
    if (!parsed.ok) throw new Error(JSON.stringify(parsed.error));
    expect(parsed.skipped).toBe(2);
    expect(parsed.events).toEqual([
      expect.objectContaining({ platform: 'x', submittedAt: T, responseSeconds: null, commentPrecision: 'unknown', drift: null }),
    ]);
    expect(JSON.stringify(parsed.events)).not.toContain('comment text');
  });
});

describe('export in chunks', () => {
  /** An in-memory EventPages over `count` events, logging each read and what it asked for. */
  function memorySource(count: number, log: string[] = []) {
    const events: ReplyEvent[] = Array.from({ length: count }, (_, i) => ({
      id: `e${String(i).padStart(5, '0')}`, platform: 'x', account: '@marca', threadHash: null,
      commentAt: T - 60_000, commentPrecision: 'exact', firstFocusAt: T - 30_000, submittedAt: T + i * 1000,
      templateId: i % 2 ? 'tpl' : null, responseSeconds: 60 + i, handleSeconds: 30,
    }));
    const limits: number[] = [];
    const source: EventPages = {
      async page(after, limit) {
        limits.push(limit);
        log.push('read');
        const from = after ? events.findIndex((e) => e.id === after[1]) + 1 : 0;
        return events.slice(from, from + limit);
      },
      async count() {
        return events.length;
      },
    };
    return { source, limits };
  }

  it('reads small pages and writes the same file at any chunk size', async () => {
    const { source, limits } = memorySource(150);
    const whole = await (await buildExport(source, 'csv')).text();
    expect(EXPORT_CHUNK).toBeLessThanOrEqual(1000);
    expect(limits.every((limit) => limit === EXPORT_CHUNK)).toBe(true);
    for (const chunk of [1, 7]) expect(await (await buildExport(source, 'csv', undefined, chunk)).text()).toBe(whole);
    expect(whole.split('\r\n')).toHaveLength(150 + 2); // header, 150 rows, the empty end
    const json = await (await buildExport(source, 'json', undefined, 7, T)).text();
    expect(json).toBe(await (await buildExport(source, 'json', undefined, 1000, T)).text());
    expect(JSON.parse(json).events).toHaveLength(150);
  });

  it('builds the file in the page, from the given source, where no worker can start', async () => {
    // Node has no Worker: the runner falls back to the same export, with its progress.
    expect(typeof Worker).toBe('undefined');
    const { source } = memorySource(42);
    const progress: number[] = [];
    const text = await (await runExport('csv', source, (done) => progress.push(done))).text();
    expect(text).toBe(await (await buildExport(source, 'csv')).text());
    expect(progress.at(-1)).toBe(42);
  });

  it('asks for the next page before formatting this one, and lets other tasks run between chunks', async () => {
    const log: string[] = [];
    const { source } = memorySource(30, log);
    setTimeout(() => log.push('ui'), 0);
    await buildExport(source, 'csv', () => log.push('chunk'), 10);
    expect(log.slice(0, 3)).toEqual(['read', 'read', 'chunk']);
    expect(log.indexOf('ui')).toBeLessThan(log.lastIndexOf('chunk'));
    expect(log.filter((entry) => entry === 'chunk')).toHaveLength(3);
  });
});

describe('export time slices', () => {
  afterEach(() => vi.restoreAllMocks());

  it('yields within a page when formatting takes long, and still writes the same file', async () => {
    const timers = vi.spyOn(globalThis, 'setTimeout');
    const whole = await (await buildExport(repo, 'csv')).text();
    const unsliced = timers.mock.calls.length;
    timers.mockClear();
    let clock = 0;
    vi.spyOn(performance, 'now').mockImplementation(() => (clock += 5)); // every row "takes" 5 ms
    const sliced = await (await buildExport(repo, 'csv')).text();
    expect(sliced).toBe(whole);
    // One page of two rows: the second row ends an 8 ms slice, so one more yield than at full speed.
    expect(timers.mock.calls.length).toBe(unsliced + 1);
  });
});

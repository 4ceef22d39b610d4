import Dexie from 'dexie';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { TonoDatabase } from '../../src/shared/db/database';
import { ReplyEventsRepo } from '../../src/shared/db/repos/reply-events';
import { StatsRepo } from '../../src/shared/db/repos/stats';
import { defaultStatsConfig } from '../../src/shared/domain/stats/config';
import { csvField, parseJsonExport } from '../../src/shared/domain/stats/export-format';
import { buildExport } from '../../src/sidepanel/stats/export';

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
    const { events, skipped } = parseJsonExport(await blob.text());
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
    expect(() => parseJsonExport('{"format":"tono-pack"}')).toThrow();
    const parsed = parseJsonExport(
      JSON.stringify({ format: 'tono-stats', events: [{ platform: 'x', submittedAt: 5, responseSeconds: -3, drift: 7, extra: 'comment text' }, { platform: 'myspace', submittedAt: 1 }, null] }),
    );
    expect(parsed.skipped).toBe(2);
    expect(parsed.events).toEqual([
      expect.objectContaining({ platform: 'x', submittedAt: 5, responseSeconds: null, commentPrecision: 'unknown', drift: null }),
    ]);
    expect(JSON.stringify(parsed.events)).not.toContain('comment text');
  });
});

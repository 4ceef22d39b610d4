import fc from 'fast-check';
import { beforeEach, describe, expect, it } from 'vitest';
import { TonoDatabase } from '../../src/shared/db/database';
import { StatsRepo } from '../../src/shared/db/repos/stats';
import { defaultStatsConfig } from '../../src/shared/domain/stats/config';
import { CSV_HEADER } from '../../src/shared/domain/stats/export-format';
import { parseCsvExport } from '../../src/shared/domain/stats/csv-import';
import { buildExport } from '../../src/sidepanel/stats/export';
import { useTestDatabase } from './test-db';

const T = Date.UTC(2025, 2, 4, 10);
const database = useTestDatabase('csv-import');
let db: TonoDatabase;
let stats: StatsRepo;

beforeEach(async () => {
  db = database();
  stats = new StatsRepo(db);
  await stats.saveConfig({ ...defaultStatsConfig(), timeZone: 'Europe/Madrid' });
  await stats.events.record({
    id: 'b', platform: 'x', account: '=HYPERLINK("evil")', threadHash: null, commentAt: T - 3 * 3_600_000,
    commentPrecision: 'exact', firstFocusAt: T - 60_000, submittedAt: T, templateId: 'tpl,1', drift: 0.25,
  });
  await stats.events.record({
    id: 'a', platform: 'mastodon', account: 'Marca "Sur"\nES', threadHash: null, commentAt: null,
    commentPrecision: 'unknown', firstFocusAt: null, submittedAt: T - 1000, templateId: null,
  });
});


const exported = async () => (await buildExport(stats.events, 'csv')).text();
const ok = (text: string) => {
  const result = parseCsvExport(text);
  if (!result.ok) throw new Error(JSON.stringify(result.error));
  return result.events;
};

describe('CSV team import', () => {
  it('reads Tono’s own export back: every column, formulas un-guarded, quoted newlines kept', async () => {
    expect(ok(await exported())).toEqual([
      {
        platform: 'mastodon', account: 'Marca "Sur"\nES', submittedAt: T - 1000, commentAt: null, commentPrecision: 'unknown',
        firstFocusAt: null, responseSeconds: null, businessResponseSeconds: null, handleSeconds: null,
        businessHandleSeconds: null, templateId: null, drift: null,
      },
      {
        platform: 'x', account: '=HYPERLINK("evil")', submittedAt: T, commentAt: T - 3 * 3_600_000, commentPrecision: 'exact',
        firstFocusAt: null, responseSeconds: 10_800, businessResponseSeconds: 7200, handleSeconds: 60,
        businessHandleSeconds: null, templateId: 'tpl,1', drift: 0.25,
      },
    ]);
  });

  it('reads a spreadsheet re-save: BOM, `;` separators, decimal commas, dates without T or zone, LF', async () => {
    const sheet = [
      '\ufeffplatform;account;repliedAt;commentAt;precision;responseSeconds;businessResponseSeconds;handleSeconds;templateId;drift',
      'x;@marca;2025-03-04 10:00:00;2025-03-04 07:00;exact;10800;7200;60,5;tpl-1;0,25',
      '',
    ].join('\n');
    expect(ok(sheet)).toEqual([
      expect.objectContaining({ platform: 'x', account: '@marca', submittedAt: T, commentAt: T - 3 * 3_600_000, handleSeconds: 60.5, drift: 0.25 }),
    ]);
  });

  it('reads an Excel re-save in Windows-1252 once decoded as the Stats view does', async () => {
    const { decodeSpreadsheet } = await import('../../src/shared/domain/pack/csv');
    const latin1 = Buffer.from(`${CSV_HEADER}x,Peña Ñandú,2025-03-04T10:00:00Z,,exact,1,,,,\r\n`, 'latin1');
    expect(ok(decodeSpreadsheet(new Uint8Array(latin1)))).toEqual([expect.objectContaining({ account: 'Peña Ñandú' })]);
  });

  it('accepts reordered and extra columns, and an older export without the drift column', () => {
    const text = 'note,templateId,handleSeconds,businessResponseSeconds,responseSeconds,precision,commentAt,repliedAt,account,platform\r\n' +
      'hola,,,,5,exact,2025-03-04T09:59:55Z,2025-03-04T10:00:00+01:00,,Facebook\r\n';
    expect(ok(text)).toEqual([expect.objectContaining({ platform: 'facebook', submittedAt: T - 3_600_000, responseSeconds: 5, drift: null })]);
  });

  it('feeds the team view: the imported rows add up like the originals', async () => {
    const config = await stats.config();
    const { rowsFromEvents } = await import('../../src/shared/domain/stats/rollup');
    const events = ok(await exported());
    const total = [...rowsFromEvents(events, config).values()].filter((row) => row.kind === 'p');
    expect(total.reduce((n, row) => n + row.count, 0)).toBe(2);
    expect(total.flatMap((row) => [...row.drift])).toEqual([['tpl,1', { n: 1, sum: 0.25 }]]);
  });

  it.each([
    ['another CSV (a pack sheet)', 'title,body\r\nGracias,Hola\r\n', { code: 'header', column: 'platform' }],
    ['an empty file', '', { code: 'header', column: 'platform' }],
    ['an unknown platform', `${CSV_HEADER}myspace,,2025-03-04T10:00:00.000Z,,exact,1,,,,\r\n`, { code: 'value', row: 2, column: 'platform' }],
    ['a date that is not a date', `${CSV_HEADER}x,,2025-02-30T10:00:00Z,,exact,1,,,,\r\n`, { code: 'value', row: 2, column: 'repliedAt' }],
    ['no reply time', `${CSV_HEADER}x,,,,exact,1,,,,\r\n`, { code: 'value', row: 2, column: 'repliedAt' }],
    ['a negative duration on row 3', `${CSV_HEADER}x,,2025-03-04T10:00:00Z,,exact,1,,,,\r\nx,,2025-03-04T10:00:00Z,,exact,-1,,,,\r\n`, { code: 'value', row: 3, column: 'responseSeconds' }],
    ['a formula in a number column', `${CSV_HEADER}x,,2025-03-04T10:00:00Z,,exact,=1+1,,,,\r\n`, { code: 'value', row: 2, column: 'responseSeconds' }],
    ['a drift above 1', `${CSV_HEADER}x,,2025-03-04T10:00:00Z,,exact,1,,,t,1.5\r\n`, { code: 'value', row: 2, column: 'drift' }],
    ['a bad precision', `${CSV_HEADER}x,,2025-03-04T10:00:00Z,,guess,1,,,,\r\n`, { code: 'value', row: 2, column: 'precision' }],
    ['an oversized account', `${CSV_HEADER}x,${'a'.repeat(201)},2025-03-04T10:00:00Z,,exact,1,,,,\r\n`, { code: 'value', row: 2, column: 'account' }],
    ['a short row', `${CSV_HEADER}x,,2025-03-04T10:00:00Z\r\n`, { code: 'columns', row: 2, count: 3, expected: 10 }],
    ['a quote never closed', `${CSV_HEADER}x,"open,2025-03-04T10:00:00Z,,exact,1,,,,\r\n`, { code: 'quote', row: 2 }],
  ])('refuses %s and names the problem', (_label, text, error) => {
    expect(parseCsvExport(text)).toEqual({ ok: false, error });
  });

  it('never throws on hostile input: every file is read or refused with a reason', () => {
    const cell = fc.oneof(fc.string({ maxLength: 12 }), fc.constantFrom('x', '"', '""', ';', '\r\n', '2025-03-04T10:00:00Z', '=cmd()', '\ufeff'));
    fc.assert(
      fc.property(fc.array(fc.array(cell, { maxLength: 12 }), { maxLength: 6 }), fc.constantFrom(',', ';', '\t'), (rows, sep) => {
        const text = CSV_HEADER + rows.map((r) => r.join(sep)).join('\r\n');
        const result = parseCsvExport(text);
        return result.ok ? result.events.every((e) => Number.isFinite(e.submittedAt)) : typeof result.error.code === 'string';
      }),
      { numRuns: 300 },
    );
  });
});

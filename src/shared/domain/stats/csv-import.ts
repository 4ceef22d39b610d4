import Papa from 'papaparse';
import { PLATFORMS } from '../platform';
import { isPlausibleTime } from '../plausible-time';
import { MAX_DURATION_SECONDS } from './event-times';
import { CSV_COLUMNS, type ExportableEvent } from './export-format';

export const CSV_MAX_ROWS = 1_000_000;

/** Why a file was refused; rows are counted as a spreadsheet shows them (the header is row 1). */
export type CsvImportError =
  | { code: 'header'; column: string }
  | { code: 'value'; row: number; column: string }
  /** A date outside 2000 … tomorrow (plausible-time.ts). */
  | { code: 'time'; row: number; column: string }
  | { code: 'columns'; row: number; count: number; expected: number }
  | { code: 'quote'; row: number }
  | { code: 'too-many'; limit: number };

export type CsvImportResult = { ok: true; events: ExportableEvent[] } | { ok: false; error: CsvImportError };

type Column = (typeof CSV_COLUMNS)[number];
/** Older exports had no drift column. */
const REQUIRED = CSV_COLUMNS.filter((column) => column !== 'drift');

const ISO = /^(\d{4})-(\d{2})-(\d{2})[T ](\d{2}):(\d{2})(?::(\d{2})(?:\.(\d{1,3})\d*)?)?(Z|[+-]\d{2}:?\d{2})?$/;

/** ISO 8601 as Tono writes it, or as a spreadsheet re-saves it (space for T; no zone means UTC). */
function parseIso(text: string): number | null {
  const m = ISO.exec(text);
  if (!m) return null;
  const [, y, mo, d, h, mi, s = '0', ms = '0', zone = 'Z'] = m;
  const utc = Date.UTC(+y!, +mo! - 1, +d!, +h!, +mi!, +s, +ms.padEnd(3, '0'));
  const check = new Date(utc);
  if (check.getUTCMonth() !== +mo! - 1 || check.getUTCDate() !== +d! || +h! > 23 || +mi! > 59 || +s > 59) return null;
  const offset = zone === 'Z' ? 0 : (zone[0] === '-' ? -1 : 1) * (+zone.slice(1, 3) * 60 + +zone.slice(-2)) * 60_000;
  return utc - offset;
}

/** A non-negative number; a decimal comma is what Spanish spreadsheets write. */
function parseNumber(text: string): number | null {
  if (!/^\d+(?:[.,]\d+)?$/.test(text)) return null;
  return Number(text.replace(',', '.'));
}

/** A duration Tono could have measured: it records none above a year (event-times.ts). */
function parseSeconds(text: string): number | null {
  const value = parseNumber(text);
  return value !== null && value <= MAX_DURATION_SECONDS ? value : null;
}

/** Tono's export prefixes a quote to a leading = + - @ so spreadsheets do not run it; undo that. */
const unguard = (text: string) => (/^'[=+\-@\t\r]/.test(text) ? text.slice(1) : text);

class BadValue extends Error {
  constructor(
    readonly column: Column,
    readonly code: 'value' | 'time' = 'value',
  ) {
    super(column);
  }
}

/**
 * Reads Tono's own CSV export, and spreadsheet re-saves of it (UTF-8 BOM, `;` or tab separators,
 * CRLF, quoted newlines, columns in another order, extra columns). All or nothing: the first bad
 * row or cell refuses the whole file and names it. Only the known columns are read.
 */
export function parseCsvExport(raw: string, now = Date.now()): CsvImportResult {
  const text = raw.charCodeAt(0) === 0xfeff ? raw.slice(1) : raw;
  const parsed = Papa.parse<string[]>(text, { delimitersToGuess: [',', ';', '\t'], skipEmptyLines: 'greedy' });
  const quote = parsed.errors.find((e) => e.type === 'Quotes');
  if (quote) return { ok: false, error: { code: 'quote', row: (quote.row ?? 0) + 1 } };
  const [header = [], ...rows] = parsed.data;
  const names = header.map((name) => name.trim());
  const missing = REQUIRED.find((column) => !names.includes(column));
  if (missing) return { ok: false, error: { code: 'header', column: missing } };
  if (rows.length > CSV_MAX_ROWS) return { ok: false, error: { code: 'too-many', limit: CSV_MAX_ROWS } };
  const at = new Map(CSV_COLUMNS.map((column) => [column, names.indexOf(column)]));

  const events: ExportableEvent[] = [];
  for (let i = 0; i < rows.length; i++) {
    const cells = rows[i]!;
    const row = i + 2;
    if (cells.length !== header.length) {
      return { ok: false, error: { code: 'columns', row, count: cells.length, expected: header.length } };
    }
    try {
      events.push(readRow((column) => (at.get(column)! < 0 ? '' : cells[at.get(column)!]!.trim()), now));
    } catch (error) {
      if (error instanceof BadValue) return { ok: false, error: { code: error.code, row, column: error.column } };
      throw error;
    }
  }
  return { ok: true, events };
}

function readRow(cell: (column: Column) => string, now: number): ExportableEvent {
  const optional = <T>(column: Column, read: (text: string) => T | null): T | null => {
    const text = cell(column);
    if (text === '') return null;
    const value = read(text);
    if (value === null) throw new BadValue(column);
    return value;
  };
  const required = <T>(column: Column, read: (text: string) => T | null): T => optional(column, read) ?? fail(column);
  const fail = (column: Column): never => {
    throw new BadValue(column);
  };
  const shortText = (text: string) => {
    const value = unguard(text);
    return value.length <= 200 ? value : null;
  };
  // A date that parses but lies outside 2000 … tomorrow is refused as such, not as unreadable.
  const time = (column: Column) => (text: string) => {
    const value = parseIso(text);
    if (value !== null && !isPlausibleTime(value, now)) throw new BadValue(column, 'time');
    return value;
  };
  const precision = optional('precision', (t) => (t === 'exact' || t === 'approximate' || t === 'unknown' ? t : null));
  return {
    platform: required('platform', (t) => PLATFORMS.find((p) => p === t.toLowerCase()) ?? null),
    account: optional('account', shortText),
    submittedAt: required('repliedAt', time('repliedAt')),
    commentAt: optional('commentAt', time('commentAt')),
    commentPrecision: precision ?? 'unknown',
    firstFocusAt: null,
    responseSeconds: optional('responseSeconds', parseSeconds),
    businessResponseSeconds: optional('businessResponseSeconds', parseSeconds),
    handleSeconds: optional('handleSeconds', parseSeconds),
    businessHandleSeconds: null,
    templateId: optional('templateId', shortText),
    drift: optional('drift', (t) => {
      const value = parseNumber(t);
      return value !== null && value <= 1 ? value : null;
    }),
  };
}

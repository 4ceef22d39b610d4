import { PLATFORMS } from '../platform';
import { isPlausibleTime } from '../plausible-time';
import { MAX_DURATION_SECONDS } from './event-times';
import { JSON_FORMAT, type ExportableEvent } from './export-format';

/** Why a teammate's JSON export was refused; `row` counts its events from 1. */
export type JsonImportError = { code: 'format' } | { code: 'time'; row: number; field: TimeField };

export type JsonImportResult = { ok: true; events: ExportableEvent[]; skipped: number } | { ok: false; error: JsonImportError };

type TimeField = 'submittedAt' | 'commentAt' | 'firstFocusAt';

const seconds = (v: unknown): number | null =>
  typeof v === 'number' && Number.isFinite(v) && v >= 0 && v <= MAX_DURATION_SECONDS ? v : null;
const share = (v: unknown): number | null => (typeof v === 'number' && v >= 0 && v <= 1 ? v : null);
const str = (v: unknown, max = 200): string | null => (typeof v === 'string' ? v.slice(0, max) : null);

class BadTime extends Error {
  constructor(readonly field: TimeField) {
    super(field);
  }
}

/**
 * Reads a teammate's JSON export. Untrusted input: every field is checked and unknown fields are
 * dropped. Incomplete rows (no reply time, a platform this version does not know) are skipped and
 * counted; a time outside 2000 … tomorrow refuses the whole file, since nothing Tono wrote holds
 * one and the days and durations built from it would be nonsense (or throw).
 */
export function parseJsonExport(text: string, now = Date.now()): JsonImportResult {
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch {
    return { ok: false, error: { code: 'format' } };
  }
  const file = typeof data === 'object' && data !== null ? (data as Partial<Record<string, unknown>>) : {};
  const rows = Object.hasOwn(file, 'events') ? file.events : undefined;
  if (!Object.hasOwn(file, 'format') || file.format !== JSON_FORMAT || !Array.isArray(rows)) {
    return { ok: false, error: { code: 'format' } };
  }
  const events: ExportableEvent[] = [];
  let skipped = 0;
  for (const [i, row] of (rows as unknown[]).entries()) {
    const r = typeof row === 'object' && row !== null ? (row as Partial<Record<string, unknown>>) : {};
    const own = (key: string): unknown => (Object.hasOwn(r, key) ? r[key] : undefined);
    const time = (field: TimeField): number | null => {
      const value = own(field);
      if (value === undefined || value === null) return null;
      if (!isPlausibleTime(value, now)) throw new BadTime(field);
      return value;
    };
    try {
      const submittedAt = time('submittedAt');
      const platform = PLATFORMS.find((p) => p === own('platform'));
      if (submittedAt === null || !platform) {
        skipped++;
        continue;
      }
      const precision = own('commentPrecision');
      events.push({
        platform,
        account: str(own('account')),
        submittedAt,
        commentAt: time('commentAt'),
        commentPrecision: precision === 'exact' || precision === 'approximate' ? precision : 'unknown',
        firstFocusAt: time('firstFocusAt'),
        responseSeconds: seconds(own('responseSeconds')),
        businessResponseSeconds: seconds(own('businessResponseSeconds')),
        handleSeconds: seconds(own('handleSeconds')),
        businessHandleSeconds: seconds(own('businessHandleSeconds')),
        templateId: str(own('templateId')),
        drift: share(own('drift')),
      });
    } catch (error) {
      if (error instanceof BadTime) return { ok: false, error: { code: 'time', row: i + 1, field: error.field } };
      throw error;
    }
  }
  return { ok: true, events, skipped };
}

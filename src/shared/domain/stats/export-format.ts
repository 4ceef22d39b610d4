import type { Platform } from '../platform';
import type { CommentTimePrecision } from '../response-time';

/** The fields an export holds per reply: timings and ids only, never comment or reply text. */
export interface ExportableEvent {
  platform: Platform;
  account: string | null;
  submittedAt: number;
  commentAt: number | null;
  commentPrecision: CommentTimePrecision;
  firstFocusAt: number | null;
  responseSeconds: number | null;
  businessResponseSeconds?: number | null;
  handleSeconds: number | null;
  businessHandleSeconds?: number | null;
  templateId: string | null;
  /** 0..1, how far the sent reply drifted from its template. */
  drift?: number | null;
}

/** The columns first, in order; later additions (drift) only ever go at the end. */
export const CSV_COLUMNS = [
  'platform', 'account', 'repliedAt', 'commentAt', 'precision', 'responseSeconds', 'businessResponseSeconds',
  'handleSeconds', 'templateId', 'drift',
] as const;

export const CSV_HEADER = `${CSV_COLUMNS.join(',')}\r\n`;

/**
 * Quotes when needed (RFC 4180), and neutralises a leading = + - @ so a spreadsheet never runs an
 * account name taken from a social page as a formula.
 */
export function csvField(value: string | number | null): string {
  if (value === null) return '';
  let text = String(value);
  if (typeof value === 'string' && /^[=+\-@\t\r]/.test(text)) text = `'${text}`;
  return /[",\r\n]/.test(text) ? `"${text.replaceAll('"', '""')}"` : text;
}

const iso = (ms: number | null) => (ms === null ? null : new Date(ms).toISOString());

export function csvRow(e: ExportableEvent): string {
  return (
    [
      e.platform,
      e.account,
      iso(e.submittedAt),
      iso(e.commentAt),
      e.commentPrecision,
      e.responseSeconds,
      e.businessResponseSeconds ?? null,
      e.handleSeconds,
      e.templateId,
      e.drift ?? null,
    ]
      .map(csvField)
      .join(',') + '\r\n'
  );
}

export const JSON_FORMAT = 'tono-stats';
export const JSON_VERSION = 1;

/** The JSON export is `{format, version, exportedAt, events: [...]}`, written in pieces by the caller. */
export function jsonHead(exportedAt: number): string {
  return `{"format":"${JSON_FORMAT}","version":${JSON_VERSION},"exportedAt":"${new Date(exportedAt).toISOString()}","events":[\n`;
}
export const JSON_TAIL = '\n]}\n';

export function jsonEvent(e: ExportableEvent): string {
  const record: ExportableEvent = {
    platform: e.platform,
    account: e.account,
    submittedAt: e.submittedAt,
    commentAt: e.commentAt,
    commentPrecision: e.commentPrecision,
    firstFocusAt: e.firstFocusAt,
    responseSeconds: e.responseSeconds,
    businessResponseSeconds: e.businessResponseSeconds ?? null,
    handleSeconds: e.handleSeconds,
    businessHandleSeconds: e.businessHandleSeconds ?? null,
    templateId: e.templateId,
    drift: e.drift ?? null,
  };
  return JSON.stringify(record);
}

import type { CsvImportError } from '../../shared/domain/stats/csv-import';
import type { ExportableEvent } from '../../shared/domain/stats/export-format';
import type { JsonImportError } from '../../shared/domain/stats/json-import';
import { t } from '../../shared/ui/i18n';

export type TeamFile = { ok: true; events: ExportableEvent[]; skipped: number } | { ok: false; message: string };

/**
 * The largest teammate's file read: about 500 000 CSV rows or 170 000 JSON replies, years of one
 * agent's work. Checked on the file's size before a byte is read, so a huge file costs nothing.
 */
export const TEAM_FILE_MAX_MB = 50;

function csvErrorText(file: string, error: CsvImportError): string {
  switch (error.code) {
    case 'header':
      return t('statsCsvBadHeader', file, error.column);
    case 'value':
      return t('statsCsvBadValue', file, String(error.row), error.column);
    case 'time':
      return t('statsCsvBadTime', file, String(error.row), error.column);
    case 'columns':
      return t('statsCsvBadColumns', file, String(error.row), String(error.count), String(error.expected));
    case 'quote':
      return t('statsCsvBadQuote', file, String(error.row));
    case 'too-many':
      return t('statsCsvTooMany', file, String(error.limit));
  }
}

function jsonErrorText(file: string, error: JsonImportError): string {
  return error.code === 'time' ? t('statsJsonBadTime', file, String(error.row), error.field) : t('statsTeamImportError');
}

/**
 * A teammate's export, JSON or CSV (told apart by content, not by the file name). The readers
 * (and papaparse) load only when a file is chosen.
 */
export async function readTeamFile(file: File): Promise<TeamFile> {
  if (file.size > TEAM_FILE_MAX_MB * 1024 * 1024) return { ok: false, message: t('statsTeamTooBig', file.name, String(TEAM_FILE_MAX_MB)) };
  const bytes = new Uint8Array(await file.arrayBuffer());
  const text = new TextDecoder().decode(bytes);
  if (text.replace(/^\ufeff/, '').trimStart().startsWith('{')) {
    const { parseJsonExport } = await import('../../shared/domain/stats/json-import');
    const result = parseJsonExport(text);
    return result.ok ? result : { ok: false, message: jsonErrorText(file.name, result.error) };
  }
  const [{ parseCsvExport }, { decodeSpreadsheet }] = await Promise.all([
    import('../../shared/domain/stats/csv-import'),
    import('../../shared/domain/pack/csv'),
  ]);
  // Excel's plain "CSV" re-save is Windows-1252, not UTF-8.
  const result = parseCsvExport(decodeSpreadsheet(bytes));
  return result.ok ? { ok: true, events: result.events, skipped: 0 } : { ok: false, message: csvErrorText(file.name, result.error) };
}

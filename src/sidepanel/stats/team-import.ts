import type { CsvImportError } from '../../shared/domain/stats/csv-import';
import { parseJsonExport, type ExportableEvent } from '../../shared/domain/stats/export-format';
import { t } from '../../shared/ui/i18n';

export type TeamFile = { ok: true; events: ExportableEvent[]; skipped: number } | { ok: false; message: string };

function csvErrorText(file: string, error: CsvImportError): string {
  switch (error.code) {
    case 'header':
      return t('statsCsvBadHeader', file, error.column);
    case 'value':
      return t('statsCsvBadValue', file, String(error.row), error.column);
    case 'columns':
      return t('statsCsvBadColumns', file, String(error.row), String(error.count), String(error.expected));
    case 'quote':
      return t('statsCsvBadQuote', file, String(error.row));
    case 'too-many':
      return t('statsCsvTooMany', file, String(error.limit));
  }
}

/**
 * A teammate's export, JSON or CSV (told apart by content, not by the file name). The CSV reader
 * (and papaparse) loads only when a CSV is chosen.
 */
export async function readTeamFile(file: File): Promise<TeamFile> {
  const text = await file.text();
  if (text.replace(/^\ufeff/, '').trimStart().startsWith('{')) {
    try {
      return { ok: true, ...parseJsonExport(text) };
    } catch {
      return { ok: false, message: t('statsTeamImportError') };
    }
  }
  const { parseCsvExport } = await import('../../shared/domain/stats/csv-import');
  const result = parseCsvExport(text);
  return result.ok ? { ok: true, events: result.events, skipped: 0 } : { ok: false, message: csvErrorText(file.name, result.error) };
}

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
  const bytes = new Uint8Array(await file.arrayBuffer());
  const text = new TextDecoder().decode(bytes);
  if (text.replace(/^\ufeff/, '').trimStart().startsWith('{')) {
    try {
      return { ok: true, ...parseJsonExport(text) };
    } catch {
      return { ok: false, message: t('statsTeamImportError') };
    }
  }
  const [{ parseCsvExport }, { decodeSpreadsheet }] = await Promise.all([
    import('../../shared/domain/stats/csv-import'),
    import('../../shared/domain/pack/csv'),
  ]);
  // Excel's plain "CSV" re-save is Windows-1252, not UTF-8.
  const result = parseCsvExport(decodeSpreadsheet(bytes));
  return result.ok ? { ok: true, events: result.events, skipped: 0 } : { ok: false, message: csvErrorText(file.name, result.error) };
}

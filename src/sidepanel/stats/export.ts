import type { ReplyEvent } from '../../shared/db/types';
import { CSV_HEADER, csvRow, JSON_TAIL, jsonEvent, jsonHead } from '../../shared/domain/stats/export-format';

export type ExportFormat = 'csv' | 'json';

/** Where events come from: a cursor over (submittedAt, id), as ReplyEventsRepo.page provides. */
export interface EventPages {
  page(after: [number, string] | null, limit: number): Promise<ReplyEvent[]>;
  count(): Promise<number>;
}

const yieldToUi = () => new Promise<void>((resolve) => setTimeout(resolve, 0));

/**
 * Builds an export in chunks: one page of events becomes one string part, and the parts become a
 * Blob at the end, so a million events never form one giant string and the panel keeps painting
 * between chunks (each chunk is a few milliseconds of work).
 */
export async function buildExport(
  source: EventPages,
  format: ExportFormat,
  onProgress?: (done: number, total: number) => void,
  chunk = 5000,
  now = Date.now(),
): Promise<Blob> {
  const total = await source.count();
  const parts: string[] = [format === 'csv' ? CSV_HEADER : jsonHead(now)];
  let after: [number, string] | null = null;
  let done = 0;
  for (;;) {
    const page: ReplyEvent[] = await source.page(after, chunk);
    if (page.length === 0) break;
    if (format === 'csv') parts.push(page.map((e) => csvRow(e)).join(''));
    else parts.push((done === 0 ? '' : ',\n') + page.map((e) => jsonEvent(e)).join(',\n'));
    done += page.length;
    const last = page[page.length - 1]!;
    after = [last.submittedAt, last.id];
    onProgress?.(done, total);
    await yieldToUi();
  }
  if (format === 'json') parts.push(JSON_TAIL);
  return new Blob(parts, { type: format === 'csv' ? 'text/csv;charset=utf-8' : 'application/json' });
}

/** Saves a Blob through a temporary link (extension pages may download their own object URLs). */
export function download(blob: Blob, filename: string): void {
  const url = URL.createObjectURL(blob);
  const link = document.createElement('a');
  link.href = url;
  link.download = filename;
  link.click();
  setTimeout(() => URL.revokeObjectURL(url), 60_000);
}

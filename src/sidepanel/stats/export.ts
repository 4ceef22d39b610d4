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
 * Events per page. Chromium hands a page's values over in one task, so that task grows with the
 * page: at 5000 a page reads and formatting were long tasks (> 50 ms) in bench/stats-export.ts.
 */
export const EXPORT_CHUNK = 1000;
/** Formatting yields to the panel after this long, however slow the machine. */
const SLICE_MS = 8;
/**
 * Formatted text becomes a Blob once this much has gathered, in a task of its own: encoding a
 * megabyte took 20 ms and more on a loaded machine, and with a formatting slice before it in the
 * same task made long tasks; a quarter of that stays a few milliseconds.
 */
const BLOB_CHARS = 1 << 18;

/**
 * Builds an export in chunks, so the panel keeps painting: the next page is read while this one
 * is formatted, formatting yields every SLICE_MS, and each megabyte of text becomes a Blob at
 * once; the file is a Blob of those Blobs. (With one Blob made of all the strings at the end, the
 * longest block grew with the file: 1.0 s for 1 000 000 rows of CSV, 87 MB; 2.4 s as JSON, 282 MB.)
 */
export async function buildExport(
  source: EventPages,
  format: ExportFormat,
  onProgress?: (done: number, total: number) => void,
  chunk = EXPORT_CHUNK,
  now = Date.now(),
): Promise<Blob> {
  const total = await source.count();
  const blobs: Blob[] = [];
  let text: string[] = [format === 'csv' ? CSV_HEADER : jsonHead(now)];
  let chars = 0;
  const flush = () => {
    blobs.push(new Blob(text));
    text = [];
    chars = 0;
  };
  let done = 0;
  let next = source.page(null, chunk);
  for (;;) {
    const page: ReplyEvent[] = await next;
    if (page.length === 0) break;
    const last = page[page.length - 1]!;
    next = source.page([last.submittedAt, last.id], chunk);
    let sliceStart = performance.now();
    for (const event of page) {
      const row = format === 'csv' ? csvRow(event) : (done === 0 ? '' : ',\n') + jsonEvent(event);
      text.push(row);
      chars += row.length;
      done++;
      if (performance.now() - sliceStart > SLICE_MS) {
        await yieldToUi();
        sliceStart = performance.now();
      }
    }
    onProgress?.(done, total);
    await yieldToUi();
    if (chars >= BLOB_CHARS) {
      flush();
      await yieldToUi();
    }
  }
  if (format === 'json') text.push(JSON_TAIL);
  flush();
  return new Blob(blobs, { type: format === 'csv' ? 'text/csv;charset=utf-8' : 'application/json' });
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

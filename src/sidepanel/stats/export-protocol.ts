import type { ExportFormat } from './export';

/** The side panel asks the export worker for one file. */
export interface ExportRequest {
  format: ExportFormat;
  now: number;
}

/** What the export worker answers: progress, then the file or why there is none. */
export type ExportReply =
  | { kind: 'progress'; done: number; total: number }
  | { kind: 'done'; blob: Blob }
  | { kind: 'failed'; message: string };

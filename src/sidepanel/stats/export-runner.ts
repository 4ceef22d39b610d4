import { buildExport, type EventPages, type ExportFormat } from './export';
import type { ExportReply, ExportRequest } from './export-protocol';

/**
 * Builds an export in the export worker; where no worker can start (it fails before answering),
 * in this page, in slices, from `fallback`.
 */
export function runExport(format: ExportFormat, fallback: EventPages, onProgress: (done: number, total: number) => void): Promise<Blob> {
  let worker: Worker;
  try {
    worker = new Worker(new URL('./export-worker.ts', import.meta.url), { type: 'module' });
  } catch {
    return buildExport(fallback, format, onProgress);
  }
  return new Promise<Blob>((resolve, reject) => {
    let answered = false;
    worker.onmessage = (event: MessageEvent<ExportReply>) => {
      answered = true;
      const reply = event.data;
      if (reply.kind === 'progress') return onProgress(reply.done, reply.total);
      worker.terminate();
      if (reply.kind === 'done') resolve(reply.blob);
      else reject(new Error(reply.message));
    };
    worker.onerror = (event) => {
      event.preventDefault();
      worker.terminate();
      if (answered) reject(new Error(event.message || 'export worker failed'));
      else buildExport(fallback, format, onProgress).then(resolve, reject);
    };
    worker.postMessage({ format, now: Date.now() } satisfies ExportRequest);
  });
}

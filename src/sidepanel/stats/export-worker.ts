// A dedicated worker of the side panel that builds Stats exports: reading and formatting a
// million events, and the garbage that leaves, never share the panel's thread, so the panel
// keeps painting however large the file (collections of 40–50 ms still came in the page).
import { getDatabase } from '../../shared/db/database';
import { ReplyEventsRepo } from '../../shared/db/repos/reply-events';
import { buildExport } from './export';
import type { ExportReply, ExportRequest } from './export-protocol';

const scope = self as unknown as { onmessage: ((event: MessageEvent<ExportRequest>) => void) | null; postMessage(reply: ExportReply): void };
const events = new ReplyEventsRepo(getDatabase());

scope.onmessage = (event) => {
  const { format, now } = event.data;
  buildExport(events, format, (done, total) => scope.postMessage({ kind: 'progress', done, total }), undefined, now).then(
    (blob) => scope.postMessage({ kind: 'done', blob }),
    (error: unknown) => scope.postMessage({ kind: 'failed', message: error instanceof Error ? error.message : String(error) }),
  );
};

// Bundled by bench/record-chromium.ts and evaluated in the built extension's service worker (and
// in a page, to profile): the repository code the worker runs when a reply is sent, on the
// extension origin's real IndexedDB. Never part of the extension build.
import { TonoDatabase } from '../src/shared/db/database';
import { ReplyEventsRepo } from '../src/shared/db/repos/reply-events';
import { PLATFORMS } from '../src/shared/domain/platform';

const db = new TonoDatabase();
const repo = new ReplyEventsRepo(db);
const DAY = 86_400_000;

/** Records `count` events spread over 30 days; returns each record's duration in ms. */
async function recordMany(count: number, seed: number): Promise<number[]> {
  let state = seed;
  const random = () => {
    state = (state * 1_103_515_245 + 12_345) % 2_147_483_648;
    return state / 2_147_483_648;
  };
  const now = Date.now();
  const samples: number[] = [];
  for (let i = 0; i < count; i++) {
    const submittedAt = now - Math.floor(random() * 30 * DAY);
    const start = performance.now();
    await repo.record({
      id: crypto.randomUUID(),
      platform: PLATFORMS[i % PLATFORMS.length]!,
      account: '@marca',
      threadHash: null,
      commentAt: submittedAt - Math.round(random() * 7_200_000),
      commentPrecision: 'exact',
      firstFocusAt: submittedAt - 30_000,
      submittedAt,
      templateId: null,
    });
    samples.push(performance.now() - start);
  }
  return samples;
}

/**
 * The floor: the same events, each put alone in its own transaction of a bare IndexedDB database
 * (no rollups, no settings read, no library), what the browser charges for any durable write.
 */
async function rawPutMany(count: number): Promise<number[]> {
  const raw = await new Promise<IDBDatabase>((resolve, reject) => {
    const open = indexedDB.open('tono-bench-floor', 1);
    open.onupgradeneeded = () => open.result.createObjectStore('events', { keyPath: 'id' });
    open.onsuccess = () => resolve(open.result);
    open.onerror = () => reject(open.error);
  });
  const samples: number[] = [];
  for (let i = 0; i < count; i++) {
    const start = performance.now();
    await new Promise<void>((resolve, reject) => {
      const tx = raw.transaction('events', 'readwrite');
      tx.objectStore('events').put({ id: crypto.randomUUID(), platform: 'x', submittedAt: Date.now(), responseSeconds: i });
      tx.oncomplete = () => resolve();
      tx.onerror = () => reject(tx.error);
    });
    samples.push(performance.now() - start);
  }
  raw.close();
  return samples;
}

(globalThis as { tonoRecordBench?: unknown }).tonoRecordBench = { recordMany, rawPutMany, stored: () => db.replyEvents.count() };

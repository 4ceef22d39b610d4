import { DB_NAME, NATIVE_SCHEMA_VERSION } from '../identity';
import { packRowId, toTemplate, type PackChunk, type PackItemState } from '../repos/pack-rows';
import type { Template } from '../types';

/**
 * The side panel's first screenful, read with plain IndexedDB: the same rows as
 * `TemplatesRepo.recentlyEdited(limit)` (personal, starter and pack replies, newest edit first),
 * without waiting for Dexie to load (it is most of the panel's script). Read-only, and it never
 * creates or upgrades the database: when the database is missing, on another schema version or
 * unreadable, the answer is null and the caller reads through the repositories instead.
 */
export function readFirstScreen(limit: number, name = DB_NAME): Promise<Template[] | null> {
  return new Promise((resolve) => {
    let request: IDBOpenDBRequest;
    try {
      request = indexedDB.open(name);
    } catch {
      resolve(null);
      return;
    }
    // Only a database that does not exist yet upgrades on a versionless open: leave creating it
    // (and its migrations) to Dexie.
    request.onupgradeneeded = () => request.transaction?.abort();
    request.onerror = (event) => {
      event.preventDefault();
      resolve(null);
    };
    request.onblocked = () => resolve(null);
    request.onsuccess = () => {
      const db = request.result;
      // A migration waiting to run must not wait for this connection.
      db.onversionchange = () => db.close();
      const stores = ['templates', 'packChunks', 'packItemState'];
      if (db.version !== NATIVE_SCHEMA_VERSION || !stores.every((name) => db.objectStoreNames.contains(name))) {
        db.close();
        resolve(null);
        return;
      }
      read(db.transaction(stores, 'readonly'), limit).then(
        (rows) => {
          db.close();
          resolve(rows);
        },
        () => {
          db.close();
          resolve(null);
        },
      );
    };
  });
}

async function read(tx: IDBTransaction, limit: number): Promise<Template[]> {
  // Both stores are asked at once: each wait for IndexedDB costs a round trip.
  const ownRead = newestRows<Template>(tx.objectStore('templates').index('updatedAt'), limit);
  // Pack chunks newest first: a chunk older than the limit-th reply so far cannot add to it.
  const picked: { chunk: PackChunk; item: PackChunk['items'][number] }[] = [];
  let own: Template[] | null = null;
  const floor = () => {
    const all = [...(own ?? []).map((row) => row.updatedAt), ...picked.map(({ item }) => item.updatedAt)].sort((a, b) => b - a);
    return all.length >= limit ? all[limit - 1]! : -Infinity;
  };
  let bar = -Infinity;
  const packRead = newest<PackChunk>(
    tx.objectStore('packChunks').index('updatedAt'),
    (chunk) => chunk.updatedAt < bar,
    (chunk) => {
      for (const item of chunk.items) if (item.updatedAt >= bar) picked.push({ chunk, item });
      bar = floor();
    },
    // The walk goes on only once the library's own rows are known (they raise the bar).
    () => ownRead,
  );
  own = await ownRead;
  bar = floor();
  await packRead;
  picked.sort((a, b) => b.item.updatedAt - a.item.updatedAt);
  picked.length = Math.min(picked.length, limit);
  const states = await Promise.all(picked.map(({ chunk, item }) => get<PackItemState>(tx.objectStore('packItemState'), packRowId(chunk.packId, item.itemId))));
  const packed = picked.map(({ chunk, item }, i) => toTemplate(chunk.packId, item, states[i]));
  return own
    .concat(packed)
    .sort((a, b) => b.updatedAt - a.updatedAt)
    .slice(0, limit);
}

/** IDBIndex.getAllRecords (Chromium 141+): the newest rows in one request. */
type RecordsIndex = IDBIndex & {
  getAllRecords(options: { count: number; direction: 'prev' }): IDBRequest<{ value: unknown }[]>;
};

/**
 * The `limit` rows highest in `index` (more on a tie, in reverse primary-key order as a reversed
 * cursor gives them): in one request where the browser has getAllRecords, else in two rather
 * than one per row (a key cursor skips to the limit-th highest key, one getAll reads from there).
 */
function newestRows<T>(index: IDBIndex, limit: number): Promise<T[]> {
  return new Promise((resolve, reject) => {
    if (limit <= 0) return resolve([]);
    const fail = (request: IDBRequest) => () => reject(request.error);
    if ('getAllRecords' in index) {
      const records = (index as RecordsIndex).getAllRecords({ count: limit, direction: 'prev' });
      records.onerror = fail(records);
      records.onsuccess = () => resolve(records.result.map((record) => record.value as T));
      return;
    }
    const keys = index.openKeyCursor(null, 'prev');
    let skipped = false;
    keys.onerror = fail(keys);
    keys.onsuccess = () => {
      const cursor = keys.result;
      if (cursor && !skipped && limit > 1) {
        skipped = true;
        cursor.advance(limit - 1);
        return;
      }
      const rows = index.getAll(cursor ? IDBKeyRange.lowerBound(cursor.key) : null);
      rows.onerror = fail(rows);
      rows.onsuccess = () => resolve((rows.result as T[]).reverse());
    };
  });
}

/**
 * Walks `index` from its highest key down, handing each value to `take` until `stop(value)`;
 * the first value waits for `before` (the walk starts at once, its decisions wait).
 */
function newest<T>(index: IDBIndex, stop: (value: T) => boolean, take: (value: T) => void, before: () => Promise<unknown>): Promise<void> {
  return new Promise((resolve, reject) => {
    const cursor = index.openCursor(null, 'prev');
    let first = true;
    cursor.onerror = () => reject(cursor.error);
    cursor.onsuccess = () => {
      const step = () => {
        const at = cursor.result;
        if (!at || stop(at.value as T)) return resolve();
        take(at.value as T);
        at.continue();
      };
      if (!first) return step();
      first = false;
      before().then(step, reject);
    };
  });
}

function get<T>(store: IDBObjectStore, key: string): Promise<T | undefined> {
  return new Promise((resolve, reject) => {
    const request = store.get(key);
    request.onerror = () => reject(request.error);
    request.onsuccess = () => resolve(request.result as T | undefined);
  });
}

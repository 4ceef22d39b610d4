// Bundled by bench/packs-chromium.ts and evaluated in an extension page of the built extension:
// the repository code the options page and the worker run, on the extension origin's IndexedDB.
// Never part of the extension build.
import { TonoDatabase } from '../src/shared/db/database';
import { PacksRepo } from '../src/shared/db/repos/packs';
import { parsePackText } from '../src/shared/domain/pack/parse';

const db = new TonoDatabase();
const repo = new PacksRepo(db);

async function timed<T>(run: () => Promise<T> | T): Promise<[T, number]> {
  const start = performance.now();
  const value = await run();
  return [value, performance.now() - start];
}

/** Parse, validate, diff and apply, as the options page's import does. */
async function importText(text: string) {
  const [parsed, parseMs] = await timed(() => parsePackText(text));
  if (!parsed.ok) throw new Error(`bench pack refused: ${parsed.error.code}`);
  const [, previewMs] = await timed(() => repo.preview(parsed.value));
  const [applied, applyMs] = await timed(() => repo.apply(parsed.value, { sourceUrl: null }));
  if (!applied.ok) throw new Error(`bench apply refused: ${applied.error.code}`);
  return { parseMs, previewMs, applyMs, totalMs: parseMs + previewMs + applyMs };
}

/** Everything the pack left in the database, as one digest: equal digests mean nothing changed. */
async function state(packId: string) {
  const rows = await repo.items(packId);
  const record = await db.packs.get(packId);
  const chunks = await db.packChunks.where('packId').equals(packId).sortBy('id');
  const bytes = new TextEncoder().encode(JSON.stringify([record ?? null, chunks, await db.packItemState.toArray()]));
  const digest = Array.from(new Uint8Array(await crypto.subtle.digest('SHA-256', bytes)), (b) => b.toString(16).padStart(2, '0')).join('');
  return { rows: rows.length, version: record?.version ?? null, digest };
}

/**
 * Applies `text` with one reply near the end that IndexedDB cannot store (a function among its
 * tags): the removals and the first thousands of writes have run when the write fails.
 */
async function failMidway(text: string, at: number) {
  const parsed = parsePackText(text);
  if (!parsed.ok) throw new Error(`bench pack refused: ${parsed.error.code}`);
  (parsed.value.templates[at]!.tags as unknown[]).push(() => 0);
  try {
    await repo.apply(parsed.value, { sourceUrl: null });
    return { threw: false, error: '' };
  } catch (error) {
    return { threw: true, error: error instanceof Error ? error.name : String(error) };
  }
}

/**
 * The naive layout, for comparison: the same replies as one row each (what Tono stored before
 * chunks), put into a scratch database with the `templates` indexes in one plain IndexedDB
 * transaction (no Dexie, no diff). Even this floor, without any of Tono's work, is over budget.
 */
async function rawFloor(packId: string): Promise<number> {
  const rows = await repo.items(packId);
  const indexes = db.templates.schema.indexes.map((index) => index.name);
  const name = `tono-bench-floor-${Math.random()}`;
  const scratch = await new Promise<IDBDatabase>((resolve, reject) => {
    const open = indexedDB.open(name, 1);
    open.onupgradeneeded = () => {
      const store = open.result.createObjectStore('templates', { keyPath: 'id' });
      for (const index of indexes) store.createIndex(index, index);
    };
    open.onsuccess = () => resolve(open.result);
    open.onerror = () => reject(open.error);
  });
  const start = performance.now();
  await new Promise<void>((resolve, reject) => {
    const tx = scratch.transaction('templates', 'readwrite');
    const store = tx.objectStore('templates');
    for (const row of rows) store.put(row);
    tx.oncomplete = () => resolve();
    tx.onerror = () => reject(tx.error);
  });
  const ms = performance.now() - start;
  scratch.close();
  indexedDB.deleteDatabase(name);
  return ms;
}

async function remove(packId: string) {
  await repo.remove(packId);
}

Object.assign(globalThis, { tonoPackBench: { importText, state, failMidway, rawFloor, remove } });

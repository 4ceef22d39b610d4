// Bundled by stats-upgrade.test.ts and evaluated in an extension page of the built extension:
// puts the extension's own database back to schema version 6, as the previous release left it,
// with reply events and the rollups that release wrote; and reads what the upgrade made of it.
import { DB_NAME, TonoDatabase } from '../../src/shared/db/database';
import { MIGRATIONS } from '../../src/shared/db/migrations';
import type { ReplyEvent } from '../../src/shared/db/types';
import { normalizeStatsConfig } from '../../src/shared/domain/stats/config';
import { rowsFromEvents } from '../../src/shared/domain/stats/rollup';
import { encodeRollup } from '../../src/shared/domain/stats/rollup-codec';

function deleteDatabase(name: string): Promise<void> {
  return new Promise((resolve, reject) => {
    // Open connections (the worker's, the panel's) close on the versionchange this sends.
    const request = indexedDB.deleteDatabase(name);
    request.onsuccess = () => resolve();
    request.onerror = () => reject(request.error);
  });
}

async function seedVersion6(): Promise<number> {
  await deleteDatabase(DB_NAME);
  const old = new TonoDatabase(DB_NAME, MIGRATIONS.filter((m) => m.version <= 6));
  await old.open();
  const now = Date.now();
  const events: ReplyEvent[] = [1, 2, 3].map((n) => ({
    id: crypto.randomUUID(),
    platform: n === 3 ? 'facebook' : 'x',
    account: '@marca',
    threadHash: null,
    commentAt: now - n * 600_000,
    commentPrecision: 'exact',
    firstFocusAt: now - n * 60_000,
    submittedAt: now - n * 1000,
    templateId: n === 3 ? null : 'tpl-gracias',
    drift: n === 1 ? 0.5 : null,
    responseSeconds: n * 600 - n,
    handleSeconds: n * 60 - n,
    businessResponseSeconds: null,
    businessHandleSeconds: null,
  }));
  await old.table('replyEvents').bulkAdd(events);
  // What version 6 stored: a day-total row holding template usage, platform and account rows without.
  const rows = [...rowsFromEvents(events, normalizeStatsConfig(undefined)).values()].map((row) => ({ ...encodeRollup(row), templates: {}, drift: {} }));
  const total = { ...rows[0]!, key: `t|${rows[0]!.day}`, kind: 't', platform: null, account: null, templates: { 'tpl-gracias': 2 } };
  await old.table('statRollups').bulkAdd([total, ...rows]);
  old.close();
  return old.verno;
}

/** The database as it is now, read without Dexie (which would upgrade it). */
function inspect(): Promise<{ version: number; eventIndexes: string[]; rollupIndexes: string[]; rollupKeys: string[] }> {
  return new Promise((resolve, reject) => {
    const open = indexedDB.open(DB_NAME);
    open.onerror = () => reject(open.error);
    open.onsuccess = () => {
      const db = open.result;
      const tx = db.transaction(['replyEvents', 'statRollups']);
      // Index names are readable only while the transaction is live.
      const eventIndexes = [...tx.objectStore('replyEvents').indexNames];
      const rollupIndexes = [...tx.objectStore('statRollups').indexNames];
      const keys = tx.objectStore('statRollups').getAllKeys();
      tx.onerror = () => reject(tx.error);
      tx.oncomplete = () => {
        const rollupKeys = (keys.result as string[]).map((key) => key.replace(/\|\d{4}-\d\d-\d\d(?=\||$)/, '|day')).sort();
        db.close();
        resolve({ version: db.version, eventIndexes, rollupIndexes, rollupKeys });
      };
    };
  });
}

(globalThis as { tonoUpgrade?: unknown }).tonoUpgrade = { seedVersion6, inspect };

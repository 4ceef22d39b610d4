import Dexie, { type Table } from 'dexie';
import { MIGRATIONS } from './migrations';
import type { Migration } from './migrations/types';
import type { ReplyEvent, Setting, Template } from './types';
import type { StoredRollup } from '../domain/stats/rollup-codec';
import type { PackExport, PackRecord, PackSubscription } from './repos/packs';
import type { PackChunk, PackItemState } from './repos/pack-rows';
import { DB_NAME } from './identity';

export { DB_NAME };

/** Typed Dexie database. Only repositories (`./repos/*`) query its tables. */
export class TonoDatabase extends Dexie {
  templates!: Table<Template, string>;
  replyEvents!: Table<ReplyEvent, string>;
  settings!: Table<Setting, string>;
  /** Per local day, platform and account: kept in step with replyEvents by repos/reply-events.ts. */
  statRollups!: Table<StoredRollup, string>;
  packs!: Table<PackRecord, string>;
  packSubscriptions!: Table<PackSubscription, string>;
  packExports!: Table<PackExport, string>;
  /** Pack replies, a couple of hundred per record (see repos/pack-rows.ts). */
  packChunks!: Table<PackChunk, string>;
  packItemState!: Table<PackItemState, string>;

  constructor(name = DB_NAME, migrations: readonly Migration[] = MIGRATIONS) {
    super(name);
    for (const migration of migrations) {
      const version = this.version(migration.version).stores(migration.stores);
      if (migration.upgrade) version.upgrade(migration.upgrade);
    }
  }
}

let shared: TonoDatabase | undefined;

/** The one database of this context, opened lazily so importing this module has no side effect. */
export function getDatabase(): TonoDatabase {
  shared ??= new TonoDatabase();
  return shared;
}

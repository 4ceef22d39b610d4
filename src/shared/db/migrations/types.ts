import type { Transaction } from 'dexie';

/** One schema step. Files are numbered; a migration is never edited once released, only added to. */
export interface Migration {
  version: number;
  /** Dexie store declarations for this version (only the tables that change; null deletes). */
  stores: Record<string, string | null>;
  upgrade?: (tx: Transaction) => Promise<void>;
}

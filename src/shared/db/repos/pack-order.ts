import type { TonoDatabase } from '../database';
import type { Template } from '../types';

/** Who keeps a shortcut two packs share: the pack installed first, so a sync never takes one over. */
export const installedFirst = (a: { installedAt: number; id: string }, b: { installedAt: number; id: string }): number =>
  a.installedAt - b.installedAt || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);

/**
 * A comparator putting replies of the pack installed first before those of later packs (0 for
 * anything else). Pack records are read only when two packs are among `rows`, which is rare, so
 * the usual shortcut lookup reads nothing more.
 */
export async function packInstallOrder(db: TonoDatabase, rows: readonly Template[]): Promise<(a: Template, b: Template) => number> {
  const packIds = [...new Set(rows.flatMap((row) => (row.packId ? [row.packId] : [])))];
  if (packIds.length < 2) return () => 0;
  const records = new Map((await db.packs.bulkGet(packIds)).flatMap((record) => (record ? [[record.id, record] as const] : [])));
  return (a, b) => {
    const ra = a.packId ? records.get(a.packId) : undefined;
    const rb = b.packId ? records.get(b.packId) : undefined;
    return ra && rb && ra !== rb ? installedFirst(ra, rb) : 0;
  };
}

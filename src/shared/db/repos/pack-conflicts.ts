import type { TonoDatabase } from '../database';
import type { Template } from '../types';
import { installedFirst } from './pack-order';
import { TemplatesRepo } from './templates';

/** A shortcut one pack shares with another reply. Nothing is overwritten; Tab gives one of them. */
export interface ShortcutConflict {
  shortcut: string;
  /** The pack's reply answering to it. */
  packTitle: string;
  otherTitle: string;
  /** Where the other reply lives: the member's own library, the starter library, or another pack. */
  other: { kind: 'personal' } | { kind: 'starter' } | { kind: 'pack'; name: string };
  /** Whether Tab gives this pack's reply (where no brand chosen for the site says otherwise). */
  packWins: boolean;
}

/**
 * The conflicts of the pack `packId` whose shortcuts (normalized) and reply titles are `wanted`.
 * `installedAt` is null for a pack not installed yet, which comes after every installed one. The
 * order of who wins is Tab's (BrandsRepo.findByShortcut): the member's own reply, then packs
 * (first installed first), then the starter library.
 */
export async function findShortcutConflicts(
  db: TonoDatabase,
  pack: { id: string; installedAt: number | null },
  wanted: ReadonlyMap<string, string>,
): Promise<ShortcutConflict[]> {
  if (wanted.size === 0) return [];
  const rows = (await new TemplatesRepo(db).withShortcuts([...wanted.keys()])).filter((row) => row.packId !== pack.id);
  const otherPacks = new Map(
    (await db.packs.bulkGet([...new Set(rows.flatMap((row) => (row.packId ? [row.packId] : [])))]))
      .filter((record) => record !== undefined)
      .map((record) => [record.id, record]),
  );
  const self = { id: pack.id, installedAt: pack.installedAt ?? Infinity };
  const conflictOf = (row: Template): ShortcutConflict | null => {
    const base = { shortcut: row.shortcut, packTitle: wanted.get(row.shortcut) ?? '', otherTitle: row.title };
    if (row.source === 'personal') return { ...base, other: { kind: 'personal' }, packWins: false };
    if (row.source === 'starter') return { ...base, other: { kind: 'starter' }, packWins: true };
    const other = row.packId ? otherPacks.get(row.packId) : undefined;
    if (!other) return null;
    return { ...base, other: { kind: 'pack', name: other.name }, packWins: installedFirst(self, other) < 0 };
  };
  return rows
    .map(conflictOf)
    .filter((conflict) => conflict !== null)
    .sort((a, b) => (a.shortcut < b.shortcut ? -1 : a.shortcut > b.shortcut ? 1 : 0));
}

import type { TonoDatabase } from '../database';
import { installedFirst } from './pack-order';

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

const byShortcut = (a: ShortcutConflict, b: ShortcutConflict) => (a.shortcut < b.shortcut ? -1 : a.shortcut > b.shortcut ? 1 : 0);

/**
 * The conflicts of the pack `pack.id` whose shortcuts (normalized) and reply titles are `wanted`.
 * `installedAt` is null for a pack not installed yet, which comes after every installed one. The
 * order of who wins is Tab's (BrandsRepo.findByShortcut): the member's own reply, then packs
 * (first installed first), then the starter library.
 *
 * Other packs are read whole, pack by pack, and matched in memory: asking the chunks' shortcut
 * index for thousands of keys would load a chunk once per key it holds (10 000 loads of 200
 * replies for one large pack).
 */
export async function findShortcutConflicts(
  db: TonoDatabase,
  pack: { id: string; installedAt: number | null },
  wanted: ReadonlyMap<string, string>,
): Promise<ShortcutConflict[]> {
  if (wanted.size === 0) return [];
  const self = { id: pack.id, installedAt: pack.installedAt ?? Infinity };
  const conflicts: ShortcutConflict[] = [];
  const mine = (shortcut: string) => ({ shortcut, packTitle: wanted.get(shortcut) ?? '' });
  for (const row of await db.templates.where('shortcut').anyOf([...wanted.keys()]).toArray()) {
    if (row.packId) continue;
    const personal = row.source !== 'starter';
    conflicts.push({ ...mine(row.shortcut), otherTitle: row.title, other: { kind: personal ? 'personal' : 'starter' }, packWins: !personal });
  }
  const others = (await db.packs.toArray()).filter((record) => record.id !== pack.id);
  for (const other of others) {
    const packWins = installedFirst(self, other) < 0;
    for (const chunk of await db.packChunks.where('packId').equals(other.id).toArray()) {
      if (!chunk.shortcuts.some((shortcut) => wanted.has(shortcut))) continue;
      for (const item of chunk.items) {
        if (wanted.has(item.shortcut)) conflicts.push({ ...mine(item.shortcut), otherTitle: item.title, other: { kind: 'pack', name: other.name }, packWins });
      }
    }
  }
  return conflicts.sort(byShortcut);
}

import type { Transaction } from 'dexie';
import type { Migration } from './types';

// Shapes as this migration wrote them; later changes to the live types must not change it.
interface RowV5 {
  id: string;
  title: string;
  body: string;
  shortcut: string;
  tags: string[];
  platforms: string[];
  lang: string;
  packId?: string | null;
  packItemId?: string;
  variantGroup?: string;
  variantLabel?: string;
  searchText: string;
  usageCount: number;
  lastUsedAt: number | null;
  favorite?: boolean;
  createdAt: number;
  updatedAt: number;
}
interface ItemV6 {
  itemId: string;
  title: string;
  body: string;
  shortcut: string;
  tags: string[];
  platforms: string[];
  lang: string;
  variantGroup?: string;
  variantLabel?: string;
  searchText: string;
  createdAt: number;
  updatedAt: number;
}
const CHUNK_SIZE_V6 = 200;

function chunkIndexV6(itemId: string, count: number): number {
  let hash = 0x811c9dc5;
  for (let i = 0; i < itemId.length; i++) {
    hash ^= itemId.charCodeAt(i);
    hash = Math.imul(hash, 0x01000193);
  }
  return (hash >>> 0) % count;
}

/** Moves every installed pack's rows into chunks, and what the member did with them into packItemState. */
async function moveToChunks(tx: Transaction): Promise<void> {
  const templates = tx.table<RowV5, string>('templates');
  const packs = tx.table<{ id: string; chunkCount?: number }, string>('packs');
  const byPack = new Map<string, RowV5[]>();
  await templates.where(':id').startsWith('pack:').each((row) => {
    if (!row.packId || !row.packItemId) return;
    byPack.set(row.packId, [...(byPack.get(row.packId) ?? []), row]);
  });
  for (const [packId, rows] of byPack) {
    const record = await packs.get(packId);
    // Rows whose pack record is gone stay as plain rows: still readable, nothing lost.
    if (!record) continue;
    const count = Math.ceil(rows.length / CHUNK_SIZE_V6);
    const buckets: ItemV6[][] = Array.from({ length: count }, () => []);
    const states: { id: string; usageCount: number; lastUsedAt: number | null; favorite?: boolean }[] = [];
    for (const row of rows) {
      const item: ItemV6 = {
        itemId: row.packItemId!,
        title: row.title,
        body: row.body,
        shortcut: row.shortcut,
        tags: row.tags,
        platforms: row.platforms,
        lang: row.lang,
        ...(row.variantGroup ? { variantGroup: row.variantGroup, variantLabel: row.variantLabel ?? '' } : {}),
        searchText: row.searchText,
        createdAt: row.createdAt,
        updatedAt: row.updatedAt,
      };
      buckets[chunkIndexV6(item.itemId, count)]!.push(item);
      if (row.usageCount || row.lastUsedAt !== null || row.favorite) {
        states.push({ id: row.id, usageCount: row.usageCount, lastUsedAt: row.lastUsedAt, ...(row.favorite ? { favorite: true } : {}) });
      }
    }
    await tx.table('packChunks').bulkPut(
      buckets.map((items, index) => ({
        id: `${packId}:${index}`,
        packId,
        items,
        shortcuts: [...new Set(items.map((item) => item.shortcut).filter(Boolean))],
        variantGroups: [...new Set(items.map((item) => item.variantGroup).filter(Boolean))],
        updatedAt: items.reduce((latest, item) => Math.max(latest, item.updatedAt), 0),
      })),
    );
    if (states.length) await tx.table('packItemState').bulkPut(states);
    await templates.bulkDelete(rows.map((row) => row.id));
    await packs.update(packId, { chunkCount: count });
  }
}

/**
 * Pack replies move from one row each in `templates` to a couple of hundred per `packChunks`
 * record: Chromium pays per record written, and a 10 000-reply pack took 1.5 s as rows. The
 * member's use counts and favourites of pack replies move to `packItemState`. Personal and
 * starter rows stay where they are. The unused `lang` index goes.
 */
export const migration006: Migration = {
  version: 6,
  stores: {
    templates: 'id, shortcut, updatedAt, packId, variantGroup',
    packChunks: 'id, packId, *shortcuts, *variantGroups, updatedAt',
    packItemState: 'id',
  },
  upgrade: moveToChunks,
};

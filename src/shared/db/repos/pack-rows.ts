import type { TonoDatabase } from '../database';
import type { Template } from '../types';
import { foldText } from '../../domain/text';

/**
 * A team pack's replies are stored a couple of hundred to a record (`packChunks`), not one row
 * each: browsers pay per record written (Chromium writes 10 000 rows in about 1.5 s, the same
 * items in 50 records in under 0.2 s), and a pack is always written whole, in one transaction.
 * What is the member's own (use count, last use, favourite) lives apart in `packItemState`, so
 * a new pack version never touches it and using a reply never rewrites a chunk.
 *
 * Repositories read pack replies only through this module; it hands them out as `Template`s
 * with the same ids (`pack:<packId>:<itemId>`) they always had.
 */

/** Replies per chunk: small enough that a shortcut lookup reads little, large enough to write fast. */
export const CHUNK_SIZE = 200;

/**
 * One pack reply as stored: the pack's fields as the row model has them (shortcut normalized,
 * variant group namespaced to the pack, search text folded), plus when this member's copy
 * appeared and last changed.
 */
export type StoredPackItem = { itemId: string } & Pick<
  Template,
  'title' | 'body' | 'shortcut' | 'tags' | 'platforms' | 'lang' | 'variantGroup' | 'variantLabel' | 'searchText' | 'createdAt' | 'updatedAt'
>;

export interface PackChunk {
  /** `<packId>:<n>`. */
  id: string;
  packId: string;
  items: StoredPackItem[];
  /** Multi-entry indexes: which chunk holds a shortcut or a variant group. */
  shortcuts: string[];
  variantGroups: string[];
  /** The newest item's `updatedAt` (indexed), for "recently edited" and change detection. */
  updatedAt: number;
}

/** The member's own state for one pack reply, keyed by its row id. Written only once used. */
export interface PackItemState {
  id: string;
  usageCount: number;
  lastUsedAt: number | null;
  favorite?: boolean;
}

export const packRowId = (packId: string, itemId: string): string => `pack:${packId}:${itemId}`;

/** Pack ids never hold a colon (the format allows letters, digits, `.`, `_`, `-`). */
export function parsePackRowId(id: string): { packId: string; itemId: string } | null {
  if (!id.startsWith('pack:')) return null;
  const colon = id.indexOf(':', 5);
  if (colon < 0) return null;
  return { packId: id.slice(5, colon), itemId: id.slice(colon + 1) };
}

export const chunkCountFor = (items: number): number => Math.ceil(items / CHUNK_SIZE);

/** FNV-1a: a stable spread of item ids over a pack's chunks, so one id is found in one read. */
export function chunkIndexOf(itemId: string, chunkCount: number): number {
  let hash = 0x811c9dc5;
  for (let i = 0; i < itemId.length; i++) {
    hash ^= itemId.charCodeAt(i);
    hash = Math.imul(hash, 0x01000193);
  }
  return (hash >>> 0) % chunkCount;
}

const chunkId = (packId: string, index: number) => `${packId}:${index}`;

/** The stored item a pack reply becomes. */
export function storedItem(fields: Omit<StoredPackItem, 'searchText'>): StoredPackItem {
  return { ...fields, searchText: foldText([fields.title, fields.body, fields.shortcut, ...fields.tags].join(' ')) };
}

/** Groups a whole pack's items into chunks by id hash. */
export function chunksOf(packId: string, items: readonly StoredPackItem[]): PackChunk[] {
  const count = chunkCountFor(items.length);
  const buckets: StoredPackItem[][] = Array.from({ length: count }, () => []);
  for (const item of items) buckets[chunkIndexOf(item.itemId, count)]!.push(item);
  return buckets.map((bucket, index) => ({
    id: chunkId(packId, index),
    packId,
    items: bucket,
    shortcuts: [...new Set(bucket.map((item) => item.shortcut).filter(Boolean))],
    variantGroups: [...new Set(bucket.map((item) => item.variantGroup).filter((group): group is string => !!group))],
    updatedAt: bucket.reduce((latest, item) => Math.max(latest, item.updatedAt), 0),
  }));
}

export function toTemplate(packId: string, item: StoredPackItem, state: PackItemState | undefined): Template {
  const id = packRowId(packId, item.itemId);
  return {
    id,
    title: item.title,
    body: item.body,
    shortcut: item.shortcut,
    tags: item.tags,
    platforms: item.platforms,
    lang: item.lang,
    ...(item.variantGroup ? { variantGroup: item.variantGroup, variantLabel: item.variantLabel ?? '' } : {}),
    source: 'pack',
    packId,
    packItemId: item.itemId,
    searchText: item.searchText,
    usageCount: state?.usageCount ?? 0,
    lastUsedAt: state?.lastUsedAt ?? null,
    ...(state?.favorite ? { favorite: true } : {}),
    createdAt: item.createdAt,
    updatedAt: item.updatedAt,
  };
}

/** Every row id of one pack sorts between these two keys. */
const stateRange = (packId: string): [string, string] => [`pack:${packId}:`, `pack:${packId};`];

/** Reads and writes pack replies. A transaction that calls it must include its `tables`. */
export class PackRows {
  constructor(private readonly db: TonoDatabase) {}

  /** The tables a transaction that reads or writes pack replies needs. */
  get tables() {
    return [this.db.packs, this.db.packChunks, this.db.packItemState] as const;
  }

  private async expand(chunks: readonly PackChunk[], keep: (item: StoredPackItem) => boolean = () => true): Promise<Template[]> {
    const picked: { packId: string; item: StoredPackItem }[] = [];
    for (const chunk of chunks) for (const item of chunk.items) if (keep(item)) picked.push({ packId: chunk.packId, item });
    if (picked.length === 0) return [];
    const states = await this.statesFor(picked.map(({ packId, item }) => packRowId(packId, item.itemId)), picked.length > 500);
    return picked.map(({ packId, item }) => toTemplate(packId, item, states.get(packRowId(packId, item.itemId))));
  }

  /** Member state for `ids`: read whole when asked for many (few rows exist), else by key. */
  private async statesFor(ids: readonly string[], many: boolean): Promise<Map<string, PackItemState>> {
    const rows = many ? await this.db.packItemState.toArray() : (await this.db.packItemState.bulkGet([...ids])).filter((s) => s !== undefined);
    return new Map(rows.map((state) => [state.id, state]));
  }

  /** Every pack reply of every pack. */
  async all(): Promise<Template[]> {
    return this.expand(await this.db.packChunks.toArray());
  }

  /** One pack's replies. */
  async ofPack(packId: string): Promise<Template[]> {
    return this.expand(await this.db.packChunks.where('packId').equals(packId).toArray());
  }

  /** One pack's stored items, without member state (for diffs and rewrites). */
  async storedItems(packId: string): Promise<StoredPackItem[]> {
    const chunks = await this.db.packChunks.where('packId').equals(packId).toArray();
    return chunks.flatMap((chunk) => chunk.items);
  }

  async get(id: string): Promise<Template | undefined> {
    return (await this.bulkGet([id]))[0];
  }

  /** The pack replies among `ids`, in no particular order; ids that are not pack rows are ignored. */
  async bulkGet(ids: readonly string[]): Promise<Template[]> {
    const wanted = ids.map(parsePackRowId).filter((parsed) => parsed !== null);
    if (wanted.length === 0) return [];
    const records = new Map((await this.db.packs.bulkGet([...new Set(wanted.map((w) => w.packId))])).filter((r) => r !== undefined).map((r) => [r.id, r]));
    const chunkIds = new Set<string>();
    for (const { packId, itemId } of wanted) {
      const count = records.get(packId)?.chunkCount;
      if (count) chunkIds.add(chunkId(packId, chunkIndexOf(itemId, count)));
    }
    const chunks = (await this.db.packChunks.bulkGet([...chunkIds])).filter((chunk) => chunk !== undefined);
    const wantedIds = new Set(ids);
    return this.expand(
      chunks.map((chunk) => ({ ...chunk, items: chunk.items.filter((item) => wantedIds.has(packRowId(chunk.packId, item.itemId))) })),
    );
  }

  /** Pack replies answering to any of `shortcuts` (normalized). */
  async withShortcuts(shortcuts: readonly string[]): Promise<Template[]> {
    if (shortcuts.length === 0) return [];
    const wanted = new Set(shortcuts);
    const chunks = await this.db.packChunks.where('shortcuts').anyOf([...wanted]).distinct().toArray();
    return this.expand(chunks, (item) => wanted.has(item.shortcut));
  }

  async inVariantGroup(group: string): Promise<Template[]> {
    const chunks = await this.db.packChunks.where('variantGroups').equals(group).toArray();
    return this.expand(chunks, (item) => item.variantGroup === group);
  }

  /** The shortcuts the replies of `packIds` use, from the chunks' own lists (no reply is built). */
  async shortcutsOf(packIds: readonly string[]): Promise<string[]> {
    if (packIds.length === 0) return [];
    const chunks = await this.db.packChunks.where('packId').anyOf([...packIds]).toArray();
    return [...new Set(chunks.flatMap((chunk) => chunk.shortcuts))];
  }

  /** Every shortcut some pack reply uses, from the index alone. */
  async shortcutKeys(): Promise<string[]> {
    return (await this.db.packChunks.orderBy('shortcuts').uniqueKeys()).map(String).filter((key) => key.length > 0);
  }

  /** The `limit` most recently changed pack replies, reading chunks newest first only as far as needed. */
  async recentlyEdited(limit: number): Promise<Template[]> {
    const best: Template[] = [];
    const chunks = this.db.packChunks.orderBy('updatedAt').reverse();
    for (let offset = 0; ; offset += 4) {
      const batch = await chunks.clone().offset(offset).limit(4).toArray();
      if (batch.length === 0) break;
      const floor = best.length >= limit ? best[limit - 1]!.updatedAt : -Infinity;
      if (batch[0]!.updatedAt < floor) break;
      best.push(...(await this.expand(batch, (item) => item.updatedAt >= floor)));
      best.sort((a, b) => b.updatedAt - a.updatedAt);
      best.length = Math.min(best.length, limit);
    }
    return best;
  }

  /** How many pack replies there are, and when the newest one changed: from pack records and an index. */
  async summary(): Promise<{ count: number; latest: number }> {
    const [records, latest] = await Promise.all([this.db.packs.toArray(), this.db.packChunks.orderBy('updatedAt').reverse().limit(1).keys()]);
    const count = records.reduce((sum, record) => sum + (record.chunkCount ? record.templateCount : 0), 0);
    return { count, latest: Number(latest[0] ?? 0) };
  }

  /** Replaces a pack's replies with `items`; returns the chunk count its record must keep. Run inside a transaction. */
  async write(packId: string, items: readonly StoredPackItem[]): Promise<number> {
    const chunks = chunksOf(packId, items);
    // Chunks keep their ids across versions, so puts overwrite; only ids past the new count go.
    const keep = new Set(chunks.map((chunk) => chunk.id));
    const stale = (await this.db.packChunks.where('packId').equals(packId).primaryKeys()).filter((id) => !keep.has(id));
    if (stale.length) await this.db.packChunks.bulkDelete(stale);
    if (chunks.length) await this.db.packChunks.bulkPut(chunks);
    return chunks.length;
  }

  /** Removes a pack's replies and the member's state for them. Run inside a transaction. */
  async removePack(packId: string): Promise<void> {
    await this.db.packChunks.where('packId').equals(packId).delete();
    const [from, to] = stateRange(packId);
    await this.db.packItemState.where('id').between(from, to).delete();
  }

  /** Drops state kept for replies a new pack version no longer has. Run inside a transaction. */
  async forgetStates(ids: readonly string[]): Promise<void> {
    if (ids.length) await this.db.packItemState.bulkDelete([...ids]);
  }

  /** Counts a use of a pack reply; false (nothing written) when no pack has `id`. */
  recordUse(id: string, now: number): Promise<boolean> {
    return this.updateState(id, (row) => ({ usageCount: row.usageCount + 1, lastUsedAt: now, favorite: row.favorite }));
  }

  /** False (nothing written) when no pack has `id`. */
  setFavorite(id: string, favorite: boolean): Promise<boolean> {
    return this.updateState(id, (row) => ({ usageCount: row.usageCount, lastUsedAt: row.lastUsedAt, favorite }));
  }

  private updateState(id: string, next: (row: Template) => Omit<PackItemState, 'id'>): Promise<boolean> {
    return this.db.transaction('rw', this.tables, async () => {
      const row = await this.get(id);
      if (!row) return false;
      const { favorite, ...counts } = next(row);
      await this.db.packItemState.put({ id, ...counts, ...(favorite ? { favorite: true } : {}) });
      return true;
    });
  }
}

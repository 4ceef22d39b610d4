import type { TonoDatabase } from '../database';
import type { Template } from '../types';
import { normalizeShortcut } from '../../domain/text';
import { BrandsRepo } from './brands';
import { findShortcutConflicts, type ShortcutConflict } from './pack-conflicts';
import { PackRows, packRowId, storedItem, type StoredPackItem } from './pack-rows';
// Direct module imports, not the pack barrel: the worker loads this repository and must not
// bundle the CSV parser.
import { diffPack, type PackDiff, type PackItemState } from '../../domain/pack/diff';
import { packError, type PackError, type PackResult } from '../../domain/pack/errors';
import { dropCommonShortcuts } from '../../domain/pack/common-words';
import { templateFingerprint } from '../../domain/pack/export';
import type { Pack, PackGuideline, PackRule, PackTemplate } from '../../domain/pack/format';
import { MAX_TOTAL_PACK_SIZE, packSize } from '../../domain/pack/size';

/** An installed pack: its guide and rules live here, its replies are rows of `templates`. */
export interface PackRecord {
  id: string;
  name: string;
  version: string;
  /** The pack's own `updatedAt` (ISO 8601), as its author wrote it. */
  updatedAt: string;
  guidelines: PackGuideline[];
  rules: PackRule[];
  templateCount: number;
  /** How many `packChunks` records hold its replies (absent only on a record with no replies). */
  chunkCount?: number;
  /** The subscription URL it syncs from, or null for a pack imported from a file. */
  sourceUrl: string | null;
  installedAt: number;
  appliedAt: number;
  /** packSize of what was applied, counted against MAX_TOTAL_PACK_SIZE (absent on older records). */
  size?: number;
  /** Shortcuts the pack asked for that are common words, so its replies were installed without them. */
  ignoredShortcuts?: string[];
}

export type PackSyncStatus = 'pending' | 'ok' | 'error';

/** A URL a member follows. Its pack stays at the last good version whatever the last attempt did. */
export interface PackSubscription {
  url: string;
  /** The pack the URL last delivered successfully (null until the first good sync). */
  packId: string | null;
  etag: string | null;
  /** SHA-256 of the last good body: tells a real change from a server that ignored If-None-Match. */
  bodyHash: string | null;
  status: PackSyncStatus;
  error: PackError | null;
  lastAttemptAt: number | null;
  lastSuccessAt: number | null;
  /** When a sync last changed what the member sees. */
  lastChangeAt: number | null;
  createdAt: number;
  /** Set by an administrator's policy (managed storage): members cannot unfollow it. */
  managed?: boolean;
}

/** The last version a team lead exported of a pack id, to diff against before the next export. */
export interface PackExport {
  id: string;
  pack: Pack;
  exportedAt: number;
}

export interface ApplyOptions {
  sourceUrl: string | null;
  allowRemoveAll?: boolean;
  /** The member confirmed that the subscription's pack may be replaced by one with another id. */
  allowIdChange?: boolean;
  now?: number;
  /** Set when the pack came from a sync: the subscription's new validators, written in the same transaction. */
  fetched?: { etag: string | null; bodyHash: string };
}

export interface InstalledPack {
  record: PackRecord;
  subscription: PackSubscription | null;
}

export { packRowId, type ShortcutConflict };

/** How many ignored shortcuts a record keeps to show (the count of a hostile pack's is not interesting). */
const MAX_IGNORED_SHOWN = 50;
const MB = 1024 * 1024;

/** A pack's variant groups live in their own namespace, so they never merge with personal ones. */
const packGroup = (packId: string, group: string | undefined) => (group ? `pack:${packId}:${group}` : undefined);
const variantOf = (row: Pick<Template, 'variantGroup' | 'variantLabel' | 'packId'>): Pick<PackTemplate, 'variantGroup' | 'variantLabel'> => {
  const prefix = row.packId ? `pack:${row.packId}:` : '';
  const group = row.variantGroup?.startsWith(prefix) ? row.variantGroup.slice(prefix.length) : row.variantGroup;
  // A personal variant may have joined a pack's group: its id must still be a valid pack id.
  const safe = group?.replace(/[^A-Za-z0-9._-]/g, '_').replace(/^[._-]+/, '');
  return safe ? { variantGroup: safe, ...(row.variantLabel ? { variantLabel: row.variantLabel } : {}) } : {};
};

function storedToItem(packId: string, item: StoredPackItem): PackItemState {
  return {
    id: item.itemId,
    title: item.title,
    body: item.body,
    shortcut: item.shortcut,
    tags: item.tags,
    platforms: item.platforms,
    lang: item.lang,
    ...variantOf({ ...item, packId }),
  };
}

function itemToStored(packId: string, item: PackTemplate, previous: StoredPackItem | undefined, changed: boolean, now: number): StoredPackItem {
  const variant = item.variantGroup ? { variantGroup: packGroup(packId, item.variantGroup), variantLabel: item.variantLabel ?? '' } : {};
  // Most of an update is unchanged: keep those items as stored (no new search text to fold).
  if (previous && !changed && previous.variantGroup === variant.variantGroup && (previous.variantLabel ?? '') === (variant.variantLabel ?? '')) {
    return previous;
  }
  return storedItem({
    itemId: item.id,
    title: item.title,
    body: item.body,
    shortcut: normalizeShortcut(item.shortcut),
    tags: item.tags,
    platforms: item.platforms,
    lang: item.lang,
    ...variant,
    createdAt: previous?.createdAt ?? now,
    // An item this version did not change keeps its date, so "recently edited" means edited.
    updatedAt: previous && !changed ? previous.updatedAt : now,
  });
}

/** Thrown inside a transaction to roll it back and carry the reason out. */
class ApplyRefused extends Error {
  constructor(readonly packError: PackError) {
    super(packError.code);
  }
}

/** The only code that reads or writes packs, their subscriptions and their template rows. */
export class PacksRepo {
  private readonly rows: PackRows;

  constructor(private readonly db: TonoDatabase) {
    this.rows = new PackRows(db);
  }

  /** What a pack looks like installed right now, for diffs; null when it is not installed. */
  async current(packId: string): Promise<{ record: PackRecord; templates: PackItemState[] } | null> {
    const record = await this.db.packs.get(packId);
    if (!record) return null;
    const stored = await this.rows.storedItems(packId);
    return { record, templates: stored.map((item) => storedToItem(packId, item)) };
  }

  /** Computes the preview a member confirms; nothing is written. */
  async preview(input: Pack): Promise<PackDiff> {
    const pack = dropCommonShortcuts(input).pack;
    const current = await this.current(pack.id);
    return diffPack(current && { version: current.record.version, templates: current.templates, guidelines: current.record.guidelines }, pack);
  }

  /**
   * Pack shortcuts already used by replies outside this pack, and who keeps each. Nothing is
   * overwritten, but one shortcut then has two replies, and the member should know before applying.
   */
  async shortcutConflicts(input: Pack): Promise<ShortcutConflict[]> {
    const pack = dropCommonShortcuts(input).pack;
    const wanted = new Map(pack.templates.filter((t) => t.shortcut).map((t) => [normalizeShortcut(t.shortcut), t.title]));
    const installed = await this.db.packs.get(pack.id);
    return findShortcutConflicts(this.db, { id: pack.id, installedAt: installed?.installedAt ?? null }, wanted);
  }

  /** The conflicts of an installed pack as they stand now (the member may have added a reply since it synced). */
  async conflictsOf(packId: string): Promise<ShortcutConflict[]> {
    const record = await this.db.packs.get(packId);
    if (!record) return [];
    const items = await this.rows.storedItems(packId);
    return findShortcutConflicts(this.db, record, new Map(items.filter((item) => item.shortcut).map((item) => [item.shortcut, item.title])));
  }

  /**
   * Installs `pack` in ONE transaction: its rows are replaced, personal rows are never touched
   * (they live under other ids), and any refusal or failure leaves the database as it was.
   * Shortcuts that are common words are dropped first (see dropCommonShortcuts), so a pack can
   * never make Tab after "ok" expand; the record keeps which ones, for the member to see.
   */
  async apply(input: Pack, options: ApplyOptions): Promise<PackResult<PackDiff>> {
    const now = options.now ?? Date.now();
    const { pack, dropped } = dropCommonShortcuts(input);
    const size = packSize(pack);
    const { db } = this;
    try {
      // Brand settings are only written when a confirmed id change replaces a pack.
      const tables = options.allowIdChange ? [db.packSubscriptions, db.settings, ...this.rows.tables] : [db.packSubscriptions, ...this.rows.tables];
      const diff = await db.transaction('rw', tables, async () => {
        const existing = await db.packs.get(pack.id);
        if (existing && existing.sourceUrl !== options.sourceUrl) {
          throw new ApplyRefused(packError('idConflict', pack.id, existing.sourceUrl ?? 'file'));
        }
        const replaced = await this.replacedBy(pack, options);
        await this.checkRoom(pack.id, size, replaced);
        const stored = existing ? await this.rows.storedItems(pack.id) : [];
        const diff = diffPack(
          existing ? { version: existing.version, templates: stored.map((item) => storedToItem(pack.id, item)), guidelines: existing.guidelines } : null,
          pack,
        );
        if (diff.removesAll && !options.allowRemoveAll) {
          throw new ApplyRefused(packError('removesAll', stored.length, existing?.version ?? ''));
        }
        for (const old of replaced) await this.replace(old, pack);
        // The whole pack is rewritten: a few hundred records, far cheaper than a row per changed reply.
        const byItem = new Map(stored.map((item) => [item.itemId, item]));
        const changed = new Set([...diff.added.map((item) => item.id), ...diff.changed.map((change) => change.after.id)]);
        const chunkCount = await this.rows.write(
          pack.id,
          pack.templates.map((item) => itemToStored(pack.id, item, byItem.get(item.id), changed.has(item.id), now)),
        );
        await this.rows.forgetStates(diff.removed.map((item) => packRowId(pack.id, item.id)));
        await db.packs.put({
          id: pack.id,
          name: pack.name,
          version: pack.version,
          updatedAt: pack.updatedAt,
          guidelines: pack.guidelines,
          rules: pack.rules,
          templateCount: pack.templates.length,
          chunkCount,
          sourceUrl: options.sourceUrl,
          installedAt: existing?.installedAt ?? now,
          appliedAt: now,
          size,
          ...(dropped.length ? { ignoredShortcuts: dropped.slice(0, MAX_IGNORED_SHOWN) } : {}),
        });
        if (options.sourceUrl && options.fetched) {
          const subscription = await db.packSubscriptions.get(options.sourceUrl);
          if (subscription) {
            const changed = diff.added.length + diff.changed.length + diff.removed.length > 0 || existing?.version !== pack.version;
            await db.packSubscriptions.put({
              ...subscription,
              packId: pack.id,
              etag: options.fetched.etag,
              bodyHash: options.fetched.bodyHash,
              status: 'ok',
              error: null,
              lastAttemptAt: now,
              lastSuccessAt: now,
              lastChangeAt: changed ? now : subscription.lastChangeAt,
            });
          }
        }
        return diff;
      });
      return { ok: true, value: diff };
    } catch (error) {
      if (error instanceof ApplyRefused) return { ok: false, error: error.packError };
      throw error;
    }
  }

  /**
   * A subscription owns exactly one pack. When its URL starts delivering a pack with another id,
   * that is refused (the installed pack stays, the member sees both ids) unless the member
   * confirmed the replacement; then every pack the URL installed goes in the same transaction.
   * Replacing silently would let a host churn through ids; keeping both is how a host filled the
   * quota one 10 MB pack an hour. A team that renames its pack is rare, and the member decides.
   */
  private async replacedBy(pack: Pack, options: ApplyOptions): Promise<PackRecord[]> {
    const url = options.sourceUrl;
    if (!url) return [];
    const previous = (await this.db.packSubscriptions.get(url))?.packId;
    if (!previous || previous === pack.id || !(await this.db.packs.get(previous))) return [];
    if (!options.allowIdChange) throw new ApplyRefused(packError('idChanged', previous, pack.id));
    return (await this.db.packs.where('sourceUrl').equals(url).toArray()).filter((record) => record.id !== pack.id);
  }

  /** Refuses a pack that would take team packs past MAX_TOTAL_PACK_SIZE (a new version replaces its own size). */
  private async checkRoom(packId: string, size: number, replaced: readonly PackRecord[]): Promise<void> {
    const leaving = new Set([packId, ...replaced.map((record) => record.id)]);
    let used = 0;
    for (const record of await this.db.packs.toArray()) if (!leaving.has(record.id)) used += await this.sizeOf(record);
    if (used + size > MAX_TOTAL_PACK_SIZE) {
      throw new ApplyRefused(packError('storageCap', Math.ceil(size / MB), Math.round(MAX_TOTAL_PACK_SIZE / MB), Math.ceil(used / MB)));
    }
  }

  /** A record's size; measured from its rows once for records installed before sizes were kept. */
  private async sizeOf(record: PackRecord): Promise<number> {
    if (typeof record.size === 'number') return record.size;
    const templates = (await this.rows.storedItems(record.id)).map((item) => storedToItem(record.id, item));
    const size = packSize({ ...record, templates });
    await this.db.packs.update(record.id, { size });
    return size;
  }

  /**
   * Removes a pack the subscription's new pack replaces. The member's use counts and favourites
   * follow replies the new pack keeps under the same item id, and so do the pack's brand
   * settings, unless the new pack already has its own.
   */
  private async replace(old: PackRecord, next: Pack): Promise<void> {
    const { db } = this;
    const kept = new Set(next.templates.map((item) => item.id));
    const states = await db.packItemState.where('id').between(`pack:${old.id}:`, `pack:${old.id};`).toArray();
    const moved = states.flatMap((state) => {
      const itemId = state.id.slice(`pack:${old.id}:`.length);
      return kept.has(itemId) ? [{ ...state, id: packRowId(next.id, itemId) }] : [];
    });
    const taken = new Set((await db.packItemState.bulkGet(moved.map((state) => state.id))).flatMap((state) => (state ? [state.id] : [])));
    await db.packItemState.bulkPut(moved.filter((state) => !taken.has(state.id)));
    await this.rows.removePack(old.id);
    await db.packs.delete(old.id);
    await new BrandsRepo(db).movePack(old.id, next.id);
  }

  /**
   * Every installed pack with its subscription, by name. A pack is its URL's only while the
   * subscription names it: one a URL left behind under an older id (before ids were held to one
   * per subscription) is listed on its own, so it can be removed.
   */
  async list(): Promise<InstalledPack[]> {
    const [records, subscriptions] = await Promise.all([this.db.packs.toArray(), this.db.packSubscriptions.toArray()]);
    const byUrl = new Map(subscriptions.map((s) => [s.url, s]));
    const owner = (record: PackRecord) => {
      const subscription = record.sourceUrl ? byUrl.get(record.sourceUrl) : undefined;
      return subscription && (subscription.packId ?? record.id) === record.id ? subscription : null;
    };
    return records.map((record) => ({ record, subscription: owner(record) })).sort((a, b) => a.record.name.localeCompare(b.record.name));
  }

  /** A pack's reply rows, for listing and duplicating. */
  async items(packId: string): Promise<Template[]> {
    return (await this.rows.ofPack(packId)).sort((a, b) => (a.title < b.title ? -1 : a.title > b.title ? 1 : 0));
  }

  /** Removes a pack, its rows and its subscription together. Personal copies stay. */
  async remove(packId: string): Promise<void> {
    const { db } = this;
    await db.transaction('rw', [db.packSubscriptions, ...this.rows.tables], async () => {
      await this.rows.removePack(packId);
      await db.packSubscriptions.where('packId').equals(packId).delete();
      await db.packs.delete(packId);
    });
  }

  // --- subscriptions -------------------------------------------------------------------------

  subscriptions(): Promise<PackSubscription[]> {
    return this.db.packSubscriptions.toArray();
  }

  subscription(url: string): Promise<PackSubscription | undefined> {
    return this.db.packSubscriptions.get(url);
  }

  /** Follows a URL; idempotent. The first sync fills in the pack. */
  async subscribe(url: string, now = Date.now()): Promise<PackSubscription> {
    const { db } = this;
    return db.transaction('rw', db.packSubscriptions, async () => {
      const existing = await db.packSubscriptions.get(url);
      if (existing) return existing;
      const subscription: PackSubscription = {
        url,
        packId: null,
        etag: null,
        bodyHash: null,
        status: 'pending',
        error: null,
        lastAttemptAt: null,
        lastSuccessAt: null,
        lastChangeAt: null,
        createdAt: now,
      };
      await db.packSubscriptions.put(subscription);
      return subscription;
    });
  }

  /**
   * Makes the managed (policy) subscriptions exactly `urls`: new ones are followed, ones the
   * policy dropped are unfollowed, and a URL the member already followed becomes managed.
   */
  async reconcileManaged(urls: readonly string[], now = Date.now()): Promise<{ added: string[]; removed: string[] }> {
    const wanted = new Set(urls);
    const current = await this.db.packSubscriptions.toArray();
    const removed = current.filter((s) => s.managed && !wanted.has(s.url)).map((s) => s.url);
    for (const url of removed) await this.unsubscribe(url);
    const added: string[] = [];
    for (const url of wanted) {
      const existing = current.find((s) => s.url === url);
      if (!existing) added.push(url);
      await this.subscribe(url, now);
      if (!existing?.managed) await this.db.packSubscriptions.update(url, { managed: true });
    }
    return { added, removed };
  }

  /** Stops following a URL and removes every pack it installed (under any id it ever delivered). */
  async unsubscribe(url: string): Promise<void> {
    const { db } = this;
    await db.transaction('rw', [db.packSubscriptions, ...this.rows.tables], async () => {
      await db.packSubscriptions.delete(url);
      for (const packId of await db.packs.where('sourceUrl').equals(url).primaryKeys()) {
        await this.rows.removePack(packId);
        await db.packs.delete(packId);
      }
    });
  }

  /** A failed attempt: only the status changes; the installed pack and validators stay as they were. */
  async recordFailure(url: string, error: PackError, now = Date.now()): Promise<void> {
    await this.db.packSubscriptions.update(url, { status: 'error', error, lastAttemptAt: now });
  }

  /** A 304 (or an identical body): the pack is current. One small write, no parsing. */
  async recordUnchanged(url: string, now = Date.now(), etag?: string | null): Promise<void> {
    const changes: Partial<PackSubscription> = { status: 'ok', error: null, lastAttemptAt: now, lastSuccessAt: now };
    if (etag !== undefined) changes.etag = etag;
    await this.db.packSubscriptions.update(url, changes);
  }

  // --- personal copies -----------------------------------------------------------------------

  /**
   * Personal and starter rows without reading any pack row: pack rows all live under the `pack:`
   * id prefix (packRowId), so two key ranges skip them. Besides not reading 10 000 rows, live
   * queries built on this are not re-run when a pack is imported or synced.
   */
  private async nonPackRows(): Promise<Template[]> {
    const [before, after] = await Promise.all([
      this.db.templates.where(':id').below('pack:').toArray(),
      this.db.templates.where(':id').aboveOrEqual('pack;').toArray(),
    ]);
    return [...before, ...after].filter((t) => t.source !== 'pack' && !t.packId);
  }

  /** "Duplicate to my library": an editable personal copy that remembers where it came from. */
  async duplicateToLibrary(rowId: string, now = Date.now(), newId: string = crypto.randomUUID()): Promise<Template | null> {
    const row = await this.rows.get(rowId);
    if (!row?.packId || !row.packItemId) return null;
    const copy: Template = {
      ...row,
      id: newId,
      source: 'personal',
      packId: null,
      packItemId: undefined,
      copiedFrom: { packId: row.packId, itemId: row.packItemId, fingerprint: templateFingerprint(row) },
      usageCount: 0,
      lastUsedAt: null,
      createdAt: now,
      updatedAt: now,
    };
    delete copy.packItemId;
    await this.db.templates.put(copy);
    return copy;
  }

  /** Personal copies whose pack original the team has since changed or removed. */
  async changedOriginals(): Promise<{ copy: Template; original: Template | null }[]> {
    const copies = (await this.nonPackRows()).filter((t) => !!t.copiedFrom);
    const originals = new Map((await this.rows.bulkGet(copies.map((copy) => packRowId(copy.copiedFrom!.packId, copy.copiedFrom!.itemId)))).map((row) => [row.id, row]));
    const result: { copy: Template; original: Template | null }[] = [];
    for (const copy of copies) {
      const from = copy.copiedFrom!;
      const original = originals.get(packRowId(from.packId, from.itemId)) ?? null;
      if (!original || templateFingerprint(original) !== from.fingerprint) result.push({ copy, original });
    }
    return result;
  }

  /** The member has seen the team's change: remember the current original (or forget a removed one). */
  async acknowledgeOriginal(copyId: string): Promise<void> {
    const copy = await this.db.templates.get(copyId);
    const from = copy?.copiedFrom;
    if (!copy || !from) return;
    const original = await this.rows.get(packRowId(from.packId, from.itemId));
    if (original) await this.db.templates.update(copyId, { copiedFrom: { ...from, fingerprint: templateFingerprint(original) } });
    else await this.db.templates.update(copyId, { copiedFrom: undefined });
  }

  // --- exporting -----------------------------------------------------------------------------

  /** The member's own replies (personal and starter, never pack rows) shaped as pack templates. */
  async libraryTemplates(filter?: { tag?: string }): Promise<PackTemplate[]> {
    const rows = await this.nonPackRows();
    return rows
      .filter((t) => !filter?.tag || t.tags.includes(filter.tag))
      .map((t) => ({ id: t.id, title: t.title, body: t.body, shortcut: t.shortcut, tags: t.tags, platforms: t.platforms, lang: t.lang, ...variantOf(t) }));
  }

  lastExport(id: string): Promise<PackExport | undefined> {
    return this.db.packExports.get(id);
  }

  async recordExport(pack: Pack, now = Date.now()): Promise<void> {
    await this.db.packExports.put({ id: pack.id, pack, exportedAt: now });
  }
}

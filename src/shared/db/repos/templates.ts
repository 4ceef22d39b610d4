import type { TonoDatabase } from '../database';
import type { Template } from '../types';
import { foldText, normalizeShortcut } from '../../domain/text';
import { packInstallOrder } from './pack-order';
import { PackRows, parsePackRowId } from './pack-rows';

export type TemplateDraft = Omit<Template, 'searchText' | 'usageCount' | 'lastUsedAt' | 'createdAt' | 'updatedAt'> &
  Partial<Pick<Template, 'usageCount' | 'lastUsedAt' | 'createdAt'>>;

/** The folded text search runs over; exported so benchmarks and seeds build rows of the same shape. */
export function searchTextOf(t: Pick<Template, 'title' | 'body' | 'shortcut' | 'tags'>): string {
  return foldText([t.title, t.body, t.shortcut, ...t.tags].join(' '));
}

/** What a bulk action did: the rows as they were before it (to undo), and pack rows it skipped. */
export interface BulkOutcome {
  before: Template[];
  skipped: number;
}

const SOURCE_PRIORITY: Record<Template['source'], number> = { personal: 0, pack: 1, starter: 2 };

const byUpdatedDesc = (a: Template, b: Template) => b.updatedAt - a.updatedAt;

/**
 * The only code that reads or writes approved replies. Personal and starter replies are rows of
 * `templates`; team-pack replies come from `PackRows` and read the same.
 */
export class TemplatesRepo {
  private readonly packRows: PackRows;

  constructor(private readonly db: TonoDatabase) {
    this.packRows = new PackRows(db);
  }

  async save(draft: TemplateDraft, now = Date.now()): Promise<Template> {
    const shortcut = normalizeShortcut(draft.shortcut);
    const template: Template = {
      usageCount: 0,
      lastUsedAt: null,
      createdAt: now,
      ...draft,
      shortcut,
      searchText: searchTextOf({ ...draft, shortcut }),
      updatedAt: now,
    };
    await this.db.templates.put(template);
    return template;
  }

  /** Adds all drafts in one transaction: either every one lands or none does. */
  async saveAll(drafts: readonly TemplateDraft[], now = Date.now()): Promise<void> {
    await this.db.transaction('rw', this.db.templates, async () => {
      for (const draft of drafts) await this.save(draft, now);
    });
  }

  async get(id: string): Promise<Template | undefined> {
    if (parsePackRowId(id)) return (await this.packRows.get(id)) ?? this.db.templates.get(id);
    return this.db.templates.get(id);
  }

  /** Every reply, personal or from a pack, answering to any of `normalized` shortcuts. */
  async withShortcuts(normalized: readonly string[]): Promise<Template[]> {
    if (normalized.length === 0) return [];
    const [rows, packed] = await Promise.all([this.db.templates.where('shortcut').anyOf([...normalized]).toArray(), this.packRows.withShortcuts(normalized)]);
    return [...rows, ...packed];
  }

  /**
   * The reply a typed shortcut expands to. Several can share one (a pack and the member's own
   * library): the member's personal reply wins, then a team pack's (the pack installed first),
   * then the starter library's.
   */
  async findByShortcut(shortcut: string): Promise<Template | undefined> {
    const matches = await this.withShortcuts([normalizeShortcut(shortcut)]);
    const packOrder = await packInstallOrder(this.db, matches);
    return matches.sort((a, b) => SOURCE_PRIORITY[a.source] - SOURCE_PRIORITY[b.source] || packOrder(a, b) || b.updatedAt - a.updatedAt)[0];
  }

  /** All shortcuts, for the content script's synchronous Tab decision. */
  async shortcuts(): Promise<string[]> {
    const [keys, packed] = await Promise.all([this.db.templates.orderBy('shortcut').uniqueKeys(), this.packRows.shortcutKeys()]);
    return [...new Set([...keys.map(String), ...packed])].filter((key) => key.length > 0).sort();
  }

  /** Most used first, then most recently edited. */
  async list(): Promise<Template[]> {
    const [rows, packed] = await Promise.all([this.db.templates.toArray(), this.packRows.all()]);
    const all = rows.concat(packed);
    return all.sort((a, b) => b.usageCount - a.usageCount || b.updatedAt - a.updatedAt);
  }

  /** The template already using `shortcut`, other than `exceptId`; shortcuts must stay unique. */
  async shortcutOwner(shortcut: string, exceptId?: string): Promise<Template | undefined> {
    const normalized = normalizeShortcut(shortcut);
    if (!normalized) return undefined;
    const owners = await this.withShortcuts([normalized]);
    return owners.find((t) => t.id !== exceptId);
  }

  async remove(id: string): Promise<void> {
    await this.db.templates.delete(id);
  }

  /** Puts a removed template back exactly as it was (undo). */
  async restore(template: Template): Promise<void> {
    await this.db.templates.put(template);
  }

  /** Puts removed or changed templates back exactly as they were (undo of a bulk action), atomically. */
  async restoreAll(templates: readonly Template[]): Promise<void> {
    await this.db.templates.bulkPut([...templates]);
  }

  /**
   * Adds `tag` to (or removes it from) every personal template of `ids`, in one transaction.
   * Team-pack rows are read-only and skipped. Returns the rows as they were before (for undo)
   * and how many pack rows were left alone.
   */
  async retagAll(ids: readonly string[], tag: string, action: 'add' | 'remove', now = Date.now()): Promise<BulkOutcome> {
    const wanted = tag.trim();
    return this.db.transaction('rw', this.db.templates, async () => {
      const { editable, skipped } = await this.editableRows(ids);
      const before: Template[] = [];
      const changed: Template[] = [];
      for (const row of editable) {
        const has = row.tags.includes(wanted);
        if (!wanted || has === (action === 'add')) continue;
        const tags = action === 'add' ? [...row.tags, wanted] : row.tags.filter((existing) => existing !== wanted);
        before.push(row);
        changed.push({ ...row, tags, searchText: searchTextOf({ ...row, tags }), updatedAt: now });
      }
      await this.db.templates.bulkPut(changed);
      return { before, skipped };
    });
  }

  /** Deletes every personal template of `ids` in one transaction; team-pack rows are skipped. */
  async removeAll(ids: readonly string[]): Promise<BulkOutcome> {
    return this.db.transaction('rw', this.db.templates, async () => {
      const { editable, skipped } = await this.editableRows(ids);
      await this.db.templates.bulkDelete(editable.map((row) => row.id));
      return { before: editable, skipped };
    });
  }

  private async editableRows(ids: readonly string[]): Promise<{ editable: Template[]; skipped: number }> {
    const rows = (await this.db.templates.bulkGet([...ids])).filter((row): row is Template => row !== undefined);
    const editable = rows.filter((row) => row.source !== 'pack');
    // Pack replies are not rows of `templates` (see PackRows): each one asked for is skipped.
    const found = new Set(rows.map((row) => row.id));
    const packReplies = ids.filter((id) => !found.has(id) && parsePackRowId(id)).length;
    return { editable, skipped: rows.length - editable.length + packReplies };
  }

  /** Every variant of one reply (its group), through the `variantGroup` index. */
  async variantsOf(group: string): Promise<Template[]> {
    const [rows, packed] = await Promise.all([this.db.templates.where('variantGroup').equals(group).toArray(), this.packRows.inVariantGroup(group)]);
    return [...rows, ...packed];
  }

  /**
   * Saves `draft` as a new variant of `of`, in one transaction: a reply that had no group yet
   * starts one (named after its id), so both rows share it.
   */
  async addVariant(of: Template, draft: TemplateDraft, now = Date.now()): Promise<Template> {
    return this.db.transaction('rw', [this.db.templates, ...this.packRows.tables], async () => {
      const current = (await this.get(of.id)) ?? of;
      const group = current.variantGroup ?? current.id;
      if (!current.variantGroup && current.source !== 'pack') await this.db.templates.update(current.id, { variantGroup: group, updatedAt: now });
      return this.save({ ...draft, variantGroup: group }, now);
    });
  }

  async setFavorite(id: string, favorite: boolean): Promise<void> {
    if (parsePackRowId(id) && (await this.packRows.setFavorite(id, favorite))) return;
    await this.db.templates.update(id, { favorite });
  }

  /**
   * The most recently edited templates, through the `updatedAt` index: a first screenful that
   * arrives long before `list()` has read a large library.
   */
  async recentlyEdited(limit: number): Promise<Template[]> {
    const [rows, packed] = await Promise.all([this.db.templates.orderBy('updatedAt').reverse().limit(limit).toArray(), this.packRows.recentlyEdited(limit)]);
    return rows.concat(packed).sort(byUpdatedDesc).slice(0, limit);
  }

  /**
   * Changes whenever a reply is added, removed or edited (count and latest edit, both read from
   * indexes), so a cached search index can tell it is stale without reading the library.
   */
  async changeKey(): Promise<string> {
    const [count, latest, packed] = await Promise.all([
      this.db.templates.count(),
      this.db.templates.orderBy('updatedAt').reverse().limit(1).keys(),
      this.packRows.summary(),
    ]);
    return `${count + packed.count}:${Math.max(Number(latest[0] ?? 0), packed.latest)}`;
  }

  async count(): Promise<number> {
    const [count, packed] = await Promise.all([this.db.templates.count(), this.packRows.summary()]);
    return count + packed.count;
  }

  async recordUse(id: string, now = Date.now()): Promise<void> {
    if (parsePackRowId(id) && (await this.packRows.recordUse(id, now))) return;
    await this.db.templates
      .where('id')
      .equals(id)
      .modify((t) => {
        t.usageCount += 1;
        t.lastUsedAt = now;
      });
  }
}

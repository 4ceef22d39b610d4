import type { TemplatesRepo } from '../shared/db/repos/templates';
import type { Template } from '../shared/db/types';
import { inScope } from '../shared/domain/brand';
import { TemplateSearch, byUsage } from '../shared/domain/search/template-search';
import { rankForComment } from '../shared/domain/suggest';
import type { PickerItem } from '../shared/messages/protocol';
import { withPreferredVariants } from './variant-choice';

/** A screenful: the picker never receives more of the library than it shows. */
export const PICKER_LIMIT = 8;
const PREVIEW = 140;

/**
 * Search for the in-page picker. The index is rebuilt only when the library changed (count and
 * latest edit), so typing in the picker costs a lookup, not a rebuild or a read of every reply.
 * Usage counts move without an edit, so usage order refreshes with the next edit or worker start.
 * Lives as long as the worker.
 */
export class PickerSearch {
  private cached: { key: string; list: Template[]; search: TemplateSearch<Template> } | null = null;

  constructor(private readonly templates: TemplatesRepo) {}

  private async index() {
    // Two index reads per keystroke; the library itself is read only when it changed.
    const key = await this.templates.changeKey();
    if (this.cached?.key !== key) {
      const list = await this.templates.list();
      this.cached = { key, list: [...list].sort(byUsage), search: new TemplateSearch(list) };
    }
    return this.cached;
  }

  /** `visible`: the packs of the active brand's scope (null: every pack); other brands never show. */
  async search(query: string, commentText: string | undefined, visible: ReadonlySet<string> | null = null): Promise<PickerItem[]> {
    const { list, search } = await this.index();
    // find: matches become objects only as the loop below reads them (it stops at a screenful).
    const found = query.trim() ? search.find(query) : commentText ? rankForComment(list, commentText) : list;
    const shown: Template[] = [];
    for (const template of withPreferredVariants(found, list, commentText, visible)) {
      if (!inScope(template, visible)) continue;
      shown.push(template);
      if (shown.length === PICKER_LIMIT) break;
    }
    return shown.map((t) => ({ id: t.id, title: t.title, shortcut: t.shortcut, preview: t.body.slice(0, PREVIEW) }));
  }
}

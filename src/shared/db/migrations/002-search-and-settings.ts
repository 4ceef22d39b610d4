import { foldText } from '../../domain/text';
import type { Migration } from './types';

interface TemplateV1 {
  title?: string;
  body?: string;
  shortcut?: string;
  tags?: string[];
  lang?: string;
  source?: string;
  searchText?: string;
  usageCount?: number;
  lastUsedAt?: number | null;
}

/**
 * Adds a key-value settings table, a language index, and a folded `searchText` on every template
 * so search never folds accents per keystroke. Existing rows are rewritten, not dropped.
 */
export const migration002: Migration = {
  version: 2,
  stores: {
    templates: 'id, shortcut, updatedAt, lang',
    settings: 'key',
  },
  async upgrade(tx) {
    await tx
      .table<TemplateV1>('templates')
      .toCollection()
      .modify((template) => {
        template.lang ??= 'es';
        template.source ??= 'personal';
        template.usageCount ??= 0;
        template.lastUsedAt ??= null;
        template.searchText = foldText(
          [template.title, template.body, template.shortcut, ...(template.tags ?? [])].join(' '),
        );
      });
  },
};

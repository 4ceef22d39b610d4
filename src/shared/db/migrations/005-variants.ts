import type { Migration } from './types';

/**
 * Language variants: templates get a `variantGroup` index, so the worker finds a shortcut's
 * siblings with one index read when it picks the variant for the comment's language. Rows
 * without a group stay out of the index; nothing is rewritten.
 */
export const migration005: Migration = {
  version: 5,
  stores: {
    templates: 'id, shortcut, updatedAt, lang, packId, variantGroup',
  },
};

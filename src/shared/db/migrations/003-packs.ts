import type { Migration } from './types';

/**
 * Team packs. Installed packs (their guide, rules and metadata), URL subscriptions with their sync
 * state, and the last version a team lead exported of each pack (for the diff before the next
 * export). Templates get a `packId` index so one pack's rows are found and replaced in one go.
 * Existing rows need no rewrite: a missing `packId` simply keeps a row out of that index.
 */
export const migration003: Migration = {
  version: 3,
  stores: {
    templates: 'id, shortcut, updatedAt, lang, packId',
    packs: 'id, sourceUrl',
    packSubscriptions: 'url, packId',
    packExports: 'id',
  },
};

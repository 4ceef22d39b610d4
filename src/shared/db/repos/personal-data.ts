import type { TonoDatabase } from '../database';
import { ReplyEventsRepo } from './reply-events';

/**
 * "Delete all my data": what the database records about the agent's work, in one transaction.
 * Gone: every reply event and rollup, the waiting list (commenters and links), and when and how
 * often each reply was used, personal and pack alike. Kept, as the settings page says: the
 * replies themselves, favourites (a choice the agent made, like a tag), guides and settings.
 * The worker's per-tab focus records in storage.session go with it (handlers/privacy.ts).
 */
export function deletePersonalData(db: TonoDatabase): Promise<void> {
  return db.transaction('rw', [db.replyEvents, db.statRollups, db.settings, db.templates, db.packItemState], async () => {
    await new ReplyEventsRepo(db).deleteAll();
    await db.templates
      .filter((row) => row.usageCount !== 0 || row.lastUsedAt !== null)
      .modify((row) => {
        row.usageCount = 0;
        row.lastUsedAt = null;
      });
    // A pack reply's state row holds only use counts and the favourite flag.
    await db.packItemState.filter((row) => !row.favorite).delete();
    await db.packItemState.toCollection().modify((row) => {
      row.usageCount = 0;
      row.lastUsedAt = null;
    });
  });
}

import type { TonoDatabase } from '../../shared/db/database';
import { deletePersonalData } from '../../shared/db/repos/personal-data';
import type { PageHandlers } from '../router';

/**
 * "Delete all my data" from the settings page. The worker does it because it owns the per-tab
 * focus records in storage.session (commenter, link, comment text) as well as the database.
 */
export function createPrivacyHandlers(
  db: TonoDatabase,
  focusStore: { forgetAll(): Promise<void> },
): Pick<PageHandlers, 'deleteAllData'> {
  return {
    async deleteAllData() {
      await Promise.all([deletePersonalData(db), focusStore.forgetAll()]);
      return null;
    },
  };
}

import type { Migration } from './types';

/**
 * Response-time stats: a `[submittedAt+id]` index on reply events that exports page through in
 * time order, and `statRollups`, one row per local day, platform and account.
 *
 * Frozen: a released migration runs no live code. The business-hours durations of existing events
 * and the rollup rows are derived data, so this only marks them as not yet derived; the stats
 * repository's live code (`StatsRepo.ensureCurrent`, run by the Stats view and the daily upkeep)
 * derives them, as it does after a settings change.
 */
export const migration004: Migration = {
  version: 4,
  stores: {
    replyEvents: 'id, submittedAt, platform, [submittedAt+id]',
    statRollups: 'key, day',
  },
  async upgrade(tx) {
    await tx.table('settings').put({ key: 'responseTimeApplied', value: 'derive-after-upgrade-4' });
  },
};

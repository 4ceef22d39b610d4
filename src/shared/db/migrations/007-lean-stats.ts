import type { Migration } from './types';

/**
 * Leaner writes for each recorded reply (the ≤ 5 ms budget in Chromium):
 * - the day-total rollup rows go (platform rows partition a day, so they sum to its total), and the
 *   template usage and drift they held move to the platform rows;
 * - indexes nobody reads go: `statRollups.day` (rows are read by key ranges: keys start with
 *   kind and day), `replyEvents.platform`, and `replyEvents.submittedAt` (the `[submittedAt+id]`
 *   index answers the same ranges). Each index is one more entry written per put.
 *
 * Frozen: a released migration runs no live code. The old rows are dropped and the rollups marked
 * as not derived; the stats repository's live code rebuilds them from the events
 * (`StatsRepo.ensureCurrent`, run by the Stats view and the daily upkeep).
 */
export const migration007: Migration = {
  version: 7,
  stores: {
    replyEvents: 'id, [submittedAt+id]',
    statRollups: 'key',
  },
  async upgrade(tx) {
    await tx.table('statRollups').clear();
    await tx.table('settings').put({ key: 'responseTimeApplied', value: 'derive-after-upgrade-7' });
  },
};

import { normalizeStatsConfig } from '../../domain/stats/config';
import type { StoredRollup } from '../../domain/stats/rollup-codec';
import { rebuildRollupTable } from '../rollup-rebuild';
import type { ReplyEvent } from '../types';
import type { Migration } from './types';

/**
 * Leaner writes for each recorded reply (the ≤ 5 ms budget in Chromium):
 * - the day-total rollup rows go (platform rows partition a day, so they sum to its total), and the
 *   template usage and drift they held move to the platform rows; rebuilt here from the events;
 * - indexes nobody reads go: `statRollups.day` (rows are read by key ranges: keys start with
 *   kind and day), `replyEvents.platform`, and `replyEvents.submittedAt` (the `[submittedAt+id]`
 *   index answers the same ranges). Each index is one more entry written per put.
 * The rebuild uses the live rollup code, as 004 did: a later change of the stored row format must
 * come with its own migration.
 */
export const migration007: Migration = {
  version: 7,
  stores: {
    replyEvents: 'id, [submittedAt+id]',
    statRollups: 'key',
  },
  async upgrade(tx) {
    const stored = await tx.table<{ key: string; value: unknown }>('settings').get('responseTimeConfig');
    const config = normalizeStatsConfig(stored?.value);
    await rebuildRollupTable(tx.table<ReplyEvent, string>('replyEvents'), tx.table<StoredRollup, string>('statRollups'), config);
  },
};

import { calendarOf, normalizeStatsConfig } from '../../domain/stats/config';
import { deriveTimes } from '../../domain/stats/event-times';
import { rowsFromEvents } from '../../domain/stats/rollup';
import { encodeRollup } from '../../domain/stats/rollup-codec';
import type { ReplyEvent } from '../types';
import type { Migration } from './types';

/**
 * Response-time stats. Reply events gain business-hours durations (computed from their raw times)
 * and a `[submittedAt+id]` index that exports page through in time order; `statRollups` holds one
 * row per local day, platform and account, built here from the existing events with the stored
 * (or default) settings. No `responseTimeApplied` is written: absent means "the default settings".
 */
export const migration004: Migration = {
  version: 4,
  stores: {
    replyEvents: 'id, submittedAt, platform, [submittedAt+id]',
    statRollups: 'key, day',
  },
  async upgrade(tx) {
    const stored = await tx.table<{ key: string; value: unknown }>('settings').get('responseTimeConfig');
    const config = normalizeStatsConfig(stored?.value);
    const calendar = calendarOf(config);
    const events: ReplyEvent[] = [];
    await tx
      .table<ReplyEvent>('replyEvents')
      .toCollection()
      .modify((event) => {
        Object.assign(event, deriveTimes(event, calendar));
        events.push({ ...event });
      });
    await tx.table('statRollups').bulkPut([...rowsFromEvents(events, config).values()].map(encodeRollup));
  },
};

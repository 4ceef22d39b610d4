import type { Table } from 'dexie';
import type { StatsConfig } from '../domain/stats/config';
import { addToRows, type RollupRow } from '../domain/stats/rollup';
import { encodeRollup, type StoredRollup } from '../domain/stats/rollup-codec';
import { forEachEvent } from './event-slices';
import type { ReplyEvent } from './types';

/**
 * Replaces every rollup row with rows folded from the stored events, in the caller's transaction
 * (the repository's rebuild, migration 007's upgrade). Streamed: a million events never sit in
 * memory at once, only their few thousand rows. Returns how many rows were written.
 */
export async function rebuildRollupTable(
  events: Table<ReplyEvent, string>,
  rollups: Table<StoredRollup, string>,
  config: StatsConfig,
): Promise<number> {
  const rows = new Map<string, RollupRow>();
  await forEachEvent(events, (event) => addToRows(rows, event, config));
  await rollups.clear();
  await rollups.bulkPut([...rows.values()].map(encodeRollup));
  return rows.size;
}

import type { Collection, Table } from 'dexie';
import type { ReplyEvent } from './types';

/** Events per request: big enough that request overhead vanishes, small enough to keep memory flat. */
const SLICE = 10_000;

/**
 * Visits every reply event in id order, a slice at a time. A slice is one getAll request, where a
 * cursor costs a round trip per event: rebuilding rollups over a large history is then bound by
 * the folding, not the reads.
 */
export async function forEachEvent(
  table: Table<ReplyEvent, string>,
  visit: (event: ReplyEvent) => void,
  size = SLICE,
): Promise<void> {
  let after: string | null = null;
  for (;;) {
    const query: Collection<ReplyEvent, string> = after === null ? table.orderBy(':id') : table.where(':id').above(after);
    const slice: ReplyEvent[] = await query.limit(size).toArray();
    for (const event of slice) visit(event);
    if (slice.length < size) return;
    after = slice[slice.length - 1]!.id;
  }
}

import { describe, expect, it } from 'vitest';
import { forEachEvent } from '../../src/shared/db/event-slices';
import { storedEvent, useTestDatabase } from './test-db';

const db = useTestDatabase('event-slices');

const event = (n: number) => storedEvent({ id: `e-${String(n).padStart(3, '0')}`, submittedAt: 1_700_000_000_000 + n });

describe('forEachEvent', () => {
  it.each([0, 1, 9, 10, 11, 25, 30])('visits each of %i events once, in id order, in slices of 10', async (count) => {
    const events = Array.from({ length: count }, (_, i) => event(count - i)); // stored out of order
    await db().replyEvents.bulkAdd(events);
    const seen: string[] = [];
    await forEachEvent(db().replyEvents, (e) => seen.push(e.id), 10);
    expect(seen).toEqual(events.map((e) => e.id).sort());
  });
});

import type { TonoDatabase } from '../database';
import type { ReplyEvent } from '../types';

/** The only code that reads or writes reply events. */
export class ReplyEventsRepo {
  constructor(private readonly db: TonoDatabase) {}

  /** Idempotent on the event id: a duplicate submit signal overwrites the same row. */
  async record(event: ReplyEvent): Promise<void> {
    await this.db.replyEvents.put(event);
  }

  recent(limit: number): Promise<ReplyEvent[]> {
    return this.db.replyEvents.orderBy('submittedAt').reverse().limit(limit).toArray();
  }

  count(): Promise<number> {
    return this.db.replyEvents.count();
  }
}

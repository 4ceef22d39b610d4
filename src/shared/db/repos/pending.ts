import type { TonoDatabase } from '../database';
import { addPending, removePending, type PendingReply } from '../../domain/pending';

/** The settings row that holds the waiting list. */
export const PENDING_KEY = 'pendingReplies';
const KEY = PENDING_KEY;

/**
 * The waiting list: comments whose box was opened and not yet answered. One settings row, changed
 * inside a transaction so a focus and a submit arriving together cannot lose each other's update.
 */
export class PendingRepo {
  constructor(private readonly db: TonoDatabase) {}

  async list(): Promise<PendingReply[]> {
    return ((await this.db.settings.get(KEY))?.value as PendingReply[] | undefined) ?? [];
  }

  private async update(change: (list: PendingReply[]) => PendingReply[]): Promise<void> {
    await this.db.transaction('rw', this.db.settings, async () => {
      await this.db.settings.put({ key: KEY, value: change(await this.list()) });
    });
  }

  add(item: PendingReply): Promise<void> {
    return this.update((list) => addPending(list, item));
  }

  /** Answered or dismissed: either way it leaves the list. */
  remove(key: string): Promise<void> {
    return this.update((list) => removePending(list, key));
  }

  clear(): Promise<void> {
    return this.update(() => []);
  }
}

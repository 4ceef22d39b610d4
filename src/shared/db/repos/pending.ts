import type { TonoDatabase } from '../database';
import { addPending, removePending, type PendingReply } from '../../domain/pending';
import { sha256Hex } from '../../domain/sha256';

/** The settings row that holds the waiting list. */
export const PENDING_KEY = 'pendingReplies';
const KEY = PENDING_KEY;
/** The settings row that holds hashes of the comments answered lately (never the keys themselves). */
export const ANSWERED_KEY = 'answeredReplies';
const ANSWERED_MAX = 500;

/** A short SHA-256 of a waiting-list key: enough to recognise a comment, useless to name it. */
async function hashKey(key: string): Promise<string> {
  return (await sha256Hex(key)).slice(0, 32);
}

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

  private async answeredHashes(): Promise<string[]> {
    return ((await this.db.settings.get(ANSWERED_KEY))?.value as string[] | undefined) ?? [];
  }

  /** Opened again after it was answered (clicking into the box to read it): it does not wait again. */
  async add(item: PendingReply): Promise<void> {
    const hash = await hashKey(item.key);
    await this.db.transaction('rw', this.db.settings, async () => {
      if ((await this.answeredHashes()).includes(hash)) return;
      await this.db.settings.put({ key: KEY, value: addPending(await this.list(), item) });
    });
  }

  /** Answered or dismissed: either way it leaves the list. */
  remove(key: string): Promise<void> {
    return this.update((list) => removePending(list, key));
  }

  /** A reply was confirmed: the comment leaves the list and is remembered (hashed, the last 500) as answered. */
  async answered(key: string): Promise<void> {
    const hash = await hashKey(key);
    await this.db.transaction('rw', this.db.settings, async () => {
      await this.db.settings.put({ key: KEY, value: removePending(await this.list(), key) });
      const hashes = (await this.answeredHashes()).filter((known) => known !== hash);
      await this.db.settings.put({ key: ANSWERED_KEY, value: [...hashes, hash].slice(-ANSWERED_MAX) });
    });
  }

  clear(): Promise<void> {
    return this.update(() => []);
  }
}

import type { Platform } from './platform';

/** A comment whose reply box was opened and that has not been answered yet. */
export interface PendingReply {
  key: string;
  platform: Platform;
  authorName?: string;
  handle?: string;
  /** Where to go back to answer it (a comment's link), when the page showed one. */
  permalink?: string;
  commentAt: number | null;
  openedAt: number;
}

/** At most this many are kept, newest first: a waiting list, not an archive. */
export const MAX_PENDING = 200;

/**
 * What identifies one comment across focus and submit: its link when the page shows one,
 * otherwise who wrote it and when. Null when nothing identifies it (then it is not tracked).
 */
export function threadKey(context: { permalink?: string; handle?: string; authorName?: string; commentAt: number | null }): string | null {
  if (context.permalink) return `link:${context.permalink}`;
  const who = context.handle ?? context.authorName;
  if (who && context.commentAt !== null) return `who:${who}|${context.commentAt}`;
  return null;
}

/** Adds (or keeps the first sighting of) a comment; newest first, capped. */
export function addPending(list: readonly PendingReply[], item: PendingReply): PendingReply[] {
  const existing = list.find((entry) => entry.key === item.key);
  if (existing) return [...list];
  return [item, ...list].slice(0, MAX_PENDING);
}

export function removePending(list: readonly PendingReply[], key: string): PendingReply[] {
  return list.filter((entry) => entry.key !== key);
}

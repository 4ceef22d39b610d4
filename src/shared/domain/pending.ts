import { platformFor, type Platform } from './platform';
import { sameSiteLink } from './site-link';

/** A comment whose reply box was opened and that has not been answered yet. */
export interface PendingReply {
  key: string;
  platform: Platform;
  authorName?: string;
  handle?: string;
  /** Where to go back to answer it: a link into `pageOrigin`'s site (see sameSiteLink), never elsewhere. */
  permalink?: string;
  commentAt: number | null;
  openedAt: number;
  /** The origin of the page the box was on, as the browser reported it; shown as its host. */
  pageOrigin?: string;
  /** The tab it was opened in, so one page cannot fill the list (MAX_PENDING_PER_TAB). */
  tabId?: number;
}

/** At most this many are kept, newest first: a waiting list, not an archive. */
export const MAX_PENDING = 100;
/**
 * At most this many from one tab, its oldest dropped first: page script can focus boxes it made
 * (`.focus()` gives trusted focus events), and must not push other tabs' comments out.
 */
export const MAX_PENDING_PER_TAB = 20;
/** Names as shown in one line of the panel. */
const MAX_NAME = 100;

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

interface PageContext {
  permalink?: string;
  handle?: string;
  authorName?: string;
  commentAt: number | null;
  platform?: string;
}

function urlPart(url: string, part: 'origin' | 'host'): string | null {
  try {
    return new URL(url)[part];
  } catch {
    return null;
  }
}
const originOf = (url: string) => urlPart(url, 'origin');

/** The page's context with its link kept only if it leads back into the page's own site. */
const onSite = <T extends PageContext>(context: T, pageUrl: string): T => ({ ...context, permalink: sameSiteLink(context.permalink, pageUrl) });

/** The waiting-list key of a comment on the page at `pageUrl` (the same at focus and at submit). */
export function waitingKey(context: PageContext, pageUrl: string): string | null {
  return threadKey(onSite(context, pageUrl));
}

/**
 * The waiting-list entry for a box focused on the page at `page.url` (the browser-reported sender
 * URL). Everything else is page-supplied: the link is kept only on the page's own site, names are
 * cut to one line, and an opening time in the future becomes `now`.
 */
export function waitingEntry(context: PageContext, page: { url: string; tabId: number }, focusedAt: number, now: number): PendingReply | null {
  const safe = onSite(context, page.url);
  const key = threadKey(safe);
  const pageOrigin = originOf(page.url);
  if (!key || !pageOrigin) return null;
  const entry: PendingReply = {
    key,
    platform: platformFor(page.url, context.platform),
    commentAt: context.commentAt,
    openedAt: Math.min(focusedAt, now),
    pageOrigin,
    tabId: page.tabId,
  };
  if (context.authorName) entry.authorName = context.authorName.slice(0, MAX_NAME);
  if (context.handle) entry.handle = context.handle.slice(0, MAX_NAME);
  if (safe.permalink) entry.permalink = safe.permalink;
  return entry;
}

/** The host to show for an entry, or null for one recorded before hosts were kept. */
export function waitingHost(item: PendingReply): string | null {
  return item.pageOrigin ? urlPart(item.pageOrigin, 'host') : null;
}

/** The link an entry may open: re-checked against its page's origin when shown, none without one. */
export function waitingLink(item: PendingReply): string | undefined {
  return item.pageOrigin ? sameSiteLink(item.permalink, item.pageOrigin) : undefined;
}

/**
 * Adds (or keeps the first sighting of) a comment; newest first. A tab past its share loses its
 * own oldest entries, then the whole list is capped.
 */
export function addPending(list: readonly PendingReply[], item: PendingReply): PendingReply[] {
  if (list.some((entry) => entry.key === item.key)) return [...list];
  let fromTab = 1;
  const kept = list.filter((entry) => item.tabId === undefined || entry.tabId !== item.tabId || ++fromTab <= MAX_PENDING_PER_TAB);
  return [item, ...kept].slice(0, MAX_PENDING);
}

export function removePending(list: readonly PendingReply[], key: string): PendingReply[] {
  return list.filter((entry) => entry.key !== key);
}

import { isPlausibleTime } from '../shared/domain/plausible-time';
import { parseRelativeTime } from '../shared/domain/relative-time';
import { MAX_NAME, MAX_TEXT, clip } from './dom';
import type { ThreadContext } from './types';

export type CommentTime = Pick<ThreadContext, 'commentAt' | 'commentPrecision'>;

export const UNKNOWN_TIME: CommentTime = { commentAt: null, commentPrecision: 'unknown' };

/** An exact time from a parsed date or a time-based id. */
export function exactTime(ms: number | null | undefined): CommentTime | null {
  return typeof ms === 'number' && Number.isFinite(ms) && ms >= 0 ? { commentAt: Math.round(ms), commentPrecision: 'exact' } : null;
}

/** An exact time from a machine-readable attribute (`time[datetime]`, Reddit's `created-timestamp`). */
export function timeFromAttr(element: Element | null | undefined, name = 'datetime'): CommentTime | null {
  const value = element?.getAttribute(name);
  if (!value || value.length > 64) return null;
  // Reddit writes microseconds and "+0000"; ECMAScript dates want milliseconds and "+00:00".
  const iso = value.trim().replace(/(\.\d{3})\d+/, '$1').replace(/([+-]\d\d)(\d\d)$/, '$1:$2');
  return exactTime(Date.parse(iso));
}

/** An approximate time from a relative label such as "2 h" or "hace 3 días". */
export function timeFromLabel(label: string | null | undefined, now: number): CommentTime | null {
  const parsed = label ? parseRelativeTime(label, now) : null;
  return parsed ? { commentAt: Math.round(parsed.at), commentPrecision: 'approximate' } : null;
}

/**
 * `{{handle}}` means the same on every site: the account name as typed after "@", without the
 * site's prefix ("@ana" on X, "u/ana" on Reddit, "@ana@host" on Mastodon become "ana", "ana",
 * "ana@host"), so a reply written as "@{{handle}}" reads "@ana" everywhere.
 */
export function bareHandle(shown: string): string | undefined {
  return shown.trim().replace(/^(?:@|\/?u\/)/i, '').trim() || undefined;
}

const LIMITS: Partial<Record<keyof ThreadContext, number>> = { commentText: MAX_TEXT, permalink: 2048 };

/**
 * A context without the fields nobody could read (so results compare and serialise cleanly), every
 * text within the limits the message schema accepts, whatever an adapter prefixed ("@", "u/"), and
 * no comment time the worker would refuse (before 2000 or past tomorrow: a page's typo or forgery).
 */
export function withoutEmpty(found: Partial<ThreadContext>, now = Date.now()): ThreadContext {
  const context: ThreadContext = { ...UNKNOWN_TIME };
  for (const [key, value] of Object.entries(found) as [keyof ThreadContext, unknown][]) {
    if (value === undefined || value === null) continue;
    const kept = typeof value === 'string' ? clip(value, LIMITS[key] ?? MAX_NAME) : value;
    if (kept !== undefined) Object.assign(context, { [key]: kept });
  }
  if (context.commentAt !== null && !isPlausibleTime(context.commentAt, now)) Object.assign(context, UNKNOWN_TIME);
  if (context.handle !== undefined) {
    const handle = bareHandle(context.handle);
    if (handle) context.handle = handle;
    else delete context.handle;
  }
  return context;
}

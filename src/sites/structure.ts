import { absoluteUrl, boxLabel, closestDeep, lastBefore, pathParts, readText, scopeOf } from './dom';
import { timeFromAttr } from './time';
import type { ThreadContext } from './types';

/**
 * Reads a comment by structure and accessibility only (no class names, no test ids), so it still
 * answers when a site renames its markup: the adapters' fallback for the fields they missed.
 */

const ITEM = '[role="article"], [role="listitem"], article, li';
/** "Reply to Ana", "Replying to @ana", "Responder a Ana", "Responder al comentario de Ana" (not "Responder como …"). */
const REPLY_TO = /^(?:reply(?:ing)? to|respond(?:er|iendo|e)? (?:a|al comentario de))\s+(.+?)[\s.…]*$/i;
/** First path segment of a profile link with two segments: /u/ana, /in/ana, /user/ana, /@ana/… */
const PROFILE_DIR = /^(?:u|user|users|in|people|profile|channel|c)$/i;

export interface Structure {
  context: Partial<ThreadContext>;
  /** The comment item the fields came from (null when only the box's own label answered). */
  item: Element | null;
  /** Whom the box's own label says it answers ("Reply to Ana"): true wherever the item is. */
  label: Partial<ThreadContext>;
}

function isProfileLink(link: Element): boolean {
  const parts = pathParts(link.getAttribute('href'));
  return (parts.length === 1 && !/^\d+$/.test(parts[0]!)) || (parts.length === 2 && PROFILE_DIR.test(parts[0]!)) || (parts[0]?.startsWith('@') ?? false);
}

/** The comment's item: the box's own if anything precedes the box in it, else the item just before (a composer beside the comment). */
function itemOf(box: HTMLElement): Element | null {
  const own = closestDeep(box, ITEM);
  if (own && lastBefore(own, 'time, a[href]', box)) return own;
  return lastBefore(scopeOf(box), ITEM, box, (item) => !item.contains(box)) ?? own;
}

/**
 * The item's own element matching `selector` (none of a nested item's): the last before the box
 * when the box is inside the item, else the first (a comment's header comes before its replies and quotes).
 */
function pick(item: Element, box: Element, selector: string, accept: (element: Element) => boolean = () => true): Element | null {
  const own = (element: Element): boolean => element.closest(ITEM) === item && accept(element);
  return item.contains(box) ? lastBefore(item, selector, box, own) : (Array.from(item.querySelectorAll(selector)).find(own) ?? null);
}

export function readStructure(box: HTMLElement): Structure {
  const item = itemOf(box);
  const named = REPLY_TO.exec(boxLabel(box).trim())?.[1];
  const label: Partial<ThreadContext> = named ? { [named.startsWith('@') ? 'handle' : 'authorName']: named } : {};
  const context: Partial<ThreadContext> = { ...label };
  if (!item) return { context, item, label };
  const time = pick(item, box, 'time[datetime]');
  Object.assign(context, timeFromAttr(time));
  context.permalink = absoluteUrl(time?.closest('a[href]')?.getAttribute('href'), box);
  const profile = (handle: boolean): string | undefined =>
    readText(pick(item, box, 'a[href]', (link) => isProfileLink(link) && (readText(link)?.startsWith('@') ?? !handle) === handle));
  context.handle ??= profile(true);
  context.authorName ??= profile(false);
  return { context, item, label };
}

/** Does `item` show any of the comment the adapter read (its author, handle, or permalink outside a nested item)? Null: nothing to compare. */
export function showsSame(item: Element, context: Partial<ThreadContext>): boolean | null {
  const { authorName, handle, permalink } = context;
  if (!authorName && !handle && !permalink) return null;
  const text = item.textContent ?? '';
  return (
    (authorName !== undefined && text.includes(authorName)) ||
    (handle !== undefined && text.includes(handle)) ||
    Array.from(item.querySelectorAll('a[href]')).some((link) => link.closest(ITEM) === item && absoluteUrl(link.getAttribute('href'), item) === permalink)
  );
}

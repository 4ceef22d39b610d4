import type { Platform } from '../shared/domain/platform';
import type { CommentTimePrecision } from '../shared/domain/response-time';

/** What an adapter can read about the comment a reply box answers. Pure DOM data. */
export interface ThreadContext {
  authorName?: string;
  handle?: string;
  account?: string;
  commentAt: number | null;
  commentPrecision: CommentTimePrecision;
  permalink?: string;
  /** The comment's text (capped at 2000 characters): used locally for suggestions and crisis detection, never stored. */
  commentText?: string;
  /** Named by adapters of sites found by DOM (Mastodon); the worker honours it on unknown hosts only. */
  platform?: Platform;
}

/**
 * One adapter per platform. Adapters are pure DOM code: no browser APIs, no storage. `matches`
 * decides by hostname; `detects` (optional) recognises a site by its DOM where the hostname cannot
 * (Mastodon runs on any instance). The generic adapter is the fallback for every other page.
 */
export interface SiteAdapter {
  id: string;
  matches(hostname: string): boolean;
  detects?(box: HTMLElement): boolean;
  /** Is this editable a reply/comment box (rather than, say, a search field)? */
  isReplyBox(box: HTMLElement): boolean;
  /** `now` anchors relative labels such as "2 h"; it defaults to the current time. */
  readContext(box: HTMLElement, now?: number): ThreadContext;
  /** Does a plain Enter (no Shift) send the comment from this box? Facebook, Instagram and TikTok do. */
  submitsOnEnter?(box: HTMLElement): boolean;
  /** Does a click on `target` look like the reply box's send button? */
  isSubmitControl(target: Element, box: HTMLElement): boolean;
}

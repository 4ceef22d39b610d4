import type { CommentTimePrecision } from '../shared/domain/response-time';

/** What an adapter can read about the comment a reply box answers. Pure DOM data. */
export interface ThreadContext {
  authorName?: string;
  handle?: string;
  account?: string;
  commentAt: number | null;
  commentPrecision: CommentTimePrecision;
  permalink?: string;
}

/**
 * One adapter per platform. Adapters are pure DOM code: no browser APIs, no storage. `matches`
 * decides by hostname; the generic adapter is the fallback for every other page.
 */
export interface SiteAdapter {
  id: string;
  matches(hostname: string): boolean;
  /** Is this editable a reply/comment box (rather than, say, a search field)? */
  isReplyBox(box: HTMLElement): boolean;
  readContext(box: HTMLElement): ThreadContext;
  /** Does a click on `target` look like the reply box's send button? */
  isSubmitControl(target: Element, box: HTMLElement): boolean;
}

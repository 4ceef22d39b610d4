import { blueskyAdapter } from './bluesky';
import { facebookAdapter } from './facebook';
import { genericAdapter } from './generic';
import { instagramAdapter } from './instagram';
import { linkedinAdapter } from './linkedin';
import { mastodonAdapter } from './mastodon';
import { redditAdapter } from './reddit';
import { threadsAdapter } from './threads';
import { tiktokAdapter } from './tiktok';
import type { SiteAdapter } from './types';
import { xAdapter } from './x';
import { youtubeAdapter } from './youtube';

/** Platform adapters, found by hostname. The generic adapter always answers last. */
export const ADAPTERS: readonly SiteAdapter[] = [
  xAdapter,
  facebookAdapter,
  instagramAdapter,
  linkedinAdapter,
  youtubeAdapter,
  tiktokAdapter,
  redditAdapter,
  threadsAdapter,
  blueskyAdapter,
  mastodonAdapter,
];

/** Adapters for sites that can live on any hostname, tried per box on pages no hostname claims. */
const BY_DOM = ADAPTERS.filter((adapter) => adapter.detects);

/** The adapter for one box on a page that no hostname claims: a DOM-detected site, else generic. */
export function adapterForBox(box: HTMLElement): SiteAdapter {
  return BY_DOM.find((adapter) => adapter.detects!(box)) ?? genericAdapter;
}

/**
 * Every box on a page that no platform hostname claims goes through this adapter: it asks the
 * DOM-detected adapters (Mastodon) first, box by box, then the generic one.
 */
const unclaimedAdapter: SiteAdapter = {
  id: 'generic',
  matches: () => true,
  isReplyBox: (box) => adapterForBox(box).isReplyBox(box),
  readContext: (box, now) => adapterForBox(box).readContext(box, now),
  submitsOnEnter: (box) => adapterForBox(box).submitsOnEnter?.(box) ?? false,
  isSubmitControl: (target, box) => adapterForBox(box).isSubmitControl(target, box),
};

export function adapterFor(hostname: string): SiteAdapter {
  return ADAPTERS.find((adapter) => adapter.matches(hostname)) ?? unclaimedAdapter;
}

import { blueskyAdapter } from './bluesky';
import { facebookAdapter } from './facebook';
import { instagramAdapter } from './instagram';
import { linkedinAdapter } from './linkedin';
import { mastodonAdapter } from './mastodon';
import { redditAdapter } from './reddit';
import { threadsAdapter } from './threads';
import { tiktokAdapter } from './tiktok';
import type { SiteAdapter } from './types';
import { unclaimedAdapter } from './unclaimed';
import { xAdapter } from './x';
import { youtubeAdapter } from './youtube';

export { adapterForBox } from './unclaimed';

/**
 * Every platform adapter, found by hostname: the whole set for tests and the build. A page gets
 * only its own platform's adapter (src/sites/chunks/<id>.ts, injected by the worker after
 * content-ui.js) and content-ui.js finds it through install.ts.
 */
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

export function adapterFor(hostname: string): SiteAdapter {
  return ADAPTERS.find((adapter) => adapter.matches(hostname)) ?? unclaimedAdapter;
}

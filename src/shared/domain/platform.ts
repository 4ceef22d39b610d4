export const PLATFORMS = [
  'x',
  'facebook',
  'instagram',
  'linkedin',
  'youtube',
  'tiktok',
  'reddit',
  'threads',
  'bluesky',
  'mastodon',
  'other',
] as const;
export type Platform = (typeof PLATFORMS)[number];

/** Platforms that run on any host (self-hosted instances): the only ones a page's adapter may name. */
export const SELF_HOSTED_PLATFORMS: readonly Platform[] = ['mastodon'];

const HOSTS: ReadonlyArray<[RegExp, Platform]> = [
  [/(^|\.)(x|twitter)\.com$/, 'x'],
  [/(^|\.)facebook\.com$/, 'facebook'],
  [/(^|\.)instagram\.com$/, 'instagram'],
  [/(^|\.)linkedin\.com$/, 'linkedin'],
  [/(^|\.)youtube\.com$/, 'youtube'],
  [/(^|\.)tiktok\.com$/, 'tiktok'],
  [/(^|\.)reddit\.com$/, 'reddit'],
  [/(^|\.)threads\.(com|net)$/, 'threads'],
  [/(^|\.)bsky\.app$/, 'bluesky'],
];

/** The platform of a page, decided by the background from the sender's URL (never from the page). */
export function platformForUrl(url: string | undefined): Platform {
  if (!url) return 'other';
  let host: string;
  try {
    host = new URL(url).hostname;
  } catch {
    return 'other';
  }
  return HOSTS.find(([pattern]) => pattern.test(host))?.[1] ?? 'other';
}

/**
 * The platform of a content script's page: the sender URL decides; only on a host no platform
 * owns (a site the user enabled) may the adapter's claim count, and only for a self-hosted
 * platform. A page on x.com cannot claim to be linkedin, nor a forum to be x.
 */
export function platformFor(url: string | undefined, claimed: string | undefined): Platform {
  const byUrl = platformForUrl(url);
  if (byUrl !== 'other' || claimed === undefined) return byUrl;
  return SELF_HOSTED_PLATFORMS.find((platform) => platform === claimed) ?? 'other';
}

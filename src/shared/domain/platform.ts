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
  'other',
] as const;
export type Platform = (typeof PLATFORMS)[number];

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

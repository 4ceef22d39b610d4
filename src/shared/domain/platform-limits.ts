/**
 * How many characters a reply may have on each platform (comments/replies, not posts), so the
 * editor can warn before the site cuts or refuses the text. Keyed by name rather than by the
 * `Platform` union because Mastodon runs on any host and has no fixed platform id.
 */
export const PLATFORM_LIMITS = {
  x: 280,
  threads: 500,
  bluesky: 300,
  mastodon: 500,
  instagram: 2200,
  tiktok: 150,
  youtube: 10_000,
  facebook: 8000,
  linkedin: 1250,
  reddit: 10_000,
} as const;

export type LimitedPlatform = keyof typeof PLATFORM_LIMITS;

export const LIMITED_PLATFORMS = Object.keys(PLATFORM_LIMITS) as LimitedPlatform[];

export interface LengthCheck {
  platform: LimitedPlatform;
  length: number;
  limit: number;
  over: boolean;
}

const graphemes = new Intl.Segmenter(undefined, { granularity: 'grapheme' });

/**
 * Characters as people see them (grapheme clusters), so an emoji with a skin tone or an accent
 * typed as two code points counts once. X weighs some characters double; this is the plain count.
 */
export function replyLength(text: string): number {
  return Array.from(graphemes.segment(text)).length;
}

/** The length of `text` against each platform's limit, for the platforms given (all when none). */
export function checkLengths(text: string, platforms: readonly string[]): LengthCheck[] {
  const length = replyLength(text);
  const chosen = LIMITED_PLATFORMS.filter((p) => platforms.length === 0 || platforms.includes(p));
  return chosen.map((platform) => ({ platform, length, limit: PLATFORM_LIMITS[platform], over: length > PLATFORM_LIMITS[platform] }));
}

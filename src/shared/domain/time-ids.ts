/**
 * Creation times hidden in post ids. Each returns ms since epoch, or null when the id is not a
 * time-based id of that kind (or decodes to an implausible time, as older sequential ids do).
 */

const DIGITS = /^\d{1,20}$/;
/** The earliest time any of these schemes was in use (Nov 2010, X's snowflake epoch). */
const EARLIEST = 1_288_834_974_657;
/** Far enough in the future to reject garbage, near enough to catch it. */
const LATEST = Date.UTC(2100, 0, 1);

function plausible(ms: bigint): number | null {
  const value = Number(ms);
  return value > EARLIEST && value < LATEST ? value : null;
}

/** X/Twitter snowflake: the top 41 bits are ms since X's epoch. */
export function snowflakeTime(id: string): number | null {
  if (!DIGITS.test(id)) return null;
  return plausible((BigInt(id) >> 22n) + BigInt(EARLIEST));
}

/** LinkedIn activity/comment ids: the top 41 bits are ms since the Unix epoch. */
export function linkedinIdTime(id: string): number | null {
  if (!DIGITS.test(id)) return null;
  return plausible(BigInt(id) >> 22n);
}

/** Mastodon status ids (since 2.0): ms since the Unix epoch shifted left by 16 bits. */
export function mastodonIdTime(id: string): number | null {
  if (!DIGITS.test(id)) return null;
  return plausible(BigInt(id) >> 16n);
}

const TID_ALPHABET = '234567abcdefghijklmnopqrstuvwxyz';
const TID = /^[234567a-j][234567a-z]{12}$/;

/** Bluesky/AT Protocol TID record keys: base32-sortable, 53 bits of µs then 10 bits of clock id. */
export function blueskyTidTime(tid: string): number | null {
  if (!TID.test(tid)) return null;
  let value = 0n;
  for (const char of tid) value = (value << 5n) | BigInt(TID_ALPHABET.indexOf(char));
  return plausible((value >> 10n) / 1000n);
}

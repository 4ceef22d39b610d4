/**
 * Time-zone arithmetic with `Intl.DateTimeFormat` only (no date library). Offsets are cached per
 * 15-minute UTC block: zone transitions fall on such boundaries, and the cache turns a
 * `formatToParts` call (microseconds) into a map lookup when rebuilding a million events.
 */
const FORMATTERS = new Map<string, Intl.DateTimeFormat>();
const OFFSETS = new Map<string, number>();
const BLOCK_MS = 15 * 60_000;
const CACHE_LIMIT = 50_000;

function formatter(timeZone: string): Intl.DateTimeFormat {
  let format = FORMATTERS.get(timeZone);
  if (!format) {
    format = new Intl.DateTimeFormat('en-US', {
      timeZone,
      hourCycle: 'h23',
      year: 'numeric',
      month: 'numeric',
      day: 'numeric',
      hour: 'numeric',
      minute: 'numeric',
      second: 'numeric',
    });
    FORMATTERS.set(timeZone, format);
  }
  return format;
}

/** True when the runtime knows this IANA zone name. */
export function isValidTimeZone(timeZone: string): boolean {
  try {
    formatter(timeZone);
    return true;
  } catch {
    return false;
  }
}

/** Milliseconds to add to a UTC instant to get the wall clock of `timeZone` (e.g. +3 600 000 in Madrid in winter). */
export function zoneOffsetMs(timeZone: string, instant: number): number {
  const block = Math.floor(instant / BLOCK_MS);
  const cacheKey = `${timeZone}|${block}`;
  const cached = OFFSETS.get(cacheKey);
  if (cached !== undefined) return cached;
  const at = block * BLOCK_MS;
  const parts: Record<string, number> = {};
  for (const part of formatter(timeZone).formatToParts(at)) {
    if (part.type !== 'literal') parts[part.type] = Number(part.value);
  }
  const wall = Date.UTC(parts.year ?? 1970, (parts.month ?? 1) - 1, parts.day ?? 1, parts.hour ?? 0, parts.minute ?? 0, parts.second ?? 0);
  const offset = wall - at;
  if (OFFSETS.size > CACHE_LIMIT) OFFSETS.clear();
  OFFSETS.set(cacheKey, offset);
  return offset;
}

export interface LocalDate {
  year: number;
  /** 1–12 */
  month: number;
  day: number;
}

/** The calendar date and minute of day that a wall clock in `timeZone` shows at `instant`. */
export function localParts(timeZone: string, instant: number): LocalDate & { weekday: number; minuteOfDay: number } {
  const shifted = new Date(instant + zoneOffsetMs(timeZone, instant));
  return {
    year: shifted.getUTCFullYear(),
    month: shifted.getUTCMonth() + 1,
    day: shifted.getUTCDate(),
    weekday: shifted.getUTCDay(),
    minuteOfDay: shifted.getUTCHours() * 60 + shifted.getUTCMinutes(),
  };
}

const pad = (n: number, width = 2) => String(n).padStart(width, '0');

/** `YYYY-MM-DD`: sorts as text, which is what the rollup index relies on. */
export function formatDayKey(date: LocalDate): string {
  return `${pad(date.year, 4)}-${pad(date.month)}-${pad(date.day)}`;
}

export function parseDayKey(key: string): LocalDate | null {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(key);
  if (!match) return null;
  const [year, month, day] = [Number(match[1]), Number(match[2]), Number(match[3])];
  const check = new Date(Date.UTC(year, month - 1, day));
  if (check.getUTCMonth() !== month - 1 || check.getUTCDate() !== day) return null;
  return { year, month, day };
}

/** Instants whose local day has a four-digit year in every zone (a day short of 9999's end for +14 h). */
const FIRST_KEYED = 0;
const LAST_KEYED = Date.UTC(9999, 11, 30);

/**
 * The local day of `instant` in `timeZone`, as a day key. Never throws: an instant no boundary
 * should have let through (NaN, 1e300) gets the nearest day a key can name instead of breaking
 * a rebuild or the Stats view.
 */
export function dayKeyOf(timeZone: string, instant: number): string {
  const keyed = instant >= FIRST_KEYED ? Math.min(instant, LAST_KEYED) : FIRST_KEYED;
  return formatDayKey(localParts(timeZone, keyed));
}

/** The day `days` after `key` (calendar arithmetic, no zone involved). */
export function addDays(key: string, days: number): string {
  const date = parseDayKey(key);
  if (!date) throw new Error(`Not a day key: ${key}`);
  const shifted = new Date(Date.UTC(date.year, date.month - 1, date.day + days));
  return formatDayKey({ year: shifted.getUTCFullYear(), month: shifted.getUTCMonth() + 1, day: shifted.getUTCDate() });
}

/** 0 = Sunday … 6 = Saturday. */
export function weekdayOf(key: string): number {
  const date = parseDayKey(key);
  if (!date) throw new Error(`Not a day key: ${key}`);
  return new Date(Date.UTC(date.year, date.month - 1, date.day)).getUTCDay();
}

/** The Monday that starts the (ISO) week holding `key`. */
export function weekStartOf(key: string): string {
  return addDays(key, -((weekdayOf(key) + 6) % 7));
}

/**
 * The instant a wall clock in `timeZone` shows `minuteOfDay` on `date` (minute 1440 is the next
 * midnight). A wall time that a spring-forward gap skips is pushed forward by the gap (02:30 →
 * 03:30, as Temporal's "compatible" does); one that a fall-back overlap repeats maps to one of its two instants.
 */
export function localToInstant(timeZone: string, date: LocalDate, minuteOfDay: number): number {
  const wall = Date.UTC(date.year, date.month - 1, date.day, 0, minuteOfDay);
  const first = wall - zoneOffsetMs(timeZone, wall);
  const second = wall - zoneOffsetMs(timeZone, first);
  if (first === second) return first;
  // The two guesses disagree only near a transition: keep one that maps back to the same wall time,
  // else (a gap) the later one, which lands just after the missing hour.
  const maps = (t: number) => t + zoneOffsetMs(timeZone, t) === wall;
  if (maps(Math.min(first, second))) return Math.min(first, second);
  if (maps(Math.max(first, second))) return Math.max(first, second);
  return Math.max(first, second);
}

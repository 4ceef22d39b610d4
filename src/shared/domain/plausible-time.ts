/**
 * Times that come from outside (a page's comment time, a teammate's file, a message) are checked
 * against this window before anything computes a day or a duration from them: nothing Tono
 * records happened before 2000 or later than a day from now (room for another machine's clock).
 * Outside it, date arithmetic still works but means nothing; past ±8.64e15 ms it throws.
 */
export const EARLIEST_PLAUSIBLE_MS = Date.UTC(2000, 0, 1);
export const FUTURE_SLACK_MS = 86_400_000;

export const latestPlausible = (now = Date.now()): number => now + FUTURE_SLACK_MS;

export function isPlausibleTime(value: unknown, now = Date.now()): value is number {
  return typeof value === 'number' && value >= EARLIEST_PLAUSIBLE_MS && value <= latestPlausible(now);
}

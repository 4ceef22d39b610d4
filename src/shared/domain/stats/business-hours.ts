import { addDays, formatDayKey, localParts, localToInstant, parseDayKey, weekdayOf } from './zone';

/** Open hours of one weekday, as minutes from local midnight (`end` ≤ 1440, `start` < `end`). */
export interface OpenInterval {
  start: number;
  end: number;
}

/** Seven entries, Sunday first (the index `Date#getDay` uses). An empty entry is a closed day. */
export type WeekSchedule = readonly (readonly OpenInterval[])[];

export interface BusinessCalendar {
  timeZone: string;
  week: WeekSchedule;
  /** Local dates (`YYYY-MM-DD`) when the team does not work. */
  holidays: ReadonlySet<string>;
}

/** Longest span we walk day by day; longer durations are rejected upstream as absurd. */
const MAX_DAYS = 400;

export function hasOpenHours(week: WeekSchedule): boolean {
  return week.some((day) => day.some((interval) => interval.end > interval.start));
}

/**
 * Milliseconds between two instants that fall inside open hours: walks the local days from
 * `from` to `to`, skipping holidays, and turns each open interval into instants in the calendar's
 * zone, so a DST change shortens or lengthens that day's hours the way a wall clock does.
 */
export function businessMs(from: number, to: number, calendar: BusinessCalendar): number {
  if (!(to > from)) return 0;
  const first = formatDayKey(localParts(calendar.timeZone, from));
  const last = formatDayKey(localParts(calendar.timeZone, to));
  let total = 0;
  let day = first;
  for (let i = 0; i <= MAX_DAYS && day <= last; i++, day = addDays(day, 1)) {
    if (calendar.holidays.has(day)) continue;
    const intervals = calendar.week[weekdayOf(day)] ?? [];
    if (intervals.length === 0) continue;
    const date = parseDayKey(day)!;
    for (const { start, end } of intervals) {
      if (end <= start) continue;
      const open = localToInstant(calendar.timeZone, date, start);
      const close = localToInstant(calendar.timeZone, date, end);
      const overlap = Math.min(close, to) - Math.max(open, from);
      if (overlap > 0) total += overlap;
    }
  }
  return total;
}

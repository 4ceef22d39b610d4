import type { CommentTimePrecision } from '../response-time';
import { businessMs, type BusinessCalendar } from './business-hours';

/** A comment up to this far "in the future" is the site's clock against ours: counted as answered at once. */
export const CLOCK_SKEW_TOLERANCE_MS = 2 * 60_000;
/** Anything longer than a year is a wrong label or a broken clock, not a response time. */
export const MAX_DURATION_SECONDS = 366 * 86_400;

export interface RawTimes {
  commentAt: number | null;
  commentPrecision: CommentTimePrecision;
  firstFocusAt: number | null;
  submittedAt: number;
}

export interface DerivedTimes {
  commentAt: number | null;
  commentPrecision: CommentTimePrecision;
  responseSeconds: number | null;
  businessResponseSeconds: number | null;
  handleSeconds: number | null;
  businessHandleSeconds: number | null;
}

const validInstant = (value: number | null): value is number => typeof value === 'number' && Number.isFinite(value);

/**
 * Wall-clock and business-hours durations from raw times, with every bad input decided here:
 * - a missing or unparsable comment time gives no response time and precision `unknown`;
 * - a comment slightly in the future (≤ 2 min, clock skew) counts as 0; further ahead gives null;
 * - a first focus after the submit (impossible on one clock) gives no handling time;
 * - a duration above a year gives null rather than poisoning the mean.
 * Business values are null when no business hours are configured (`calendar` null).
 */
export function deriveTimes(raw: RawTimes, calendar: BusinessCalendar | null): DerivedTimes {
  const { submittedAt } = raw;
  const commentAt = validInstant(raw.commentAt) ? raw.commentAt : null;
  const commentPrecision = commentAt === null ? 'unknown' : raw.commentPrecision;

  const span = (from: number | null, tolerance: number): [number, number] | null => {
    if (from === null || !validInstant(submittedAt)) return null;
    if (from > submittedAt + tolerance) return null;
    const start = Math.min(from, submittedAt);
    if ((submittedAt - start) / 1000 > MAX_DURATION_SECONDS) return null;
    return [start, submittedAt];
  };
  const wall = (s: [number, number] | null) => (s ? Math.round((s[1] - s[0]) / 1000) : null);
  const business = (s: [number, number] | null) =>
    s && calendar ? Math.round(businessMs(s[0], s[1], calendar) / 1000) : null;

  const response = span(commentAt, CLOCK_SKEW_TOLERANCE_MS);
  const handle = span(validInstant(raw.firstFocusAt) ? raw.firstFocusAt : null, 0);
  return {
    commentAt,
    commentPrecision,
    responseSeconds: wall(response),
    businessResponseSeconds: business(response),
    handleSeconds: wall(handle),
    businessHandleSeconds: business(handle),
  };
}

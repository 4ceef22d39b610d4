/** How sure we are about when the comment was written. */
export type CommentTimePrecision = 'exact' | 'approximate' | 'unknown';

export interface ResponseTimes {
  /** submit − comment time, in seconds; null when the comment time is unknown or in the future. */
  responseSeconds: number | null;
  /** submit − first focus on the reply box, in seconds. */
  handleSeconds: number | null;
}

/**
 * Derives response and handling time from raw timestamps (ms since epoch). Raw times are what we
 * store; these derived values can always be recomputed. A comment time after the submit (clock
 * skew, a wrong label) gives no response time rather than a negative one.
 */
export function computeResponseTimes(input: {
  commentAt: number | null;
  firstFocusAt: number | null;
  submittedAt: number;
}): ResponseTimes {
  const { commentAt, firstFocusAt, submittedAt } = input;
  const responseSeconds =
    commentAt !== null && commentAt <= submittedAt ? Math.round((submittedAt - commentAt) / 1000) : null;
  const handleSeconds =
    firstFocusAt !== null && firstFocusAt <= submittedAt ? Math.round((submittedAt - firstFocusAt) / 1000) : null;
  return { responseSeconds, handleSeconds };
}

/** "2 min", "3 h 5 min", "2 d 4 h": compact and language-neutral. */
export function formatDuration(seconds: number): string {
  if (seconds < 60) return `${seconds} s`;
  const minutes = Math.floor(seconds / 60);
  if (minutes < 60) return `${minutes} min`;
  const hours = Math.floor(minutes / 60);
  if (hours < 24) return minutes % 60 ? `${hours} h ${minutes % 60} min` : `${hours} h`;
  const days = Math.floor(hours / 24);
  return hours % 24 ? `${days} d ${hours % 24} h` : `${days} d`;
}

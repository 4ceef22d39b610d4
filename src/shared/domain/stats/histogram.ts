/**
 * A fixed log-scale histogram of durations in whole seconds. Bin 0 holds 0 s; bin b ≥ 1 holds
 * [R^(b−1), R^b). A bin is represented by its geometric middle, clamped to the whole seconds it can
 * hold, so any quantile or "fastest 90 %" mean read from it is within ±(√R − 1) ≈ 4.9 % of the
 * exact figure (R = 1.1), whatever the number of events. 0 s … 1 year needs 183 bins. In memory a
 * histogram is a dense Uint32Array, so merging is a tight loop, which is what keeps the Stats view
 * fast over thousands of rollup rows; stored, it is one block of the narrowest typed array that
 * holds its counts (rollup-codec.ts).
 */
export const BIN_RATIO = 1.1;
export const RELATIVE_ERROR_BOUND = Math.sqrt(BIN_RATIO) - 1;
const LOG_R = Math.log(BIN_RATIO);

export type Histogram = Uint32Array;

/** Enough bins for any duration up to a year (longer ones are rejected before they get here). */
export const HIST_BINS = 2 + Math.floor(Math.log(366 * 86_400) / LOG_R) + 1;

export function binOf(seconds: number): number {
  if (seconds < 1) return 0;
  return Math.min(HIST_BINS - 1, 1 + Math.floor(Math.log(seconds) / LOG_R));
}

export const emptyHistogram = (): Histogram => new Uint32Array(HIST_BINS);

export function binValue(bin: number): number {
  if (bin <= 0) return 0;
  const low = Math.pow(BIN_RATIO, bin - 1);
  const high = Math.pow(BIN_RATIO, bin);
  const middle = Math.sqrt(low * high);
  // Whole seconds only: the smallest and largest integers the bin can hold.
  const firstInt = Math.ceil(low);
  const lastInt = Math.ceil(high) - 1;
  if (lastInt < firstInt) return middle;
  return Math.min(Math.max(middle, firstInt), lastInt);
}

/** The value of the k-th smallest (0-based) sample, approximated by its bin. */
function valueAtRank(hist: ArrayLike<number>, rank: number): number {
  let seen = 0;
  let last = 0;
  for (let bin = 0; bin < hist.length; bin++) {
    const count = hist[bin]!;
    if (count === 0) continue;
    seen += count;
    last = bin;
    if (rank < seen) return binValue(bin);
  }
  return binValue(last);
}

/** Same interpolation as `quantileSorted`, on the histogram; clamped to the exact min and max. */
export function histQuantile(hist: ArrayLike<number>, n: number, q: number, min: number, max: number): number | null {
  if (n === 0) return null;
  const rank = Math.min(1, Math.max(0, q)) * (n - 1);
  const low = Math.floor(rank);
  const a = valueAtRank(hist, low);
  const b = valueAtRank(hist, Math.ceil(rank));
  return Math.min(max, Math.max(min, a + (b - a) * (rank - low)));
}

/** Mean of the `k` smallest samples. */
export function histLowestMean(hist: ArrayLike<number>, k: number, min: number, max: number): number | null {
  if (k <= 0) return null;
  let left = k;
  let sum = 0;
  for (let bin = 0; bin < hist.length; bin++) {
    const count = hist[bin]!;
    if (count === 0) continue;
    const take = Math.min(count, left);
    sum += take * Math.min(max, Math.max(min, binValue(bin)));
    left -= take;
    if (left === 0) break;
  }
  return sum / k;
}

/** The display buckets: 0–15 min, 15–60 min, 1–4 h, 4–24 h, > 24 h (upper bounds inclusive). */
export const DISPLAY_BUCKET_LIMITS = [15 * 60, 60 * 60, 4 * 3600, 24 * 3600] as const;
export const DISPLAY_BUCKET_COUNT = DISPLAY_BUCKET_LIMITS.length + 1;

export function displayBucketOf(seconds: number): number {
  const index = DISPLAY_BUCKET_LIMITS.findIndex((limit) => seconds <= limit);
  return index === -1 ? DISPLAY_BUCKET_LIMITS.length : index;
}

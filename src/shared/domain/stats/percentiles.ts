/** Exact statistics over a list of durations (seconds). The rollups approximate these. */

/** Linear interpolation between the closest ranks (numpy's default): median of [1,2,3,4] is 2.5. */
export function quantileSorted(sorted: readonly number[], q: number): number | null {
  if (sorted.length === 0) return null;
  const rank = Math.min(1, Math.max(0, q)) * (sorted.length - 1);
  const low = Math.floor(rank);
  const high = Math.ceil(rank);
  const a = sorted[low]!;
  const b = sorted[high]!;
  return a + (b - a) * (rank - low);
}

/** How many of `n` values the "fastest 90 %" keeps: at least one, rounded up. */
export function fastestCount(n: number, share = 0.9): number {
  return n === 0 ? 0 : Math.max(1, Math.ceil(n * share));
}

export interface MetricSummary {
  /** Values measured (replies with this duration known). */
  n: number;
  mean: number | null;
  median: number | null;
  p90: number | null;
  /** Meta-style: the mean of the fastest 90 % (the slowest 10 % left out). */
  fastest90Mean: number | null;
  min: number | null;
  max: number | null;
  /** Values at or under the target. */
  within: number;
  withinShare: number | null;
}

export const EMPTY_SUMMARY: MetricSummary = {
  n: 0,
  mean: null,
  median: null,
  p90: null,
  fastest90Mean: null,
  min: null,
  max: null,
  within: 0,
  withinShare: null,
};

/** `target` may differ per value (per-platform targets), so it is a function. */
export function exactSummary(values: readonly number[], targetOf: (index: number) => number): MetricSummary {
  const n = values.length;
  if (n === 0) return EMPTY_SUMMARY;
  let sum = 0;
  let within = 0;
  values.forEach((value, index) => {
    sum += value;
    if (value <= targetOf(index)) within++;
  });
  const sorted = Float64Array.from(values).sort();
  const list = Array.from(sorted);
  const k = fastestCount(n);
  let fastSum = 0;
  for (let i = 0; i < k; i++) fastSum += list[i]!;
  return {
    n,
    mean: sum / n,
    median: quantileSorted(list, 0.5),
    p90: quantileSorted(list, 0.9),
    fastest90Mean: fastSum / k,
    min: list[0]!,
    max: list[n - 1]!,
    within,
    withinShare: within / n,
  };
}

import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  binOf,
  binValue,
  displayBucketOf,
  emptyHistogram,
  histLowestMean,
  histQuantile,
  RELATIVE_ERROR_BOUND,
  type Histogram,
} from '../../src/shared/domain/stats/histogram';
import { exactSummary, fastestCount, quantileSorted } from '../../src/shared/domain/stats/percentiles';

const target = (seconds: number) => () => seconds;

describe('exact summary', () => {
  it('median and p90 on known sets (linear interpolation between closest ranks)', () => {
    expect(quantileSorted([1, 2, 3, 4], 0.5)).toBe(2.5);
    expect(quantileSorted([5, 1, 3].sort((a, b) => a - b), 0.5)).toBe(3);
    const oneToTen = Array.from({ length: 10 }, (_, i) => i + 1);
    expect(quantileSorted(oneToTen, 0.9)).toBeCloseTo(9.1, 10);
    expect(quantileSorted([42], 0.9)).toBe(42);
    expect(quantileSorted([], 0.5)).toBeNull();
  });

  it('summarises unsorted values: count, mean, median, p90, min, max', () => {
    const s = exactSummary([600, 60, 3600, 120, 300], target(3600));
    expect(s).toMatchObject({ n: 5, mean: 936, median: 300, min: 60, max: 3600, within: 5, withinShare: 1 });
    expect(s.p90).toBeCloseTo(600 + 0.6 * 3000, 10);
  });

  it('averages the fastest 90 %: the slowest 10 % are left out', () => {
    const values = [...Array.from({ length: 9 }, () => 60), 86_400];
    expect(fastestCount(10)).toBe(9);
    expect(exactSummary(values, target(3600)).fastest90Mean).toBe(60);
    // 1..10: keeps 1..9 → 5
    expect(exactSummary(Array.from({ length: 10 }, (_, i) => i + 1), target(1)).fastest90Mean).toBe(5);
    // 3 values: ceil(2.7) = 3, nothing left out
    expect(exactSummary([10, 20, 30], target(1)).fastest90Mean).toBe(20);
  });

  it('counts the share within target with the target inclusive and per value', () => {
    const s = exactSummary([100, 200, 300, 400], (i) => (i < 2 ? 200 : 300));
    expect(s.within).toBe(3);
    expect(s.withinShare).toBe(0.75);
  });

  it('gives nulls for no values', () => {
    expect(exactSummary([], target(1))).toMatchObject({ n: 0, median: null, p90: null, withinShare: null });
  });
});

describe('display buckets', () => {
  it('puts edges in the lower bucket: 0–15 min, 15–60 min, 1–4 h, 4–24 h, > 24 h', () => {
    expect([0, 900, 901, 3600, 3601, 14_400, 14_401, 86_400, 86_401].map(displayBucketOf)).toEqual([0, 0, 1, 1, 2, 2, 3, 3, 4]);
  });
});

describe('log histogram', () => {
  const histOf = (values: number[]): Histogram => {
    const hist: Histogram = emptyHistogram();
    for (const v of values) hist[binOf(v)]! += 1;
    return hist;
  };

  it('represents every whole second within the stated bound', () => {
    for (let v = 0; v < 200_000; v += v < 1000 ? 1 : 997) {
      const approx = binValue(binOf(v));
      expect(Math.abs(approx - v)).toBeLessThanOrEqual(v * RELATIVE_ERROR_BOUND + 1e-9);
    }
    expect(binValue(binOf(1))).toBe(1);
    expect(binValue(binOf(7))).toBe(7);
  });

  it('quantiles and the fastest-90 % mean stay within ±4.9 % of the exact ones', () => {
    fc.assert(
      fc.property(fc.array(fc.integer({ min: 0, max: 366 * 86_400 }), { minLength: 1, maxLength: 300 }), (values) => {
        const exact = exactSummary(values, target(3600));
        const hist = histOf(values);
        const { n, min, max } = { n: values.length, min: exact.min!, max: exact.max! };
        const close = (approx: number | null, truth: number | null) =>
          Math.abs(approx! - truth!) <= truth! * RELATIVE_ERROR_BOUND + 1e-6;
        expect(close(histQuantile(hist, n, 0.5, min, max), exact.median)).toBe(true);
        expect(close(histQuantile(hist, n, 0.9, min, max), exact.p90)).toBe(true);
        expect(close(histLowestMean(hist, fastestCount(n), min, max), exact.fastest90Mean)).toBe(true);
      }),
      { numRuns: 300 },
    );
  });
});

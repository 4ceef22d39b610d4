import { DISPLAY_BUCKET_COUNT, HIST_BINS } from './histogram';
import { METRICS, type DriftAgg, type MetricAgg, type RollupRow } from './rollup';
import { parseDayKey } from './zone';

/**
 * How a rollup row is stored: every number of the four measures in two typed arrays instead of
 * twelve small objects and arrays. IndexedDB clones a typed array as one block, so reading a few
 * thousand rows for the Stats view costs a fraction of the object form. Decoding four-byte counts
 * makes views into the same buffer; narrower ones are widened in one typed-array copy each.
 */
export interface StoredRollup {
  key: string;
  kind: RollupRow['kind'];
  day: string;
  platform: RollupRow['platform'];
  account: RollupRow['account'];
  count: number;
  withTemplate: number;
  /**
   * Template ids as keys of plain objects (here and in `drift`), written with Object.fromEntries so
   * that "__proto__" is an own key like any other, and read only through Object.entries/values.
   */
  templates: Record<string, number>;
  /** Absent on rows written before drift was measured. */
  drift?: Record<string, DriftAgg>;
  /** Per measure: n, sum, min, max, within (min and max NaN when n = 0). */
  sums: Float64Array;
  /**
   * Per measure: the display buckets, then the log histogram; in the narrowest array that holds
   * the largest count. A day's row rarely counts 255 of anything, and a byte per count instead of
   * four is most of what a recorded reply writes: the commit and the store's compaction cost
   * follow the bytes (p95 of an event and three rows: 5.9 ms with four-byte counts, 4.6 with one).
   */
  counts: Counts;
}

export type Counts = Uint8Array | Uint16Array | Uint32Array;

const SUMS = 5;
const COUNTS = DISPLAY_BUCKET_COUNT + HIST_BINS;

/** The narrowest count array for counts up to `largest`. */
function countsFor(largest: number): Counts {
  const length = METRICS.length * COUNTS;
  if (largest <= 0xff) return new Uint8Array(length);
  if (largest <= 0xffff) return new Uint16Array(length);
  return new Uint32Array(length);
}

export function encodeRollup(row: RollupRow): StoredRollup {
  const sums = new Float64Array(METRICS.length * SUMS);
  // No bucket or bin can count more than the measure's n.
  const counts = countsFor(Math.max(...METRICS.map((metric) => row[metric].n)));
  METRICS.forEach((metric, i) => {
    const agg = row[metric];
    sums.set([agg.n, agg.sum, agg.min ?? Number.NaN, agg.max ?? Number.NaN, agg.within], i * SUMS);
    counts.set(agg.buckets, i * COUNTS);
    counts.set(agg.hist, i * COUNTS + DISPLAY_BUCKET_COUNT);
  });
  const { key, kind, day, platform, account, count, withTemplate } = row;
  const templates = Object.fromEntries(row.templates);
  const drift = Object.fromEntries(row.drift);
  return { key, kind, day, platform, account, count, withTemplate, templates, drift, sums, counts };
}

export function decodeRollup(stored: StoredRollup): RollupRow {
  const { key, kind, day, platform, account, count, withTemplate, templates, drift, sums, counts } = stored;
  const agg = (i: number): MetricAgg => {
    const at = i * SUMS;
    const min = sums[at + 2]!;
    const max = sums[at + 3]!;
    const from = i * COUNTS;
    return {
      n: sums[at]!,
      sum: sums[at + 1]!,
      min: Number.isNaN(min) ? null : min,
      max: Number.isNaN(max) ? null : max,
      within: sums[at + 4]!,
      buckets: Array.from(counts.subarray(from, from + DISPLAY_BUCKET_COUNT)),
      // Four-byte counts are used in place; narrower ones are widened, since adding an event
      // may need the room.
      hist:
        counts instanceof Uint32Array
          ? counts.subarray(from + DISPLAY_BUCKET_COUNT, from + COUNTS)
          : new Uint32Array(counts.subarray(from + DISPLAY_BUCKET_COUNT, from + COUNTS)),
    };
  };
  return {
    key,
    kind,
    day,
    platform,
    account,
    count,
    withTemplate,
    templates: new Map(Object.entries(templates)),
    drift: new Map(Object.entries(drift ?? {}).map(([id, d]) => [id, { n: d.n, sum: d.sum }])),
    response: agg(0),
    businessResponse: agg(1),
    handle: agg(2),
    businessHandle: agg(3),
  };
}

const isCount = (v: unknown) => typeof v === 'number' && Number.isFinite(v) && v >= 0;

function validDrift(value: unknown): boolean {
  if (typeof value !== 'object' || value === null) return false;
  return Object.values(value).every((d: unknown) => {
    const { n, sum } = (typeof d === 'object' && d !== null ? d : {}) as Partial<{ n: unknown; sum: unknown }>;
    return isCount(n) && isCount(sum) && (sum as number) <= (n as number) + 1e-6;
  });
}

/** A stored row that can be trusted; anything else (a bad write, an old format, tampering) is corruption. */
export function isValidStoredRollup(value: unknown): value is StoredRollup {
  if (typeof value !== 'object' || value === null) return false;
  const r = value as Partial<StoredRollup>;
  if (typeof r.key !== 'string' || typeof r.day !== 'string' || !parseDayKey(r.day) || !isCount(r.count)) return false;
  if (r.kind !== 'p' && r.kind !== 'a') return false; // 't' (day totals) rows went in version 7
  // A template id like "toString" once turned its count into text: such a row is rebuilt.
  if (typeof r.templates !== 'object' || r.templates === null || !Object.values(r.templates).every(isCount)) return false;
  if (r.drift !== undefined && !validDrift(r.drift)) return false;
  if (!(r.sums instanceof Float64Array) || r.sums.length !== METRICS.length * SUMS) return false;
  const { sums, counts } = r;
  const typed = counts instanceof Uint8Array || counts instanceof Uint16Array || counts instanceof Uint32Array;
  if (!typed || counts.length !== METRICS.length * COUNTS) return false;
  return METRICS.every((_m, i) => {
    const n = sums[i * SUMS]!;
    let inBuckets = 0;
    let inHist = 0;
    for (let j = 0; j < COUNTS; j++) {
      if (j < DISPLAY_BUCKET_COUNT) inBuckets += counts[i * COUNTS + j]!;
      else inHist += counts[i * COUNTS + j]!;
    }
    return isCount(n) && n <= r.count! && inBuckets === n && inHist === n && (n === 0 || (isCount(sums[i * SUMS + 2]) && isCount(sums[i * SUMS + 3])));
  });
}

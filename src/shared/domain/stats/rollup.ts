import type { Platform } from '../platform';
import { targetFor, type StatsConfig } from './config';
import { fastestCount, type MetricSummary, EMPTY_SUMMARY } from './percentiles';
import {
  binOf,
  DISPLAY_BUCKET_COUNT,
  displayBucketOf,
  emptyHistogram,
  histLowestMean,
  histQuantile,
  type Histogram,
} from './histogram';
import { dayKeyOf } from './zone';

/** Drift of one template's replies: the mean is `sum / n`. */
export interface DriftAgg {
  n: number;
  sum: number;
}

/** One duration measure aggregated over the events of a rollup row. Exact except `hist`. */
export interface MetricAgg {
  n: number;
  sum: number;
  min: number | null;
  max: number | null;
  /** Values at or under the platform's target. */
  within: number;
  /** Counts per display bucket (0–15 min … > 24 h), exact. */
  buckets: number[];
  hist: Histogram;
}

export const METRICS = ['response', 'businessResponse', 'handle', 'businessHandle'] as const;
export type Metric = (typeof METRICS)[number];

/** The event fields a rollup needs (a stored ReplyEvent has them all). */
export interface RollupInput {
  platform: Platform;
  account: string | null;
  submittedAt: number;
  templateId: string | null;
  drift?: number | null;
  responseSeconds: number | null;
  businessResponseSeconds?: number | null;
  handleSeconds: number | null;
  businessHandleSeconds?: number | null;
}

/**
 * Every event counts in two rows of its local day: its platform (`p`) and its account (`a`, ''
 * when unknown). Each kind partitions the day, so the day's total is the sum of its platform rows
 * (a handful): no total row is written. Each row is a put, an IPC message and a block the store
 * compacts later; two instead of three took the p95 of a record from 3.2–3.7 to 2.5–2.7 ms in a
 * raw-IndexedDB A/B in Chromium. The Stats view reads a few rows per day instead of one per day ×
 * platform × account, and the previous period only its platform rows.
 */
export type RollupKind = 'p' | 'a';

export interface RollupSlot {
  key: string;
  kind: RollupKind;
  day: string;
  /** Set on `p` rows only. */
  platform: Platform | null;
  /** Set on `a` rows only ('' = no account shown on the page). */
  account: string | null;
}

export interface RollupRow extends RollupSlot {
  count: number;
  withTemplate: number;
  /**
   * Uses per template id. Maps, not objects: an id comes from a page or a teammate's file, and as
   * an object key "__proto__" or "toString" reads Object.prototype (stored, they are own keys of a
   * plain object: rollup-codec.ts).
   */
  templates: Map<string, number>;
  /** Per template: how many of its replies have a measured drift, and their sum (platform rows only). */
  drift: Map<string, DriftAgg>;
  response: MetricAgg;
  businessResponse: MetricAgg;
  handle: MetricAgg;
  businessHandle: MetricAgg;
}

const FIELD: Record<Metric, keyof RollupInput> = {
  response: 'responseSeconds',
  businessResponse: 'businessResponseSeconds',
  handle: 'handleSeconds',
  businessHandle: 'businessHandleSeconds',
};

export function emptyAgg(): MetricAgg {
  return { n: 0, sum: 0, min: null, max: null, within: 0, buckets: new Array<number>(DISPLAY_BUCKET_COUNT).fill(0), hist: emptyHistogram() };
}

export const ROLLUP_KINDS: readonly RollupKind[] = ['p', 'a'];

/**
 * Keys are `kind|day|platform or account`: one kind over a range of days is one key range (day
 * keys are fixed-width, so an account holding '|' cannot leak out of its day).
 */
export function kindKeyRange(kind: RollupKind, from: string, to: string): [lower: string, upper: string] {
  return [`${kind}|${from}|`, `${kind}|${to}|\uffff`];
}

export function rollupSlotsFor(event: Pick<RollupInput, 'submittedAt' | 'platform' | 'account'>, config: StatsConfig): RollupSlot[] {
  const day = dayKeyOf(config.timeZone, event.submittedAt);
  const account = event.account ?? '';
  return [
    { key: `p|${day}|${event.platform}`, kind: 'p', day, platform: event.platform, account: null },
    { key: `a|${day}|${account}`, kind: 'a', day, platform: null, account },
  ];
}

/** Whether an event of the row's day belongs in the row. */
export function slotHolds(slot: RollupSlot, event: RollupInput): boolean {
  return slot.kind === 'p' ? event.platform === slot.platform : (event.account ?? '') === slot.account;
}

export function emptyRow(slot: RollupSlot): RollupRow {
  return {
    key: slot.key,
    kind: slot.kind,
    day: slot.day,
    platform: slot.platform,
    account: slot.account,
    count: 0,
    withTemplate: 0,
    templates: new Map(),
    drift: new Map(),
    response: emptyAgg(),
    businessResponse: emptyAgg(),
    handle: emptyAgg(),
    businessHandle: emptyAgg(),
  };
}

function bump(counts: Map<string, number>, key: string, by: number): void {
  const next = (counts.get(key) ?? 0) + by;
  if (next === 0) counts.delete(key);
  else counts.set(key, next);
}

function addDrift(drift: Map<string, DriftAgg>, templateId: string, n: number, sum: number): void {
  const agg = drift.get(templateId) ?? { n: 0, sum: 0 };
  agg.n += n;
  agg.sum = Math.max(0, agg.sum + sum); // removals must not leave a rounding residue below zero
  if (agg.n <= 0) drift.delete(templateId);
  else drift.set(templateId, agg);
}

/**
 * Adds (`sign` 1) or removes (−1) one event. Everything is exact to remove except min and max:
 * the return value is false when removing made them unknown, and the caller must rebuild the row
 * from its events.
 */
export function applyToRow(row: RollupRow, event: RollupInput, config: StatsConfig, sign: 1 | -1): boolean {
  row.count += sign;
  if (event.templateId !== null) {
    row.withTemplate += sign;
    // Template usage is kept on the platform rows only: they partition the day like a total would.
    if (row.kind === 'p') {
      bump(row.templates, event.templateId, sign);
      if (typeof event.drift === 'number') addDrift(row.drift, event.templateId, sign, sign * event.drift);
    }
  }
  const target = targetFor(config, event.platform);
  let exact = true;
  for (const metric of METRICS) {
    const value = event[FIELD[metric]] as number | null | undefined;
    if (value === null || value === undefined) continue;
    const agg = row[metric];
    agg.n += sign;
    agg.sum += sign * value;
    if (value <= target) agg.within += sign;
    agg.buckets[displayBucketOf(value)]! += sign;
    agg.hist[binOf(value)]! += sign;
    if (sign === 1) {
      agg.min = agg.min === null ? value : Math.min(agg.min, value);
      agg.max = agg.max === null ? value : Math.max(agg.max, value);
    } else if (agg.n === 0) {
      agg.min = null;
      agg.max = null;
    } else if (value === agg.min || value === agg.max) {
      exact = false;
    }
  }
  return exact;
}

/** Builds rows from events: the reference the incremental rollups must always equal. */
export function rowsFromEvents(events: Iterable<RollupInput>, config: StatsConfig): Map<string, RollupRow> {
  const rows = new Map<string, RollupRow>();
  for (const event of events) addToRows(rows, event, config);
  return rows;
}

/** Counts one event in the rows it belongs to, creating them as needed (rebuilds stream through this). */
export function addToRows(rows: Map<string, RollupRow>, event: RollupInput, config: StatsConfig): void {
  for (const slot of rollupSlotsFor(event, config)) {
    let row = rows.get(slot.key);
    if (!row) {
      row = emptyRow(slot);
      rows.set(slot.key, row);
    }
    applyToRow(row, event, config, 1);
  }
}

export function mergeAgg(into: MetricAgg, from: MetricAgg): void {
  if (from.n === 0) return;
  into.n += from.n;
  into.sum += from.sum;
  into.within += from.within;
  into.min = into.min === null ? from.min : Math.min(into.min, from.min ?? into.min);
  into.max = into.max === null ? from.max : Math.max(into.max, from.max ?? into.max);
  from.buckets.forEach((count, i) => (into.buckets[i] = (into.buckets[i] ?? 0) + count));
  const a = into.hist;
  const b = from.hist;
  for (let bin = 0; bin < b.length; bin++) a[bin]! += b[bin]!;
}

/** Count, mean, min, max and share within target exact; median, p90 and fastest-90 % mean within ±4.9 %. */
export function summarizeAgg(agg: MetricAgg): MetricSummary {
  if (agg.n === 0 || agg.min === null || agg.max === null) return EMPTY_SUMMARY;
  return {
    n: agg.n,
    mean: agg.sum / agg.n,
    median: histQuantile(agg.hist, agg.n, 0.5, agg.min, agg.max),
    p90: histQuantile(agg.hist, agg.n, 0.9, agg.min, agg.max),
    fastest90Mean: histLowestMean(agg.hist, fastestCount(agg.n), agg.min, agg.max),
    min: agg.min,
    max: agg.max,
    within: agg.within,
    withinShare: agg.within / agg.n,
  };
}

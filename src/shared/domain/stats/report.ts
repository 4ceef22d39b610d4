import type { Platform } from '../platform';
import { targetFor, type StatsConfig } from './config';
import { exactSummary, type MetricSummary } from './percentiles';
import { DISPLAY_BUCKET_COUNT, displayBucketOf } from './histogram';
import { emptyAgg, mergeAgg, METRICS, summarizeAgg, type Metric, type MetricAgg, type RollupInput, type RollupRow } from './rollup';
import { addDays, dayKeyOf, weekStartOf } from './zone';

/** An inclusive range of local days. */
export interface DayRange {
  from: string;
  to: string;
}

/** The last `days` days up to and including `today`, and the same length just before it. */
export function periodEnding(today: string, days: number): { current: DayRange; previous: DayRange } {
  const from = addDays(today, -(days - 1));
  return { current: { from, to: today }, previous: { from: addDays(from, -days), to: addDays(from, -1) } };
}

export type GroupSummary = { count: number } & Record<Metric, MetricSummary> & { buckets: Record<Metric, number[]> };

export interface StatsReport {
  total: GroupSummary;
  byPlatform: Array<{ platform: Platform } & GroupSummary>;
  byAccount: Array<{ account: string } & GroupSummary>;
  /** Every day of the range, in order, including days without replies (for charts). */
  byDay: Array<{ day: string } & GroupSummary>;
  byWeek: Array<{ week: string } & GroupSummary>;
  /** Uses per template, and the mean drift of its replies (null when none was measured). */
  templates: Array<{ templateId: string; count: number; drift: number | null }>;
  withTemplate: number;
}

class Group {
  count = 0;
  readonly aggs: Record<Metric, MetricAgg> = {
    response: emptyAgg(),
    businessResponse: emptyAgg(),
    handle: emptyAgg(),
    businessHandle: emptyAgg(),
  };

  add(row: { count: number } & Record<Metric, MetricAgg>): void {
    this.count += row.count;
    for (const metric of METRICS) mergeAgg(this.aggs[metric], row[metric]);
  }

  addGroup(group: Group): void {
    this.add({ count: group.count, ...group.aggs });
  }

  summary(): GroupSummary {
    const out = { count: this.count, buckets: {} } as GroupSummary;
    for (const metric of METRICS) {
      out[metric] = summarizeAgg(this.aggs[metric]);
      out.buckets[metric] = [...this.aggs[metric].buckets];
    }
    return out;
  }
}

function grouped<K extends string>(rows: readonly RollupRow[], keyOf: (row: RollupRow) => K): Map<K, Group> {
  const groups = new Map<K, Group>();
  for (const row of rows) {
    const key = keyOf(row);
    let group = groups.get(key);
    if (!group) groups.set(key, (group = new Group()));
    group.add(row);
  }
  return groups;
}

function daysOf(range: DayRange): string[] {
  const days: string[] = [];
  for (let day = range.from; day <= range.to && days.length < 4000; day = addDays(day, 1)) days.push(day);
  return days;
}

/** What the comparison with the previous period needs: its total only. */
export type PeriodTotal = Pick<StatsReport, 'total'>;

/**
 * The total of `range` alone (rows outside it are ignored): the platform rows merged into one
 * group, without the day, week, platform and account breakdowns a full report builds.
 */
export function totalFromRows(rows: readonly RollupRow[], range: DayRange): PeriodTotal {
  const total = new Group();
  for (const row of rows) if (row.kind === 'p' && row.day >= range.from && row.day <= range.to) total.add(row);
  return { total: total.summary() };
}

/** The report for `range` from rollup rows (rows outside the range are ignored). */
export function reportFromRows(allRows: readonly RollupRow[], range: DayRange): StatsReport {
  const rows = allRows.filter((row) => row.day >= range.from && row.day <= range.to);
  // Platform rows partition each day: they are the totals, summed per day.
  const totals = rows.filter((row) => row.kind === 'p');
  const templates = new Map<string, number>();
  const drift = new Map<string, { n: number; sum: number }>();
  let withTemplate = 0;
  for (const row of totals) {
    withTemplate += row.withTemplate;
    for (const [id, count] of row.templates) templates.set(id, (templates.get(id) ?? 0) + count);
    for (const [id, d] of row.drift) {
      const sum = drift.get(id) ?? { n: 0, sum: 0 };
      drift.set(id, { n: sum.n + d.n, sum: sum.sum + d.sum });
    }
  }
  const meanDrift = (id: string) => {
    const d = drift.get(id);
    return d && d.n > 0 ? Math.min(1, Math.max(0, d.sum / d.n)) : null;
  };
  // Day groups make the trend; the period total and the weeks are merged from them.
  const byDay = grouped(totals, (row) => row.day);
  const total = new Group();
  const weeks = new Map<string, Group>();
  for (const [day, group] of byDay) {
    total.addGroup(group);
    const week = weekStartOf(day);
    let weekGroup = weeks.get(week);
    if (!weekGroup) weeks.set(week, (weekGroup = new Group()));
    weekGroup.addGroup(group);
  }
  const empty = new Group();
  const byCount = <T extends { count: number }>(a: T, b: T) => b.count - a.count;
  return {
    total: total.summary(),
    byPlatform: [...grouped(totals, (row) => row.platform!)]
      .map(([platform, g]) => ({ platform, ...g.summary() }))
      .sort(byCount),
    byAccount: [...grouped(rows.filter((row) => row.kind === 'a'), (row) => row.account ?? '')]
      .map(([account, g]) => ({ account, ...g.summary() }))
      .sort(byCount),
    byDay: daysOf(range).map((day) => ({ day, ...(byDay.get(day) ?? empty).summary() })),
    byWeek: [...weeks]
      .map(([week, g]) => ({ week, ...g.summary() }))
      .sort((a, b) => a.week.localeCompare(b.week)),
    templates: [...templates].map(([templateId, count]) => ({ templateId, count, drift: meanDrift(templateId) })).sort(byCount),
    withTemplate,
  };
}

const FIELD: Record<Metric, keyof RollupInput> = {
  response: 'responseSeconds',
  businessResponse: 'businessResponseSeconds',
  handle: 'handleSeconds',
  businessHandle: 'businessHandleSeconds',
};

/**
 * The exact figures straight from events (sorting every value): what the rollups approximate, and
 * what the benchmark compares them with. Overall and per platform.
 */
export function exactFromEvents(
  events: readonly RollupInput[],
  config: StatsConfig,
  range: DayRange,
): { total: GroupSummary; byPlatform: Map<Platform, GroupSummary> } {
  const inRange = events.filter((e) => {
    const day = dayKeyOf(config.timeZone, e.submittedAt);
    return day >= range.from && day <= range.to;
  });
  const summarize = (list: readonly RollupInput[]): GroupSummary => {
    const out = { count: list.length, buckets: {} } as GroupSummary;
    for (const metric of METRICS) {
      const measured = list.filter((e) => e[FIELD[metric]] != null);
      const values = measured.map((e) => e[FIELD[metric]] as number);
      out[metric] = exactSummary(values, (i) => targetFor(config, measured[i]!.platform));
      const buckets = new Array<number>(DISPLAY_BUCKET_COUNT).fill(0);
      for (const value of values) buckets[displayBucketOf(value)]!++;
      out.buckets[metric] = buckets;
    }
    return out;
  };
  const byPlatform = new Map<Platform, RollupInput[]>();
  for (const event of inRange) {
    const list = byPlatform.get(event.platform) ?? [];
    list.push(event);
    byPlatform.set(event.platform, list);
  }
  return {
    total: summarize(inRange),
    byPlatform: new Map([...byPlatform].map(([platform, list]) => [platform, summarize(list)])),
  };
}

import { normalizeStatsConfig, statsConfigFingerprint, type StatsConfig } from '../../domain/stats/config';
import { periodEnding, reportFromRows, totalFromRows, type DayRange, type PeriodTotal, type StatsReport } from '../../domain/stats/report';
import { kindKeyRange, ROLLUP_KINDS, type RollupKind, type RollupRow } from '../../domain/stats/rollup';
import { decodeRollup, isValidStoredRollup } from '../../domain/stats/rollup-codec';
import { dayKeyOf, formatDayKey, localToInstant, parseDayKey } from '../../domain/stats/zone';
import type { TonoDatabase } from '../database';
import { ReplyEventsRepo } from './reply-events';

export interface PeriodReports {
  current: StatsReport;
  previous: PeriodTotal;
  range: { current: DayRange; previous: DayRange };
}

/** Reads response-time stats from the rollups; settings, retention and upkeep. */
export class StatsRepo {
  readonly events: ReplyEventsRepo;

  constructor(private readonly db: TonoDatabase) {
    this.events = new ReplyEventsRepo(db);
  }

  async config(): Promise<StatsConfig> {
    return normalizeStatsConfig((await this.db.settings.get('responseTimeConfig'))?.value);
  }

  /** What stored values were computed with; absent (never changed settings) means the defaults. */
  private async appliedFingerprint(): Promise<unknown> {
    const applied = await this.db.settings.get('responseTimeApplied');
    if (applied) return applied.value;
    const stored = await this.db.settings.get('responseTimeConfig');
    return stored ? null : statsConfigFingerprint(normalizeStatsConfig(undefined));
  }

  /**
   * Saves the settings; when anything that shapes the figures changed, re-derives every event's
   * business values and rebuilds the rollups from the raw times.
   */
  async saveConfig(value: StatsConfig, onProgress?: (done: number, total: number) => void): Promise<StatsConfig> {
    const config = normalizeStatsConfig(value);
    await this.db.settings.put({ key: 'responseTimeConfig', value: config });
    if ((await this.appliedFingerprint()) !== statsConfigFingerprint(config)) await this.events.recomputeAll(onProgress);
    return config;
  }

  /** The rows of some kinds over a day range: one key range per kind (a few hundred rows for a month). */
  private async stored(range: DayRange, kinds: readonly RollupKind[]): Promise<unknown[]> {
    const parts = await Promise.all(
      kinds.map((kind) => {
        const [lower, upper] = kindKeyRange(kind, range.from, range.to);
        return this.db.statRollups.where(':id').between(lower, upper, true, true).toArray();
      }),
    );
    return parts.flat();
  }

  /** Rollup rows of a day range. */
  async rows(range: DayRange): Promise<RollupRow[]> {
    const rows = await this.stored(range, ROLLUP_KINDS);
    if (!rows.every(isValidStoredRollup)) throw new RollupCorruptError();
    return rows.map(decodeRollup);
  }

  /**
   * What the Stats view reads: every row of the current period, and only the platform rows of the
   * previous one (its totals are all the comparison needs).
   */
  async periodRows(range: { current: DayRange; previous: DayRange }): Promise<RollupRow[]> {
    const [current, previous] = await Promise.all([this.stored(range.current, ROLLUP_KINDS), this.stored(range.previous, ['p'])]);
    const rows: unknown[] = [...current, ...previous];
    if (!rows.every(isValidStoredRollup)) throw new RollupCorruptError();
    return rows.map(decodeRollup);
  }

  /** The last `days` days (local, in the stats time zone) and the period before, for comparison. */
  async periodReports(days: number, now = Date.now()): Promise<PeriodReports> {
    const config = await this.config();
    const range = periodEnding(dayKeyOf(config.timeZone, now), days);
    const rows = await this.periodRows(range);
    return { current: reportFromRows(rows, range.current), previous: totalFromRows(rows, range.previous), range };
  }

  private deriving: Promise<boolean> | null = null;

  /**
   * Derives every event's durations and rebuilds the rollups when the stored ones were not made
   * with the current settings: after a settings change that did not finish, or an upgrade (released
   * migrations only mark derived data stale; this live code derives it). Returns whether it ran.
   * Concurrent calls share one run.
   */
  ensureCurrent(): Promise<boolean> {
    this.deriving ??= (async () => {
      if ((await this.appliedFingerprint()) === statsConfigFingerprint(await this.config())) return false;
      await this.events.recomputeAll();
      return true;
    })().finally(() => (this.deriving = null));
    return this.deriving;
  }

  /**
   * Start-up upkeep: recomputes after a settings change or an upgrade, and rebuilds the rollups
   * when they no longer add up to the events (corruption, an interrupted write elsewhere).
   * Returns what it did.
   */
  async ensureConsistent(): Promise<'ok' | 'recomputed' | 'rebuilt'> {
    if (await this.ensureCurrent()) return 'recomputed';
    // One read transaction: a reply recorded meanwhile must not look like a mismatch.
    const [rows, events] = await this.db.transaction('r', this.db.statRollups, this.db.replyEvents, () =>
      Promise.all([this.db.statRollups.toArray() as Promise<unknown[]>, this.db.replyEvents.count()]),
    );
    // Each kind of row (platforms, accounts) must count every event exactly once.
    const sums = { p: 0, a: 0 };
    const valid = rows.every(isValidStoredRollup);
    if (valid) for (const row of rows) sums[row.kind] += row.count;
    if (valid && sums.p === events && sums.a === events) return 'ok';
    await this.events.rebuildRollups();
    return 'rebuilt';
  }

  /** Deletes events older than the retention (whole local days). Returns how many went. */
  async prune(now = Date.now()): Promise<number> {
    const config = await this.config();
    if (config.retentionMonths <= 0) return 0;
    const today = parseDayKey(dayKeyOf(config.timeZone, now))!;
    const cutoffDate = new Date(Date.UTC(today.year, today.month - 1 - config.retentionMonths, today.day));
    const cutoffDay = formatDayKey({
      year: cutoffDate.getUTCFullYear(),
      month: cutoffDate.getUTCMonth() + 1,
      day: cutoffDate.getUTCDate(),
    });
    const cutoff = localToInstant(config.timeZone, parseDayKey(cutoffDay)!, 0);
    return this.events.deleteBefore(cutoff, cutoffDay);
  }

  async upkeep(now = Date.now()): Promise<void> {
    await this.ensureConsistent();
    await this.prune(now);
  }
}

export class RollupCorruptError extends Error {
  constructor() {
    super('Stats rollups are corrupted; rebuild them from the events.');
    this.name = 'RollupCorruptError';
  }
}

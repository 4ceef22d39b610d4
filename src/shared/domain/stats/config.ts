import { PLATFORMS, type Platform } from '../platform';
import { hasOpenHours, type BusinessCalendar, type OpenInterval, type WeekSchedule } from './business-hours';
import { isValidTimeZone, parseDayKey } from './zone';

/** Everything the stats depend on besides the raw times. Changing it recomputes history. */
export interface StatsConfig {
  timeZone: string;
  /** Sunday first. All days empty = no business hours: business values are then not computed. */
  week: OpenInterval[][];
  holidays: string[];
  /** Response-time target (SLA) in seconds, for every platform without its own. */
  targetSeconds: number;
  platformTargets: Partial<Record<Platform, number>>;
  /** Which clock the target is checked against. */
  targetBasis: 'business' | 'wall';
  /** Events older than this are pruned; 0 keeps everything. */
  retentionMonths: number;
}

const NINE_TO_SIX: OpenInterval[] = [{ start: 9 * 60, end: 18 * 60 }];

/**
 * The system's zone, asked again only when the UTC offset changed or a minute passed: building
 * a default `Intl.DateTimeFormat` costs about 0.3 ms, and every recorded reply reads the settings.
 * A move to another zone shows in the offset at once unless both zones share it.
 */
let systemZone: { zone: string; offset: number; at: number } | null = null;
const SYSTEM_ZONE_TTL_MS = 60_000;

export function defaultTimeZone(now = Date.now()): string {
  const offset = new Date(now).getTimezoneOffset();
  if (systemZone && systemZone.offset === offset && now - systemZone.at < SYSTEM_ZONE_TTL_MS && now >= systemZone.at) {
    return systemZone.zone;
  }
  const asked = new Intl.DateTimeFormat().resolvedOptions().timeZone;
  const zone = asked && isValidTimeZone(asked) ? asked : 'UTC';
  systemZone = { zone, offset, at: now };
  return zone;
}

export function defaultStatsConfig(): StatsConfig {
  return {
    timeZone: defaultTimeZone(),
    week: [[], NINE_TO_SIX, NINE_TO_SIX, NINE_TO_SIX, NINE_TO_SIX, NINE_TO_SIX, []],
    holidays: [],
    targetSeconds: 3600,
    platformTargets: {},
    targetBasis: 'business',
    retentionMonths: 13,
  };
}

const isRecord = (value: unknown): value is Record<string, unknown> => typeof value === 'object' && value !== null;
const isSeconds = (value: unknown): value is number =>
  typeof value === 'number' && Number.isFinite(value) && value > 0 && value <= 366 * 86_400;

function cleanDay(value: unknown): OpenInterval[] {
  if (!Array.isArray(value)) return [];
  return value
    .filter(isRecord)
    .map((i) => ({ start: Math.round(Number(i.start)), end: Math.round(Number(i.end)) }))
    .filter((i) => Number.isFinite(i.start) && Number.isFinite(i.end) && i.start >= 0 && i.end <= 1440 && i.start < i.end)
    .sort((a, b) => a.start - b.start);
}

/** Settings come from storage (or an old version): anything malformed falls back to the default. */
export function normalizeStatsConfig(value: unknown): StatsConfig {
  const base = defaultStatsConfig();
  if (!isRecord(value)) return base;
  const week = Array.isArray(value.week) && value.week.length === 7 ? value.week.map(cleanDay) : base.week;
  const targets: Partial<Record<Platform, number>> = {};
  if (isRecord(value.platformTargets)) {
    for (const platform of PLATFORMS) {
      const target = value.platformTargets[platform];
      if (isSeconds(target)) targets[platform] = Math.round(target);
    }
  }
  return {
    timeZone: typeof value.timeZone === 'string' && isValidTimeZone(value.timeZone) ? value.timeZone : base.timeZone,
    week,
    holidays: Array.isArray(value.holidays)
      ? [...new Set(value.holidays.filter((d): d is string => typeof d === 'string' && parseDayKey(d) !== null))].sort()
      : [],
    targetSeconds: isSeconds(value.targetSeconds) ? Math.round(value.targetSeconds) : base.targetSeconds,
    platformTargets: targets,
    targetBasis: value.targetBasis === 'wall' ? 'wall' : 'business',
    retentionMonths:
      typeof value.retentionMonths === 'number' && Number.isInteger(value.retentionMonths) && value.retentionMonths >= 0
        ? Math.min(value.retentionMonths, 120)
        : base.retentionMonths,
  };
}

export function targetFor(config: StatsConfig, platform: Platform): number {
  return config.platformTargets[platform] ?? config.targetSeconds;
}

/** The calendar for business-hours math, or null when no open hours are set. */
export function calendarOf(config: StatsConfig): BusinessCalendar | null {
  const week: WeekSchedule = config.week;
  if (!hasOpenHours(week)) return null;
  return { timeZone: config.timeZone, week, holidays: new Set(config.holidays) };
}

/** Fields whose change alters stored business values or rollups (retention does not). */
export function statsConfigFingerprint(config: StatsConfig): string {
  return JSON.stringify({ ...config, retentionMonths: null });
}

import type { TonoDatabase } from '../shared/db/database';
import { SettingsRepo } from '../shared/db/repos/settings';
import { StatsRepo } from '../shared/db/repos/stats';

export const STATS_UPKEEP_ALARM = 'tono-stats-upkeep';
const PERIOD_MINUTES = 24 * 60;
/** The first run after install or browser start waits this long, off any page's first keystroke. */
const FIRST_DELAY_MINUTES = 1;
/** Closer to the last run than this, a run is skipped (alarms and starts can repeat within a day). */
export const UPKEEP_MIN_GAP_MS = 12 * 3_600_000;

/**
 * The rollup consistency scan and retention pruning, at most once per UPKEEP_MIN_GAP_MS (the last
 * run is kept in settings, since the worker keeps nothing in memory). Returns whether it ran.
 */
export async function runStatsUpkeep(db: TonoDatabase, now: number): Promise<boolean> {
  const settings = new SettingsRepo(db);
  const last = await settings.get('upkeepRanAt');
  // A last run in the future means the clock went back: run rather than wait for it.
  if (typeof last === 'number' && last <= now && now - last < UPKEEP_MIN_GAP_MS) return false;
  await new StatsRepo(db).upkeep(now);
  await settings.set('upkeepRanAt', now);
  return true;
}

/** The part of the browser API the upkeep needs (a fake one in tests). */
export interface UpkeepApi {
  alarms: {
    get(name: string): Promise<{ name: string } | undefined>;
    create(name: string, info: { delayInMinutes: number; periodInMinutes: number }): Promise<void> | void;
    onAlarm: { addListener(listener: (alarm: { name: string }) => void): void };
  };
  runtime: {
    onStartup: { addListener(listener: () => void): void };
    onInstalled: { addListener(listener: () => void): void };
  };
}

/**
 * Daily upkeep on an alarm instead of at every worker start: a cold start (the first Tab of the
 * day) then pays for nothing but this registration. Call at the worker's top level.
 */
export function registerStatsUpkeep(db: TonoDatabase, api: UpkeepApi, now: () => number = Date.now): Promise<void> {
  const log = (error: unknown) => console.error('Tono: stats upkeep failed', error);
  api.alarms.onAlarm.addListener((alarm) => {
    if (alarm.name === STATS_UPKEEP_ALARM) void runStatsUpkeep(db, now()).catch(log);
  });
  // Alarms may be dropped on a browser restart (Firefox always does): recreate if missing.
  const ensure = async () => {
    if (!(await api.alarms.get(STATS_UPKEEP_ALARM))) {
      await api.alarms.create(STATS_UPKEEP_ALARM, { delayInMinutes: FIRST_DELAY_MINUTES, periodInMinutes: PERIOD_MINUTES });
    }
  };
  api.runtime.onInstalled.addListener(() => void ensure().catch(log));
  api.runtime.onStartup.addListener(() => void ensure().catch(log));
  return ensure().catch(log);
}

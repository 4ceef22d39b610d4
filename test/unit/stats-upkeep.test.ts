import Dexie from 'dexie';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { registerStatsUpkeep, STATS_UPKEEP_ALARM, UPKEEP_MIN_GAP_MS, type UpkeepApi } from '../../src/background/stats-upkeep';
import { TonoDatabase } from '../../src/shared/db/database';
import type { ReplyEventInput } from '../../src/shared/db/repos/reply-events';
import { StatsRepo } from '../../src/shared/db/repos/stats';
import { defaultStatsConfig } from '../../src/shared/domain/stats/config';

const DAY = 24 * 3_600_000;
const START = Date.UTC(2025, 5, 15, 12);

/** Browser alarms and runtime events, fired by hand; Date is faked (IndexedDB keeps real timers). */
function fakeBrowser() {
  const alarms = new Map<string, { delayInMinutes: number; periodInMinutes: number }>();
  const onAlarm: Array<(alarm: { name: string }) => void> = [];
  const onStartup: Array<() => void> = [];
  const api: UpkeepApi = {
    alarms: {
      get: async (name) => (alarms.has(name) ? { name } : undefined),
      create: (name, info) => void alarms.set(name, info),
      onAlarm: { addListener: (listener) => void onAlarm.push(listener) },
    },
    runtime: {
      onStartup: { addListener: (listener) => void onStartup.push(listener) },
      onInstalled: { addListener: () => undefined },
    },
  };
  return { api, alarms, fire: (name: string) => onAlarm.forEach((listener) => listener({ name })), restart: () => onStartup.forEach((l) => l()) };
}

let db: TonoDatabase;
let name: string;
let stats: StatsRepo;

const event = (id: string, submittedAt: number): ReplyEventInput => ({
  id, platform: 'x', account: null, threadHash: null, commentAt: null, commentPrecision: 'unknown',
  firstFocusAt: null, submittedAt, templateId: null,
});

beforeEach(async () => {
  vi.useFakeTimers({ toFake: ['Date'] });
  vi.setSystemTime(START);
  name = `tono-upkeep-test-${crypto.randomUUID()}`;
  db = new TonoDatabase(name);
  await db.open();
  stats = new StatsRepo(db);
  await stats.saveConfig({ ...defaultStatsConfig(), timeZone: 'UTC', retentionMonths: 2 });
});

afterEach(async () => {
  vi.useRealTimers();
  db.close();
  await Dexie.delete(name);
});

const ids = async () => (await db.replyEvents.toCollection().primaryKeys()).sort();
/** Lets the alarm listener's IndexedDB work finish (it is fire-and-forget, as in the worker). */
const settle = () => vi.waitFor(async () => expect(await db.settings.get('upkeepRanAt')).toBeDefined());

describe('stats upkeep on an alarm', () => {
  it('a worker start only makes sure the daily alarm exists: no scan, no pruning', async () => {
    await stats.events.record(event('old', START - 90 * DAY));
    await db.statRollups.clear(); // rollups that no longer add up to the events
    const browser = fakeBrowser();
    await registerStatsUpkeep(db, browser.api);
    expect(browser.alarms.get(STATS_UPKEEP_ALARM)).toEqual({ delayInMinutes: 1, periodInMinutes: 1440 });
    expect(await ids()).toEqual(['old']);
    expect(await db.statRollups.count()).toBe(0);
    expect(await db.settings.get('upkeepRanAt')).toBeUndefined();
  });

  it('the alarm prunes past the retention and rebuilds rollups that do not add up', async () => {
    await stats.events.record(event('old', START - 90 * DAY));
    await stats.events.record(event('new', START - DAY));
    await db.statRollups.clear();
    const browser = fakeBrowser();
    await registerStatsUpkeep(db, browser.api);
    browser.fire(STATS_UPKEEP_ALARM);
    await settle();
    expect(await ids()).toEqual(['new']);
    expect(await stats.ensureConsistent()).toBe('ok');
    expect((await db.settings.get('upkeepRanAt'))?.value).toBe(START);
  });

  it('runs at most once per gap, however often alarms and starts come; then again after it', async () => {
    const browser = fakeBrowser();
    await registerStatsUpkeep(db, browser.api);
    browser.fire(STATS_UPKEEP_ALARM);
    await settle();
    // An event that falls out of the retention right after the first run.
    await stats.events.record(event('edge', START - 62 * DAY));
    vi.setSystemTime(START + UPKEEP_MIN_GAP_MS - 1);
    browser.fire(STATS_UPKEEP_ALARM);
    browser.fire('tono-pack-sync'); // another feature's alarm does nothing here
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect(await ids()).toEqual(['edge']);
    expect((await db.settings.get('upkeepRanAt'))?.value).toBe(START);

    vi.setSystemTime(START + UPKEEP_MIN_GAP_MS + 1);
    browser.fire(STATS_UPKEEP_ALARM);
    await vi.waitFor(async () => expect(await ids()).toEqual([]));
    await vi.waitFor(async () => expect((await db.settings.get('upkeepRanAt'))?.value).toBe(START + UPKEEP_MIN_GAP_MS + 1));
  });

  it('a clock set back past the last run does not block the upkeep', async () => {
    await db.settings.put({ key: 'upkeepRanAt', value: START + 30 * DAY });
    await stats.events.record(event('old', START - 90 * DAY));
    const browser = fakeBrowser();
    await registerStatsUpkeep(db, browser.api);
    browser.fire(STATS_UPKEEP_ALARM);
    await vi.waitFor(async () => expect(await ids()).toEqual([]));
  });

  it('a browser start recreates the alarm when the browser dropped it, and keeps an existing one', async () => {
    const browser = fakeBrowser();
    await registerStatsUpkeep(db, browser.api);
    browser.alarms.clear();
    browser.restart();
    await vi.waitFor(() => expect(browser.alarms.has(STATS_UPKEEP_ALARM)).toBe(true));
    const existing = { delayInMinutes: 99, periodInMinutes: 1440 };
    browser.alarms.set(STATS_UPKEEP_ALARM, existing);
    browser.restart();
    await new Promise((resolve) => setTimeout(resolve, 10));
    expect(browser.alarms.get(STATS_UPKEEP_ALARM)).toBe(existing); // not pushed back by a restart
  });
});

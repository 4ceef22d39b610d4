import { afterEach, describe, expect, it, vi } from 'vitest';
import { businessMs, type BusinessCalendar, type OpenInterval } from '../../src/shared/domain/stats/business-hours';
import { calendarOf, defaultStatsConfig, defaultTimeZone, normalizeStatsConfig } from '../../src/shared/domain/stats/config';
import { CLOCK_SKEW_TOLERANCE_MS, deriveTimes, MAX_DURATION_SECONDS } from '../../src/shared/domain/stats/event-times';
import { dayKeyOf, localToInstant, weekStartOf, zoneOffsetMs } from '../../src/shared/domain/stats/zone';

const H = 3_600_000;
const M = 60_000;
const nineToSix: OpenInterval[] = [{ start: 540, end: 1080 }];
const weekdays = (zone: string, holidays: string[] = []): BusinessCalendar => ({
  timeZone: zone,
  week: [[], nineToSix, nineToSix, nineToSix, nineToSix, nineToSix, []],
  holidays: new Set(holidays),
});
const allDay = (zone: string): BusinessCalendar => ({
  timeZone: zone,
  week: Array.from({ length: 7 }, () => [{ start: 0, end: 1440 }]),
  holidays: new Set(),
});
/** An instant from a local wall time, through the code under test's own conversion. */
const at = (zone: string, y: number, mo: number, d: number, h: number, mi = 0) =>
  localToInstant(zone, { year: y, month: mo, day: d }, h * 60 + mi);

describe('time zones with Intl', () => {
  it('finds Madrid offsets on both sides of DST', () => {
    expect(zoneOffsetMs('Europe/Madrid', Date.UTC(2025, 0, 15))).toBe(1 * H);
    expect(zoneOffsetMs('Europe/Madrid', Date.UTC(2025, 6, 15))).toBe(2 * H);
    expect(at('Europe/Madrid', 2025, 3, 30, 1)).toBe(Date.UTC(2025, 2, 30, 0));
    expect(at('Europe/Madrid', 2025, 3, 30, 3)).toBe(Date.UTC(2025, 2, 30, 1));
  });

  it('knows Mexico City dropped DST after 2022', () => {
    expect(zoneOffsetMs('America/Mexico_City', Date.UTC(2022, 6, 1))).toBe(-5 * H);
    expect(zoneOffsetMs('America/Mexico_City', Date.UTC(2023, 6, 1))).toBe(-6 * H);
  });

  it('gives the local day and the Monday of its week', () => {
    // 23:30 UTC on Sunday 2025-03-02 is already Monday in Madrid.
    expect(dayKeyOf('Europe/Madrid', Date.UTC(2025, 2, 2, 23, 30))).toBe('2025-03-03');
    expect(dayKeyOf('America/Mexico_City', Date.UTC(2025, 2, 3, 3))).toBe('2025-03-02');
    expect(weekStartOf('2025-03-09')).toBe('2025-03-03');
    expect(weekStartOf('2025-03-03')).toBe('2025-03-03');
  });
});

describe('business hours', () => {
  const madrid = weekdays('Europe/Madrid');

  it('counts only open hours within one day', () => {
    expect(businessMs(at('Europe/Madrid', 2025, 3, 4, 8), at('Europe/Madrid', 2025, 3, 4, 10), madrid)).toBe(1 * H);
    expect(businessMs(at('Europe/Madrid', 2025, 3, 4, 19), at('Europe/Madrid', 2025, 3, 4, 23), madrid)).toBe(0);
  });

  it('spans the night: Tuesday 17:30 → Wednesday 09:30 is one hour', () => {
    expect(businessMs(at('Europe/Madrid', 2025, 3, 4, 17, 30), at('Europe/Madrid', 2025, 3, 5, 9, 30), madrid)).toBe(1 * H);
  });

  it('skips the weekend: Friday 17:00 → Monday 10:00 is two hours', () => {
    expect(businessMs(at('Europe/Madrid', 2025, 3, 7, 17), at('Europe/Madrid', 2025, 3, 10, 10), madrid)).toBe(2 * H);
    expect(businessMs(at('Europe/Madrid', 2025, 3, 8, 10), at('Europe/Madrid', 2025, 3, 9, 20), madrid)).toBe(0);
  });

  it('skips holidays in local dates', () => {
    const withHoliday = weekdays('Europe/Madrid', ['2025-03-10']);
    expect(businessMs(at('Europe/Madrid', 2025, 3, 7, 17), at('Europe/Madrid', 2025, 3, 11, 10), withHoliday)).toBe(2 * H);
  });

  it('a full week of 9–18 weekdays is 45 hours', () => {
    expect(businessMs(at('Europe/Madrid', 2025, 3, 3, 0), at('Europe/Madrid', 2025, 3, 10, 0), madrid)).toBe(45 * H);
  });

  it('Madrid spring forward: the Sunday of 2025-03-30 lasts 23 hours, fall back 2025-10-26 lasts 25', () => {
    const zone = allDay('Europe/Madrid');
    expect(businessMs(at('Europe/Madrid', 2025, 3, 29, 0), at('Europe/Madrid', 2025, 3, 31, 0), zone)).toBe(47 * H);
    expect(businessMs(at('Europe/Madrid', 2025, 10, 25, 0), at('Europe/Madrid', 2025, 10, 27, 0), zone)).toBe(49 * H);
    // Open 00:00–06:00 on the spring-forward Sunday: six wall-clock hours, five real ones.
    const night: BusinessCalendar = { timeZone: 'Europe/Madrid', week: [[{ start: 0, end: 360 }], [], [], [], [], [], []], holidays: new Set() };
    expect(businessMs(Date.UTC(2025, 2, 29, 12), Date.UTC(2025, 2, 31, 12), night)).toBe(5 * H);
  });

  it('Mexico City: 2022-04-03 still had a 23-hour day, 2023-04-02 did not', () => {
    const zone = allDay('America/Mexico_City');
    expect(businessMs(at('America/Mexico_City', 2022, 4, 3, 0), at('America/Mexico_City', 2022, 4, 4, 0), zone)).toBe(23 * H);
    expect(businessMs(at('America/Mexico_City', 2023, 4, 2, 0), at('America/Mexico_City', 2023, 4, 3, 0), zone)).toBe(24 * H);
    // 9–18 across the 2022 change: Friday 17:00 → Monday 10:00 is two business hours either way.
    const mx = weekdays('America/Mexico_City');
    expect(businessMs(at('America/Mexico_City', 2022, 4, 1, 17), at('America/Mexico_City', 2022, 4, 4, 10), mx)).toBe(2 * H);
  });

  it('keeps 9–18 at 9–18 local on both sides of the Madrid change (UTC instants shift by an hour)', () => {
    expect(businessMs(Date.UTC(2025, 2, 28, 8), Date.UTC(2025, 2, 28, 17), madrid)).toBe(9 * H); // CET: 09–18 = 08–17Z
    expect(businessMs(Date.UTC(2025, 2, 31, 7), Date.UTC(2025, 2, 31, 16), madrid)).toBe(9 * H); // CEST: 07–16Z
  });
});

describe('deriveTimes: bad input is decided explicitly', () => {
  const calendar = calendarOf({ ...defaultStatsConfig(), timeZone: 'Europe/Madrid' });
  const submit = Date.UTC(2025, 2, 4, 10); // Tuesday 11:00 in Madrid
  const base = { commentPrecision: 'exact' as const, firstFocusAt: submit - 5 * M, submittedAt: submit };

  it('computes wall-clock and business durations', () => {
    expect(deriveTimes({ ...base, commentAt: submit - 3 * H }, calendar)).toEqual({
      commentAt: submit - 3 * H,
      commentPrecision: 'exact',
      responseSeconds: 3 * 3600,
      businessResponseSeconds: 2 * 3600,
      handleSeconds: 300,
      businessHandleSeconds: 300,
    });
  });

  it('treats a comment slightly in the future as clock skew (0), further as unknown', () => {
    expect(deriveTimes({ ...base, commentAt: submit + CLOCK_SKEW_TOLERANCE_MS }, calendar).responseSeconds).toBe(0);
    expect(deriveTimes({ ...base, commentAt: submit + CLOCK_SKEW_TOLERANCE_MS }, calendar).businessResponseSeconds).toBe(0);
    const ahead = deriveTimes({ ...base, commentAt: submit + CLOCK_SKEW_TOLERANCE_MS + 1 }, calendar);
    expect(ahead).toMatchObject({ responseSeconds: null, businessResponseSeconds: null, commentAt: submit + CLOCK_SKEW_TOLERANCE_MS + 1 });
  });

  it('gives no response time for a missing or unparsable comment time, and marks its precision unknown', () => {
    for (const commentAt of [null, Number.NaN, Number.POSITIVE_INFINITY]) {
      expect(deriveTimes({ ...base, commentAt }, calendar)).toMatchObject({
        commentAt: null,
        commentPrecision: 'unknown',
        responseSeconds: null,
        businessResponseSeconds: null,
        handleSeconds: 300,
      });
    }
  });

  it('rounds to the nearest second and gives no handling time for a first focus after the submit', () => {
    expect(deriveTimes({ ...base, commentAt: submit - 1499, firstFocusAt: submit - 1500 }, calendar)).toMatchObject({ responseSeconds: 1, handleSeconds: 2 });
    expect(deriveTimes({ ...base, commentAt: submit, firstFocusAt: submit }, calendar)).toMatchObject({ responseSeconds: 0, handleSeconds: 0 });
    expect(deriveTimes({ ...base, commentAt: submit - 1000, firstFocusAt: submit + 1 }, calendar)).toMatchObject({ responseSeconds: 1, handleSeconds: null });
  });

  it('rejects durations above a year as absurd, keeps one just under', () => {
    const limit = MAX_DURATION_SECONDS * 1000;
    expect(deriveTimes({ ...base, commentAt: submit - limit }, calendar).responseSeconds).toBe(MAX_DURATION_SECONDS);
    expect(deriveTimes({ ...base, commentAt: submit - limit - 1000 }, calendar).responseSeconds).toBeNull();
    expect(deriveTimes({ ...base, commentAt: 0 }, calendar).businessResponseSeconds).toBeNull();
  });

  it('gives no handling time when the focus is after the submit', () => {
    expect(deriveTimes({ ...base, commentAt: null, firstFocusAt: submit + 1 }, calendar).handleSeconds).toBeNull();
  });

  it('gives null business values when no hours are set', () => {
    const closed = calendarOf({ ...defaultStatsConfig(), week: [[], [], [], [], [], [], []] });
    expect(closed).toBeNull();
    expect(deriveTimes({ ...base, commentAt: submit - H }, closed)).toMatchObject({ responseSeconds: 3600, businessResponseSeconds: null });
  });
});

describe('normalizeStatsConfig', () => {
  it('falls back to defaults for malformed values and keeps valid ones', () => {
    const config = normalizeStatsConfig({
      timeZone: 'Mars/Olympus',
      week: [[], [{ start: 600, end: 500 }], [{ start: 480, end: 1500 }], [{ start: 480, end: 960 }], [], [], []],
      holidays: ['2025-12-25', 'not a date', '2025-02-30', '2025-01-01'],
      targetSeconds: -5,
      platformTargets: { x: 900, tiktok: 'soon', nowhere: 5 },
      retentionMonths: 6,
    });
    expect(config.timeZone).toBe(defaultStatsConfig().timeZone);
    expect(config.week[1]).toEqual([]);
    expect(config.week[2]).toEqual([]);
    expect(config.week[3]).toEqual([{ start: 480, end: 960 }]);
    expect(config.holidays).toEqual(['2025-01-01', '2025-12-25']);
    expect(config.targetSeconds).toBe(3600);
    expect(config.platformTargets).toEqual({ x: 900 });
    expect(config.retentionMonths).toBe(6);
  });
});

describe('defaultTimeZone', () => {
  const RealFormat = Intl.DateTimeFormat;
  let made = 0;
  /** Puts a counting DateTimeFormat in place; `zone` replaces what the system answers. */
  function countFormats(zone?: string) {
    made = 0;
    class Counting extends RealFormat {
      constructor(...args: ConstructorParameters<typeof Intl.DateTimeFormat>) {
        super(...args);
        made++;
      }
      override resolvedOptions() {
        const options = super.resolvedOptions();
        return zone ? { ...options, timeZone: zone } : options;
      }
    }
    Intl.DateTimeFormat = Counting as typeof Intl.DateTimeFormat;
  }
  afterEach(() => {
    Intl.DateTimeFormat = RealFormat;
    vi.restoreAllMocks();
  });

  it('asks the system once a minute, and again as soon as the UTC offset changes', () => {
    const system = new RealFormat().resolvedOptions().timeZone;
    countFormats();
    // Far from any earlier call, so nothing cached can answer.
    const t = Date.UTC(2031, 0, 1);
    expect(defaultTimeZone(t)).toBe(system);
    const first = made;
    expect(first).toBeGreaterThan(0);
    expect(defaultTimeZone(t + 30_000)).toBe(system);
    expect(made).toBe(first);
    expect(defaultTimeZone(t + 61_000)).toBe(system);
    expect(made).toBeGreaterThan(first);
    const second = made;
    const offset = new Date(t).getTimezoneOffset();
    vi.spyOn(Date.prototype, 'getTimezoneOffset').mockReturnValue(offset + 60);
    expect(defaultTimeZone(t + 62_000)).toBe(system);
    expect(made).toBeGreaterThan(second);
  });

  it('falls back to UTC when the system names a zone the runtime does not know', () => {
    countFormats('Mars/Olympus');
    expect(defaultTimeZone(Date.UTC(2032, 0, 1))).toBe('UTC');
  });
});

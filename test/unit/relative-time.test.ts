import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parseRelativeTime } from '../../src/shared/domain/relative-time';

const NOW = Date.UTC(2026, 10, 23, 12, 0, 0);
const S = 1000;
const MIN = 60 * S;
const H = 60 * MIN;
const D = 24 * H;

describe('parseRelativeTime', () => {
  // [label, count, unit]: the site floors the age, so the comment is count..count+1 units old.
  it.each<[string, number, number]>([
    ['2 h', 2, H],
    ['2h', 2, H],
    ['5m', 5, MIN],
    ['5 min', 5, MIN],
    ['3d', 3, D],
    ['3 d', 3, D],
    ['1 sem', 1, 7 * D],
    ['2w', 2, 7 * D],
    ['3mo', 3, 30 * D],
    ['1 a', 1, 365 * D],
    ['1y', 1, 365 * D],
    ['10 s', 10, S],
    ['hace 3 días', 3, D],
    ['hace 3 dias', 3, D],
    ['Hace 5 min', 5, MIN],
    ['hace 2 horas', 2, H],
    ['hace una hora', 1, H],
    ['hace 1 año', 1, 365 * D],
    ['hace 2 semanas', 2, 7 * D],
    ['hace 4 meses', 4, 30 * D],
    ['hace 2 horas (editado)', 2, H],
    ['2 hours ago', 2, H],
    ['2 hrs ago', 2, H],
    ['an hour ago', 1, H],
    ['a day ago', 1, D],
    ['3 weeks ago (edited)', 3, 7 * D],
    ['2h ago', 2, H],
    ['2h • Edited', 2, H],
    ['  4   h  ', 4, H],
    ['1 yr', 1, 365 * D],
  ])('%s', (label, count, unit) => {
    expect(parseRelativeTime(label, NOW)).toEqual({ at: NOW - (count + 0.5) * unit, precision: 'approximate', windowMs: unit });
  });

  it.each(['Just now', 'now', 'ahora', 'Ahora mismo', 'justo ahora', 'hace un momento', 'a few seconds ago'])(
    '%s is within the last minute',
    (label) => {
      expect(parseRelativeTime(label, NOW)).toEqual({ at: NOW - 30 * S, precision: 'approximate', windowMs: MIN });
    },
  );

  it.each(['ayer', 'Ayer', 'Yesterday', 'Yesterday at 3:15 PM', 'ayer a las 15:15'])('%s is the previous local day', (label) => {
    const today = new Date(NOW);
    today.setHours(0, 0, 0, 0);
    const yesterday = new Date(today.getTime() - H);
    yesterday.setHours(0, 0, 0, 0);
    const result = parseRelativeTime(label, NOW)!;
    expect(result.at - result.windowMs / 2).toBe(yesterday.getTime());
    expect(result.at + result.windowMs / 2).toBe(today.getTime());
  });

  it.each(['', '2', 'hello', 'hace', 'Edited', '2 lightyears', 'constructor', '2 constructor', '12:30', '20 nov 2024', 'Reply', 'x'.repeat(200)])(
    'reads %j as nothing',
    (label) => {
      expect(parseRelativeTime(label, NOW)).toBeNull();
    },
  );

  it('never answers a time after now, and never throws', () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 40 }), (label) => {
        const result = parseRelativeTime(label, NOW);
        if (result) expect(result.at + result.windowMs / 2).toBeLessThanOrEqual(NOW);
      }),
    );
  });
});

import { describe, expect, it } from 'vitest';
import { computeResponseTimes, formatDuration } from '../../src/shared/domain/response-time';

const T = Date.UTC(2025, 0, 15, 12, 0, 0);

describe('computeResponseTimes', () => {
  it('computes response (submit − comment) and handling (submit − first focus) in seconds', () => {
    expect(computeResponseTimes({ commentAt: T - 600_000, firstFocusAt: T - 45_000, submittedAt: T })).toEqual({
      responseSeconds: 600,
      handleSeconds: 45,
    });
  });

  it('gives null response time when the comment time is missing', () => {
    expect(computeResponseTimes({ commentAt: null, firstFocusAt: T - 1000, submittedAt: T })).toEqual({
      responseSeconds: null,
      handleSeconds: 1,
    });
  });

  it('gives null handling time when there was no focus', () => {
    expect(computeResponseTimes({ commentAt: T - 1000, firstFocusAt: null, submittedAt: T })).toEqual({
      responseSeconds: 1,
      handleSeconds: null,
    });
  });

  it('gives null, never a negative number, when the comment time is after the submit', () => {
    const result = computeResponseTimes({ commentAt: T + 1, firstFocusAt: T - 1000, submittedAt: T });
    expect(result.responseSeconds).toBeNull();
    expect(result.handleSeconds).toBe(1);
  });

  it('gives null handling time when the first focus is after the submit', () => {
    expect(computeResponseTimes({ commentAt: null, firstFocusAt: T + 5000, submittedAt: T }).handleSeconds).toBeNull();
  });

  it('gives 0 when the times are equal', () => {
    expect(computeResponseTimes({ commentAt: T, firstFocusAt: T, submittedAt: T })).toEqual({
      responseSeconds: 0,
      handleSeconds: 0,
    });
  });

  it('rounds to the nearest second', () => {
    const at = (ms: number) => computeResponseTimes({ commentAt: T - ms, firstFocusAt: T - ms, submittedAt: T });
    expect(at(1499).responseSeconds).toBe(1);
    expect(at(1500).responseSeconds).toBe(2);
    expect(at(499).handleSeconds).toBe(0);
    expect(at(59_600).handleSeconds).toBe(60);
  });

  it('accepts a comment time of 0 (the epoch) as a real time, not as missing', () => {
    expect(computeResponseTimes({ commentAt: 0, firstFocusAt: 0, submittedAt: 10_000 })).toEqual({
      responseSeconds: 10,
      handleSeconds: 10,
    });
  });
});

describe('formatDuration', () => {
  it.each([
    [0, '0 s'],
    [1, '1 s'],
    [59, '59 s'],
    [60, '1 min'],
    [119, '1 min'],
    [3599, '59 min'],
    [3600, '1 h'],
    [3660, '1 h 1 min'],
    [2 * 3600 + 5 * 60 + 59, '2 h 5 min'],
    [86_399, '23 h 59 min'],
    [86_400, '1 d'],
    [90_000, '1 d 1 h'],
    [2 * 86_400 + 4 * 3600 + 30 * 60, '2 d 4 h'],
    [86_400 + 59 * 60, '1 d'],
    [30 * 86_400, '30 d'],
  ])('%i s → %s', (seconds, expected) => {
    expect(formatDuration(seconds)).toBe(expected);
  });
});

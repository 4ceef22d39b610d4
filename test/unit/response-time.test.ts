import { describe, expect, it } from 'vitest';
import { formatDuration } from '../../src/shared/domain/response-time';

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

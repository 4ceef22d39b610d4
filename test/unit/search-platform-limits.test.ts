import { describe, expect, it } from 'vitest';
import { checkLengths, PLATFORM_LIMITS, replyLength } from '../../src/shared/domain/platform-limits';

describe('platform limits', () => {
  it('knows the comment limits of every platform', () => {
    expect(PLATFORM_LIMITS).toMatchObject({ x: 280, threads: 500, bluesky: 300, mastodon: 500, instagram: 2200, tiktok: 150, youtube: 10_000, facebook: 8000, linkedin: 1250, reddit: 10_000 });
  });

  it('counts an emoji or an accented letter once', () => {
    expect(replyLength('¡Hola! 👋🏽')).toBe(8);
    expect(replyLength('devolución')).toBe(10);
    expect(replyLength('devolucio\u0301n')).toBe(10);
  });

  it('checks only the chosen platforms, or all of them', () => {
    const text = 'a'.repeat(200);
    expect(checkLengths(text, ['x', 'tiktok'])).toEqual([
      { platform: 'x', length: 200, limit: 280, over: false },
      { platform: 'tiktok', length: 200, limit: 150, over: true },
    ]);
    expect(checkLengths(text, [])).toHaveLength(Object.keys(PLATFORM_LIMITS).length);
    expect(checkLengths('a'.repeat(281), ['x'])[0]!.over).toBe(true);
    expect(checkLengths('a'.repeat(280), ['x'])[0]!.over).toBe(false);
  });
});

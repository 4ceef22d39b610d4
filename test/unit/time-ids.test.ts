import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { blueskyTidTime, linkedinIdTime, mastodonIdTime, snowflakeTime } from '../../src/shared/domain/time-ids';

const X_EPOCH = 1_288_834_974_657n;
/** Any ms time between 2017 and 2090, when all four id schemes were in use. */
const anyTime = fc.integer({ min: Date.UTC(2017, 0, 1), max: Date.UTC(2090, 0, 1) });

/** Independent encoders, written from each scheme's description, to check the decoders against. */
const encodeSnowflake = (ms: number, seq: number) => String(((BigInt(ms) - X_EPOCH) << 22n) | BigInt(seq));
const encodeLinkedin = (ms: number, rest: number) => String((BigInt(ms) << 22n) | BigInt(rest));
const encodeMastodon = (ms: number, seq: number) => String((BigInt(ms) << 16n) | BigInt(seq));
function encodeTid(micros: bigint, clock: number): string {
  const alphabet = '234567abcdefghijklmnopqrstuvwxyz';
  let value = (micros << 10n) | BigInt(clock);
  let out = '';
  for (let i = 0; i < 13; i++) {
    out = alphabet[Number(value & 31n)]! + out;
    value >>= 5n;
  }
  return out;
}

describe('time from ids', () => {
  it('decodes X snowflakes', () => {
    fc.assert(fc.property(anyTime, fc.integer({ min: 0, max: 4_194_303 }), (ms, seq) => {
      expect(snowflakeTime(encodeSnowflake(ms, seq))).toBe(ms);
    }));
    // A documented pair: the first id of X's epoch millisecond + 1 day.
    expect(snowflakeTime(String(86_400_000n << 22n))).toBe(Number(X_EPOCH) + 86_400_000);
  });

  it('decodes LinkedIn ids', () => {
    fc.assert(fc.property(anyTime, fc.integer({ min: 0, max: 4_194_303 }), (ms, rest) => {
      expect(linkedinIdTime(encodeLinkedin(ms, rest))).toBe(ms);
    }));
  });

  it('decodes Mastodon ids', () => {
    fc.assert(fc.property(anyTime, fc.integer({ min: 0, max: 65_535 }), (ms, seq) => {
      expect(mastodonIdTime(encodeMastodon(ms, seq))).toBe(ms);
    }));
  });

  it('decodes Bluesky TIDs (microseconds, truncated to ms)', () => {
    fc.assert(fc.property(anyTime, fc.integer({ min: 0, max: 999 }), fc.integer({ min: 0, max: 1023 }), (ms, micros, clock) => {
      expect(blueskyTidTime(encodeTid(BigInt(ms) * 1000n + BigInt(micros), clock))).toBe(ms);
    }));
  });

  it.each([
    ['not digits', 'abc'],
    ['empty', ''],
    ['too long', '1'.repeat(21)],
    ['a pre-snowflake sequential id', '20'],
    ['negative', '-5'],
  ])('rejects %s', (_, id) => {
    expect(snowflakeTime(id)).toBeNull();
    expect(linkedinIdTime(id)).toBeNull();
    expect(mastodonIdTime(id)).toBeNull();
  });

  it('rejects what is not a TID', () => {
    for (const bad of ['', '3kabc', 'zzzzzzzzzzzzz', '3KFQ2ABCDE22K', '3kfq2abcde22k1', '3kfq2abcde22!']) {
      expect(blueskyTidTime(bad)).toBeNull();
    }
  });
});

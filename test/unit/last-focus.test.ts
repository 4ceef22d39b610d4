import { beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeStorageArea } from './fake-storage';

const session = fakeStorageArea();
vi.mock('../../src/shared/browser', () => ({ browser: { storage: { session } } }));

const { lastFocus } = await import('../../src/background/last-focus');
type FocusRecord = import('../../src/background/last-focus').FocusRecord;

const record = (tabId: number, focusedAt: number): FocusRecord => ({
  tabId,
  frameId: 0,
  url: `https://x.com/tab/${tabId}`,
  context: { authorName: `Author ${tabId}`, commentAt: null, commentPrecision: 'unknown', commentText: 'secret order 4471' },
  focusedAt,
});

beforeEach(async () => {
  await session.clear();
});

describe('last focus per tab, in storage.session', () => {
  it('keeps both records when two tabs report a focus at the same moment', async () => {
    await Promise.all([lastFocus.remember(record(1, 10)), lastFocus.remember(record(2, 20))]);
    expect(await lastFocus.find(1)).toEqual(record(1, 10));
    expect(await lastFocus.find(2)).toEqual(record(2, 20));
  });

  it('keeps every record under a burst of focuses and closes from many tabs', async () => {
    await Promise.all(Array.from({ length: 20 }, (_, tab) => lastFocus.remember(record(tab, tab))));
    await Promise.all([lastFocus.forget(3), lastFocus.remember(record(30, 30)), lastFocus.forget(5), lastFocus.remember(record(31, 31))]);
    const kept = await Promise.all(Array.from({ length: 32 }, (_, tab) => lastFocus.find(tab)));
    expect(kept.flatMap((found) => (found ? [found.tabId] : []))).toEqual([0, 1, 2, 4, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15, 16, 17, 18, 19, 30, 31]);
  });

  it('finds the newest focus in any tab when no tab is given', async () => {
    await lastFocus.remember(record(1, 10));
    await lastFocus.remember(record(2, 30));
    await lastFocus.remember(record(3, 20));
    expect((await lastFocus.find(null))?.tabId).toBe(2);
    await lastFocus.forget(2);
    expect((await lastFocus.find(null))?.tabId).toBe(3);
  });

  it('forgetAll leaves no focus record, whatever the tab, and no record of an earlier version', async () => {
    await session.set({ lastFocus: { '9': record(9, 9) } });
    await lastFocus.remember(record(1, 10));
    await lastFocus.remember(record(2, 20));
    await lastFocus.forgetAll();
    expect(session.dump()).toEqual({});
    expect(await lastFocus.find(null)).toBeUndefined();
  });
});

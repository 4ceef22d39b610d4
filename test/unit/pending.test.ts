import { describe, expect, it } from 'vitest';
import { createContentHandlers } from '../../src/background/handlers/content';
import { TonoDatabase } from '../../src/shared/db/database';
import { ANSWERED_KEY, PendingRepo } from '../../src/shared/db/repos/pending';
import { ReplyEventsRepo } from '../../src/shared/db/repos/reply-events';
import { MAX_PENDING, addPending, threadKey, type PendingReply } from '../../src/shared/domain/pending';

const sender = { tabId: 4, frameId: 0, url: 'https://www.instagram.com/p/abc/' };
const context = {
  authorName: 'Ana Pérez',
  handle: '@ana.perez',
  commentAt: 1_700_000_000_000,
  commentPrecision: 'exact' as const,
  permalink: 'https://www.instagram.com/p/abc/c/1',
};

describe('waiting list of comments opened but not answered', () => {
  it('identifies a comment by its link, else by who wrote it and when, else not at all', () => {
    expect(threadKey(context)).toBe('link:https://www.instagram.com/p/abc/c/1');
    expect(threadKey({ ...context, permalink: undefined })).toBe('who:@ana.perez|1700000000000');
    expect(threadKey({ commentAt: null, authorName: 'Ana' })).toBeNull();
  });

  it('keeps the first sighting, newest first, and caps the list', () => {
    const item = (i: number): PendingReply => ({ key: `k${i}`, platform: 'x', commentAt: null, openedAt: i });
    let list: PendingReply[] = [];
    for (let i = 0; i < MAX_PENDING + 5; i++) list = addPending(list, item(i));
    expect(list).toHaveLength(MAX_PENDING);
    expect(list[0]!.key).toBe(`k${MAX_PENDING + 4}`);
    expect(addPending(list, { ...item(MAX_PENDING + 4), openedAt: 99 })[0]!.openedAt).toBe(MAX_PENDING + 4);
  });

  it('is filled on focus and emptied by a confirmed reply; deleting all data clears it', async () => {
    const db = new TonoDatabase(`pending-${Math.random()}`);
    const handlers = createContentHandlers(db, { remember: async () => undefined });
    const pending = new PendingRepo(db);
    await handlers.boxFocused({ context, focusedAt: 1_700_000_060_000 }, sender);
    await handlers.boxFocused({ context, focusedAt: 1_700_000_090_000 }, sender);
    expect(await pending.list()).toEqual([
      expect.objectContaining({ platform: 'instagram', handle: '@ana.perez', openedAt: 1_700_000_060_000 }),
    ]);
    await handlers.replySubmitted(
      { eventId: crypto.randomUUID(), context, firstFocusAt: 1_700_000_060_000, submittedAt: 1_700_000_120_000, templateId: null },
      sender,
    );
    expect(await pending.list()).toEqual([]);

    await handlers.boxFocused({ context: { ...context, permalink: `${context.permalink}2` }, focusedAt: 1_700_000_200_000 }, sender);
    expect(await pending.list()).toHaveLength(1);
    await new ReplyEventsRepo(db).deleteAll();
    expect(await pending.list()).toEqual([]);
    expect(await db.settings.get(ANSWERED_KEY)).toBeUndefined();
    db.close();
  });

  it('does not put an answered comment back when its box is clicked into again, and stores no key of it', async () => {
    const db = new TonoDatabase(`pending-${Math.random()}`);
    const handlers = createContentHandlers(db, { remember: async () => undefined });
    const pending = new PendingRepo(db);
    await handlers.boxFocused({ context, focusedAt: 1_700_000_060_000 }, sender);
    await handlers.replySubmitted(
      { eventId: crypto.randomUUID(), context, firstFocusAt: 1_700_000_060_000, submittedAt: 1_700_000_120_000, templateId: null },
      sender,
    );
    await handlers.boxFocused({ context, focusedAt: 1_700_000_200_000 }, sender);
    expect(await pending.list()).toEqual([]);
    // Another comment by the same person still waits.
    const other = { ...context, permalink: 'https://www.instagram.com/p/abc/c/2' };
    await handlers.boxFocused({ context: other, focusedAt: 1_700_000_210_000 }, sender);
    expect((await pending.list()).map((item) => item.key)).toEqual([threadKey(other)]);
    const answered = JSON.stringify(await db.settings.get(ANSWERED_KEY));
    expect(answered).toMatch(/[0-9a-f]{32}/);
    for (const trace of ['instagram', 'abc', 'Ana', 'ana.perez']) expect(answered).not.toContain(trace);
    db.close();
  });

  it('remembers the last 500 answered comments: the oldest may wait again', async () => {
    const db = new TonoDatabase(`pending-${Math.random()}`);
    const pending = new PendingRepo(db);
    const item = (i: number): PendingReply => ({ key: `link:https://x.com/a/status/${i}`, platform: 'x', commentAt: null, openedAt: i });
    for (let i = 0; i < 501; i++) await pending.answered(item(i).key);
    expect(((await db.settings.get(ANSWERED_KEY))?.value as string[]).length).toBe(500);
    await pending.add(item(500));
    await pending.add(item(1));
    expect(await pending.list()).toEqual([]);
    await pending.add(item(0));
    expect((await pending.list()).map((entry) => entry.key)).toEqual([item(0).key]);
    db.close();
  });
});

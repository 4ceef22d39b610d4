import { beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeStorageArea } from './fake-storage';
import { makePack, snapshot } from './pack-helpers';
import { mockContentHandlers, mockPageHandlers } from './router-mocks';
import { personalDraft, useTestDatabase } from './test-db';

const session = fakeStorageArea();
vi.mock('../../src/shared/browser', () => ({ browser: { storage: { session } } }));

const { lastFocus } = await import('../../src/background/last-focus');
const { createContentHandlers } = await import('../../src/background/handlers/content');
const { createPrivacyHandlers } = await import('../../src/background/handlers/privacy');
const { createRouter } = await import('../../src/background/router');
const { PacksRepo } = await import('../../src/shared/db/repos/packs');
const { TemplatesRepo } = await import('../../src/shared/db/repos/templates');
const { SettingsRepo } = await import('../../src/shared/db/repos/settings');

const db = useTestDatabase('delete-all');
beforeEach(() => session.clear());
const sender = { tabId: 7, frameId: 0, url: 'https://x.com/marca/status/1' };
const PERMALINK = 'https://x.com/ana_perez/status/1790000000000000001';
const context = {
  authorName: 'Ana Pérez',
  handle: '@ana_perez',
  commentAt: 1_700_000_000_000,
  commentPrecision: 'exact' as const,
  permalink: PERMALINK,
  commentText: 'Mi pedido 4471 no ha llegado',
};
/** What the agent did and who they answered: none of it may be left anywhere. */
const TRACES = ['Ana Pérez', '@ana_perez', PERMALINK, 'pedido 4471'];
const options = { url: 'chrome-extension://tono/src/options/index.html' };

/** The agent's week: a pack followed, replies used (one a favourite), comments opened and answered. */
async function agentAtWork() {
  const templates = new TemplatesRepo(db());
  await new SettingsRepo(db()).set('agentName', 'Lucía');
  await templates.save(personalDraft({ id: 'mine', title: 'Gracias', body: 'Gracias', shortcut: 'gracias' }));
  await templates.save(personalDraft({ id: 'fav', title: 'Hola', body: 'Hola', shortcut: 'hola' }));
  await templates.setFavorite('fav', true);
  await new PacksRepo(db()).apply(makePack(), { sourceUrl: null });
  await templates.setFavorite('pack:team:a', true);

  const handlers = createContentHandlers(db(), lastFocus);
  await handlers.boxFocused({ context, focusedAt: 1_700_000_060_000 }, sender);
  await handlers.boxFocused({ context: { ...context, permalink: `${PERMALINK}9` }, focusedAt: 1_700_000_070_000 }, { ...sender, tabId: 8 });
  for (const id of ['mine', 'fav', 'pack:team:a', 'pack:team:b']) await templates.recordUse(id, 1_700_000_080_000);
  await handlers.replySubmitted(
    { eventId: crypto.randomUUID(), context, firstFocusAt: 1_700_000_060_000, submittedAt: 1_700_000_120_000, templateId: 'mine' },
    sender,
  );
}

describe('"Delete all my data"', () => {
  it('had something to delete in every place it must clear', async () => {
    await agentAtWork();
    const rows = await snapshot(db());
    expect(rows.replyEvents).toHaveLength(1);
    expect(rows.statRollups!.length).toBeGreaterThan(0);
    expect(rows.packItemState!.length).toBe(2);
    expect(JSON.stringify(rows)).toContain('@ana_perez');
    expect(JSON.stringify(session.dump())).toContain('pedido 4471');
    expect(rows.settings!.map((row) => (row as { key: string }).key)).toContain('answeredReplies');
  });

  it('leaves no reply, stat, use count, last use, waiting entry or focus record, in any table or storage area', async () => {
    await agentAtWork();
    await createPrivacyHandlers(db(), lastFocus).deleteAllData({}, options);

    const rows = await snapshot(db());
    // A new table must be audited here before this test passes again.
    expect(Object.keys(rows).sort()).toEqual(
      ['packChunks', 'packExports', 'packItemState', 'packSubscriptions', 'packs', 'replyEvents', 'settings', 'statRollups', 'templates'].sort(),
    );
    expect(rows.replyEvents).toEqual([]);
    expect(rows.statRollups).toEqual([]);
    expect(rows.settings!.map((row) => (row as { key: string }).key)).not.toContain('pendingReplies');
    // Which comments were answered, even hashed, goes too: the answered one may wait again.
    expect(rows.settings!.map((row) => (row as { key: string }).key)).not.toContain('answeredReplies');
    for (const template of rows.templates as Array<{ usageCount: number; lastUsedAt: number | null }>) {
      expect(template).toMatchObject({ usageCount: 0, lastUsedAt: null });
    }
    expect(rows.packItemState).toEqual([{ id: 'pack:team:a', usageCount: 0, lastUsedAt: null, favorite: true }]);
    const everything = JSON.stringify(rows) + JSON.stringify(session.dump());
    for (const trace of TRACES) expect(everything).not.toContain(trace);
    expect(everything).not.toContain('1700000080000');
    expect(session.dump()).toEqual({});
    await createContentHandlers(db(), lastFocus).boxFocused({ context, focusedAt: 1_700_000_300_000 }, sender);
    expect(((await db().settings.get('pendingReplies'))?.value as unknown[]).length).toBe(1);
  });

  it('keeps what the settings page says stays: the replies, favourites, the pack and settings', async () => {
    await agentAtWork();
    await createPrivacyHandlers(db(), lastFocus).deleteAllData({}, options);
    const templates = new TemplatesRepo(db());
    expect((await templates.get('mine'))?.body).toBe('Gracias');
    expect((await templates.get('fav'))?.favorite).toBe(true);
    expect((await templates.get('pack:team:a'))?.favorite).toBe(true);
    expect(await templates.get('pack:team:b')).toMatchObject({ usageCount: 0, lastUsedAt: null });
    expect(await db().packs.count()).toBe(1);
    expect(await new SettingsRepo(db()).get('agentName')).toBe('Lucía');
  });
});

describe('who may delete everything', () => {
  it('the settings page may; a content script (any web page) may not', async () => {
    const id = 'abcdefghijklmnopabcdefghijklmnop';
    const origin = `chrome-extension://${id}/`;
    const page = mockPageHandlers();
    const route = createRouter({ extensionId: id, extensionOrigin: origin, content: mockContentHandlers(), page });
    const fromPage = await route({ type: 'deleteAllData', payload: {} }, { id, url: 'https://x.com/marca', tab: { id: 3 }, frameId: 0 });
    expect(fromPage).toEqual({ ok: false, error: expect.stringContaining('not allowed') });
    expect(page.deleteAllData).not.toHaveBeenCalled();
    expect(await route({ type: 'deleteAllData', payload: { everything: true } }, { id, url: `${origin}src/options/index.html` })).toMatchObject({ ok: false });
    expect(await route({ type: 'deleteAllData', payload: {} }, { id, url: `${origin}src/options/index.html` })).toEqual({ ok: true, value: null });
    expect(page.deleteAllData).toHaveBeenCalledTimes(1);
  });
});

import Dexie from 'dexie';
import { createHash } from 'node:crypto';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { createContentHandlers } from '../../src/background/handlers/content';
import type { FocusRecord } from '../../src/background/last-focus';
import type { ContentHandlers, ContentSender } from '../../src/background/router';
import { TonoDatabase } from '../../src/shared/db/database';
import { SettingsRepo } from '../../src/shared/db/repos/settings';
import { DEFAULT_PREFS } from '../../src/shared/domain/keys';
import { StatsRepo } from '../../src/shared/db/repos/stats';
import { defaultStatsConfig } from '../../src/shared/domain/stats/config';
import { decodeRollup } from '../../src/shared/domain/stats/rollup-codec';
import { TemplatesRepo } from '../../src/shared/db/repos/templates';
import type { ReplyContext } from '../../src/shared/messages/protocol';

const EVENT_ID = '8f14e45f-ceea-4e7a-9b6c-6f1d7c3b2a10';
const PERMALINK = 'https://x.com/cliente/status/1790000000000000001';

let db: TonoDatabase;
let name: string;
let focusStore: { remember: ReturnType<typeof vi.fn<(record: FocusRecord) => Promise<void>>> };
let handlers: ReturnType<typeof createContentHandlers>;

const xSender: ContentSender = { tabId: 12, frameId: 0, url: 'https://x.com/marca/status/1' };

const context = (overrides: Partial<ReplyContext> = {}): ReplyContext => ({
  authorName: 'Ana Belén Ruiz',
  handle: '@anabelen',
  commentAt: 1_700_000_000_000,
  commentPrecision: 'exact',
  ...overrides,
});

beforeEach(async () => {
  name = `tono-handlers-test-${crypto.randomUUID()}`;
  db = new TonoDatabase(name);
  await db.open();
  focusStore = { remember: vi.fn(async () => undefined) };
  handlers = createContentHandlers(db, focusStore);
  await new TemplatesRepo(db).save({
    id: 'tpl-gracias',
    title: 'Gracias',
    body: 'Hola {{firstName|}}, gracias por escribirnos en {{platform}}.{{cursor}}\n{{agent|El equipo}}',
    shortcut: 'Gracias',
    tags: [],
    platforms: [],
    lang: 'es',
    source: 'personal',
  });
});

afterEach(async () => {
  db.close();
  await Dexie.delete(name);
});

describe('getShortcuts', () => {
  it('lists the stored shortcuts', async () => {
    expect(await handlers.getShortcuts({}, xSender)).toEqual({ shortcuts: ['gracias'], prefs: DEFAULT_PREFS });
  });
});

describe('expandShortcut', () => {
  it('renders the template with the author name and the platform of the sender URL', async () => {
    const result = await handlers.expandShortcut({ shortcut: 'gracias', context: context() }, xSender);
    expect(result).toEqual({
      templateId: 'tpl-gracias',
      text: 'Hola Ana, gracias por escribirnos en x.\nEl equipo',
      cursorOffset: 'Hola Ana, gracias por escribirnos en x.'.length,
    });
  });

  it('takes the platform from the sender, not from anything in the payload', async () => {
    const payload = { shortcut: 'gracias', context: { ...context(), platform: 'tiktok' }, platform: 'tiktok' };
    const result = await handlers.expandShortcut(payload as Parameters<ContentHandlers['expandShortcut']>[0], {
      ...xSender,
      url: 'https://www.reddit.com/r/x/comments/abc/',
    });
    expect(result?.text).toContain('escribirnos en reddit.');
    expect(result?.text).not.toContain('tiktok');
  });

  it('uses the agent name from settings', async () => {
    await new SettingsRepo(db).set('agentName', 'Lucía');
    const result = await handlers.expandShortcut({ shortcut: 'gracias', context: context() }, xSender);
    expect(result?.text.endsWith('\nLucía')).toBe(true);
  });

  it('falls back to defaults when the page gave no author', async () => {
    const result = await handlers.expandShortcut(
      { shortcut: 'gracias', context: { commentAt: null, commentPrecision: 'unknown' } },
      xSender,
    );
    expect(result?.text).toBe('Hola, gracias por escribirnos en x.\nEl equipo');
  });

  it('matches the shortcut regardless of case and accents', async () => {
    expect((await handlers.expandShortcut({ shortcut: 'GRACÍAS', context: context() }, xSender))?.templateId).toBe(
      'tpl-gracias',
    );
  });

  it('returns null for an unknown shortcut and records no use', async () => {
    expect(await handlers.expandShortcut({ shortcut: 'nope', context: context() }, xSender)).toBeNull();
    expect((await new TemplatesRepo(db).get('tpl-gracias'))?.usageCount).toBe(0);
  });

  it('increments usageCount on every expansion', async () => {
    await handlers.expandShortcut({ shortcut: 'gracias', context: context() }, xSender);
    await handlers.expandShortcut({ shortcut: 'gracias', context: context() }, xSender);
    // The answer does not wait for the count: both uses land shortly after, neither lost.
    await vi.waitFor(async () => {
      const stored = await new TemplatesRepo(db).get('tpl-gracias');
      expect(stored?.usageCount).toBe(2);
      expect(stored?.lastUsedAt).toEqual(expect.any(Number));
    });
  });

  it('inserts page-supplied names as plain text', async () => {
    const result = await handlers.expandShortcut(
      { shortcut: 'gracias', context: context({ authorName: '<b>Ana</b>{{agent}} Ruiz' }) },
      xSender,
    );
    expect(result?.text.startsWith('Hola <b>Ana</b>{{agent}}, gracias')).toBe(true);
  });
});

describe('replySubmitted', () => {
  const payload = (overrides: Partial<Parameters<ContentHandlers['replySubmitted']>[0]> = {}) => ({
    eventId: EVENT_ID,
    context: context({ account: '@marca', permalink: PERMALINK }),
    firstFocusAt: 1_700_000_540_000,
    submittedAt: 1_700_000_600_400,
    templateId: 'tpl-gracias',
    ...overrides,
  });

  it('stores the event with computed times and returns the response time', async () => {
    // 22:13 UTC on a Tuesday is 23:13 in Madrid: outside 9–18, so no business time elapsed.
    await new StatsRepo(db).saveConfig({ ...defaultStatsConfig(), timeZone: 'Europe/Madrid' });
    const reply = await handlers.replySubmitted(payload(), xSender);
    expect(reply).toEqual({ responseSeconds: 600 });
    expect(await db.replyEvents.get(EVENT_ID)).toEqual({
      id: EVENT_ID,
      platform: 'x',
      account: '@marca',
      threadHash: createHash('sha256').update(PERMALINK).digest('hex'),
      commentAt: 1_700_000_000_000,
      commentPrecision: 'exact',
      firstFocusAt: 1_700_000_540_000,
      submittedAt: 1_700_000_600_400,
      templateId: 'tpl-gracias',
      drift: null,
      responseSeconds: 600,
      handleSeconds: 60,
      businessResponseSeconds: 0,
      businessHandleSeconds: 0,
    });
  });

  it('counts business hours in the configured zone, and the rollup of that day', async () => {
    const stats = new StatsRepo(db);
    await stats.saveConfig({ ...defaultStatsConfig(), timeZone: 'America/Mexico_City' });
    // Comment 17:50, focus 18:00, reply 18:20 in Mexico City (UTC−6) on Tuesday 2023-11-14; hours end at 18:00.
    await handlers.replySubmitted(
      payload({
        context: context({ account: '@marca', commentAt: Date.UTC(2023, 10, 14, 23, 50) }),
        firstFocusAt: Date.UTC(2023, 10, 15, 0, 0),
        submittedAt: Date.UTC(2023, 10, 15, 0, 20),
      }),
      xSender,
    );
    expect(await db.replyEvents.get(EVENT_ID)).toMatchObject({
      responseSeconds: 30 * 60,
      businessResponseSeconds: 10 * 60,
      handleSeconds: 20 * 60,
      businessHandleSeconds: 0,
    });
    const rows = await stats.rows({ from: '2023-11-14', to: '2023-11-14' });
    expect(rows.map((row) => [row.kind, row.platform ?? row.account, row.count, row.withTemplate])).toEqual([
      ['p', 'x', 1, 1],
      ['a', '@marca', 1, 1],
    ]);
  });

  it('counts a repeated submit signal once in the stats', async () => {
    await handlers.replySubmitted(payload(), xSender);
    await handlers.replySubmitted(payload(), xSender);
    const rows = (await db.statRollups.toArray()).map(decodeRollup).filter((row) => row.kind === 'p');
    expect(rows.reduce((sum, row) => sum + row.count, 0)).toBe(1);
    expect(rows.reduce((sum, row) => sum + row.response.n, 0)).toBe(1);
  });

  it('stores a hash of the permalink and never the URL or comment text', async () => {
    await handlers.replySubmitted(payload(), xSender);
    const stored = await db.replyEvents.get(EVENT_ID);
    expect(stored?.threadHash).toMatch(/^[0-9a-f]{64}$/);
    const values = JSON.stringify(stored);
    expect(values).not.toContain(PERMALINK);
    expect(values).not.toContain('x.com/');
    expect(values).not.toContain('1790000000000000001');
    expect(values).not.toContain('Ana Belén');
    expect(values).not.toContain('@anabelen');
    expect(JSON.stringify(await db.replyEvents.toArray())).not.toContain('http');
  });

  it('stores null hash and null account when the page gave neither', async () => {
    await handlers.replySubmitted(payload({ context: context() }), xSender);
    expect(await db.replyEvents.get(EVENT_ID)).toMatchObject({ threadHash: null, account: null });
  });

  it('takes the platform from the sender URL', async () => {
    await handlers.replySubmitted(payload(), { ...xSender, url: 'https://bsky.app/profile/marca' });
    expect((await db.replyEvents.get(EVENT_ID))?.platform).toBe('bluesky');
  });

  it('gives null response time for an unknown or future comment time', async () => {
    expect(await handlers.replySubmitted(payload({ context: context({ commentAt: null }) }), xSender)).toEqual({
      responseSeconds: null,
    });
    const future = payload({ eventId: '9f14e45f-ceea-4e7a-9b6c-6f1d7c3b2a10', context: context({ commentAt: 1_800_000_000_000 }) });
    expect(await handlers.replySubmitted(future, xSender)).toEqual({ responseSeconds: null });
    expect((await db.replyEvents.get(future.eventId))?.responseSeconds).toBeNull();
  });

  it('stores one row for a duplicate event id', async () => {
    await handlers.replySubmitted(payload(), xSender);
    await handlers.replySubmitted(payload(), xSender);
    expect(await db.replyEvents.count()).toBe(1);
  });
});

describe('boxFocused', () => {
  it('remembers the focus with the tab and frame of the sender', async () => {
    const ctx = context();
    const reply = await handlers.boxFocused({ context: ctx, focusedAt: 1_700_000_500_000 }, {
      tabId: 33,
      frameId: 4,
      url: 'https://www.facebook.com/marca',
    });
    expect(reply).toBeNull();
    expect(focusStore.remember).toHaveBeenCalledTimes(1);
    expect(focusStore.remember).toHaveBeenCalledWith({
      tabId: 33,
      frameId: 4,
      url: 'https://www.facebook.com/marca',
      context: ctx,
      focusedAt: 1_700_000_500_000,
    });
  });

  it('keeps the site check the content script sent with the focus', async () => {
    await handlers.boxFocused({ context: context(), focusedAt: 1_700_000_500_000, check: { editor: 'lexical', sendKnown: false } }, xSender);
    expect(focusStore.remember.mock.calls[0]?.[0]).toMatchObject({ check: { editor: 'lexical', sendKnown: false } });
  });

  it('ignores tab and frame ids smuggled into the payload', async () => {
    const payload = { context: { ...context(), tabId: 1 }, focusedAt: 5, tabId: 1, frameId: 1 };
    await handlers.boxFocused(payload as Parameters<ContentHandlers['boxFocused']>[0], { ...xSender, tabId: 33, frameId: 4 });
    expect(focusStore.remember.mock.calls[0]?.[0]).toMatchObject({ tabId: 33, frameId: 4 });
  });
});

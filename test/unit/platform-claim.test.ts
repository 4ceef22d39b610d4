import { beforeEach, describe, expect, it, vi } from 'vitest';
import { createContentHandlers } from '../../src/background/handlers/content';
import { createRouter, type ContentHandlers, type ContentSender, type PageHandlers } from '../../src/background/router';
import { TonoDatabase } from '../../src/shared/db/database';
import { PendingRepo } from '../../src/shared/db/repos/pending';
import { TemplatesRepo } from '../../src/shared/db/repos/templates';
import { platformFor, SELF_HOSTED_PLATFORMS } from '../../src/shared/domain/platform';
import { ADAPTERS } from '../../src/sites/registry';
import type { ReplyContext } from '../../src/shared/messages/protocol';
import { personalDraft, useTestDatabase } from './test-db';

// A Mastodon instance the user enabled has a hostname no platform owns: only the page's adapter
// can say it is Mastodon. The worker honours that claim from a closed list, and never on a host
// that belongs to a known platform.

const EVENT_ID = '8f14e45f-ceea-4e7a-9b6c-6f1d7c3b2a10';
const mastodonSender: ContentSender = { tabId: 5, frameId: 0, url: 'https://social.example/@marca/111' };
const context = (overrides: Partial<ReplyContext> = {}): ReplyContext => ({
  authorName: 'Ana Ruiz',
  handle: '@ana@social.example',
  permalink: 'https://social.example/@ana/111',
  commentAt: 1_700_000_000_000,
  commentPrecision: 'exact',
  ...overrides,
});

describe('platformFor', () => {
  it.each([
    ['https://social.example/home', 'mastodon', 'mastodon'],
    ['https://social.example/home', undefined, 'other'],
    ['https://x.com/marca', 'mastodon', 'x'],
    ['https://www.linkedin.com/feed/', 'mastodon', 'linkedin'],
    ['https://foro.example/t/1', 'linkedin', 'other'],
    ['https://foro.example/t/1', 'x', 'other'],
    ['https://foro.example/t/1', 'other', 'other'],
    ['not a url', 'mastodon', 'mastodon'],
  ] as const)('%s claiming %s is %s', (url, claimed, expected) => {
    expect(platformFor(url, claimed)).toBe(expected);
  });
});

describe('convention: the closed list is the adapters found by DOM', () => {
  it('every adapter without a hostname is a self-hosted platform, and only those', () => {
    const byDom = ADAPTERS.filter((adapter) => adapter.detects).map((adapter) => adapter.id);
    expect([...SELF_HOSTED_PLATFORMS].sort()).toEqual(byDom.sort());
  });
});

describe('content handlers: the adapter’s platform claim', () => {
  const database = useTestDatabase('claim-test');
  let db: TonoDatabase;
  let handlers: ReturnType<typeof createContentHandlers>;

  beforeEach(async () => {
    db = database();
    handlers = createContentHandlers(db, { remember: async () => undefined });
    await new TemplatesRepo(db).save(
      personalDraft({ id: 'tpl-p', title: 'Plataforma', body: 'Gracias por escribirnos en {{platform}}', shortcut: 'plat' }),
    );
  });

  const submit = (ctx: ReplyContext, sender: ContentSender, extra: { templateId?: string | null; drift?: number | null } = {}) =>
    handlers.replySubmitted(
      { eventId: EVENT_ID, context: ctx, firstFocusAt: null, submittedAt: 1_700_000_600_000, templateId: null, ...extra },
      sender,
    );

  it('records a reply on an enabled Mastodon instance as mastodon', async () => {
    await submit(context({ platform: 'mastodon' }), mastodonSender);
    expect((await db.replyEvents.get(EVENT_ID))?.platform).toBe('mastodon');
  });

  it('a page on x.com cannot claim another platform', async () => {
    await submit(context({ platform: 'mastodon' }), { ...mastodonSender, url: 'https://x.com/marca/status/1' });
    expect((await db.replyEvents.get(EVENT_ID))?.platform).toBe('x');
  });

  it('an unknown host claiming a hosted platform stays other', async () => {
    await submit(context({ platform: 'linkedin' }), mastodonSender);
    expect((await db.replyEvents.get(EVENT_ID))?.platform).toBe('other');
  });

  it('the waiting list and {{platform}} follow the same rule', async () => {
    await handlers.boxFocused({ context: context({ platform: 'mastodon' }), focusedAt: 1_700_000_500_000 }, mastodonSender);
    expect((await new PendingRepo(db).list()).map((p) => p.platform)).toEqual(['mastodon']);
    const expanded = await handlers.expandShortcut({ shortcut: 'plat', context: context({ platform: 'mastodon' }) }, mastodonSender);
    expect(expanded?.text).toBe('Gracias por escribirnos en mastodon');
    const onX = await handlers.expandShortcut({ shortcut: 'plat', context: context({ platform: 'mastodon' }) }, { ...mastodonSender, url: 'https://x.com/a' });
    expect(onX?.text).toBe('Gracias por escribirnos en x');
  });

  it('stores the drift only for a reply made from a template', async () => {
    await submit(context(), mastodonSender, { templateId: 'tpl-p', drift: 0.125 });
    expect((await db.replyEvents.get(EVENT_ID))?.drift).toBe(0.125);
    await submit(context(), mastodonSender, { templateId: null, drift: 0.5 });
    expect((await db.replyEvents.get(EVENT_ID))?.drift).toBeNull();
  });
});

describe('router: platform claims and drift are validated', () => {
  const EXTENSION_ID = 'abcdefghijklmnopabcdefghijklmnop';
  const sender = { id: EXTENSION_ID, url: 'https://social.example/home', tab: { id: 7 }, frameId: 0 };
  const reply = (overrides: Record<string, unknown>) => ({
    type: 'replySubmitted',
    payload: { eventId: EVENT_ID, context: context(), firstFocusAt: null, submittedAt: 1_700_000_600_000, templateId: 't', ...overrides },
  });

  function setup() {
    const replySubmitted = vi.fn(async () => ({ responseSeconds: null }));
    const content = { replySubmitted } as unknown as ContentHandlers;
    const route = createRouter({ extensionId: EXTENSION_ID, extensionOrigin: 'chrome-extension://id/', content, page: {} as PageHandlers });
    return { route, replySubmitted };
  }

  it.each([
    ['drift above 1', { drift: 1.5 }],
    ['negative drift', { drift: -0.1 }],
    ['NaN drift', { drift: Number.NaN }],
    ['drift as text', { drift: 'Hola Ana, gracias' }],
    ['a platform outside the closed list', { context: context({ platform: 'myspace' as never }) }],
  ])('refuses %s', async (_label, overrides) => {
    const { route, replySubmitted } = setup();
    const result = await route(reply(overrides), sender);
    expect(result).toEqual({ ok: false, error: expect.stringContaining('Invalid "replySubmitted" payload') });
    expect(replySubmitted).not.toHaveBeenCalled();
  });

  it.each([
    ['a drift of 0', { drift: 0 }],
    ['a drift of 1', { drift: 1 }],
    ['no drift (null)', { drift: null }],
    ['no drift field', {}],
    ['a mastodon claim', { context: context({ platform: 'mastodon' }) }],
  ])('accepts %s', async (_label, overrides) => {
    const { route, replySubmitted } = setup();
    expect(await route(reply(overrides), sender)).toEqual({ ok: true, value: { responseSeconds: null } });
    expect(replySubmitted).toHaveBeenCalledOnce();
  });
});

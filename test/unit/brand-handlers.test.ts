import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { createContentHandlers } from '../../src/background/handlers/content';
import { createRouter, type ContentSender, type PageHandlers, type SenderInfo } from '../../src/background/router';
import type { TonoDatabase } from '../../src/shared/db/database';
import { BrandsRepo } from '../../src/shared/db/repos/brands';
import { PacksRepo, packRowId } from '../../src/shared/db/repos/packs';
import { SettingsRepo } from '../../src/shared/db/repos/settings';
import { TemplatesRepo } from '../../src/shared/db/repos/templates';
import type { ReplyContext } from '../../src/shared/messages/protocol';
import { closeDatabases, freshDatabase, item, makePack } from './pack-helpers';
import { DEFAULT_PREFS } from '../../src/shared/domain/keys';

const EXTENSION_ID = 'abcdefghijklmnopabcdefghijklmnop';
const ORIGIN = `chrome-extension://${EXTENSION_ID}/`;
const onX: ContentSender = { tabId: 4, frameId: 0, url: 'https://x.com/home' };
const onYouTube: ContentSender = { tabId: 5, frameId: 0, url: 'https://www.youtube.com/watch?v=1' };
const context = (account?: string): ReplyContext => ({
  authorName: 'Ana Pérez',
  commentAt: null,
  commentPrecision: 'unknown',
  ...(account === undefined ? {} : { account }),
});

let db: TonoDatabase;
let brands: BrandsRepo;
let handlers: ReturnType<typeof createContentHandlers>;

beforeEach(async () => {
  db = freshDatabase();
  const packs = new PacksRepo(db);
  await packs.apply(
    makePack({ id: 'acme', name: 'ACME' }, [
      item('gracias', { body: 'ACME: gracias' }),
      item('envio', { title: 'Envío ACME', body: 'ACME: envío' }),
    ]),
    { sourceUrl: null, now: 1000 },
  );
  // Applied later: without brands its shared shortcut stays ACME's (the pack installed first keeps it).
  await packs.apply(
    makePack({ id: 'beta', name: 'Beta' }, [
      item('gracias', { body: 'BETA: gracias' }),
      item('beta-solo', { shortcut: 'betasolo', title: 'Envío Beta', body: 'BETA: solo' }),
    ]),
    { sourceUrl: null, now: 2000 },
  );
  await new TemplatesRepo(db).save({
    id: 'mine',
    title: 'Hola',
    body: 'Mi hola',
    shortcut: 'hola',
    tags: [],
    platforms: [],
    lang: 'es',
    source: 'personal',
  });
  brands = new BrandsRepo(db);
  handlers = createContentHandlers(db, { remember: vi.fn(async () => undefined) });
});
afterEach(closeDatabases);

const expandText = async (shortcut: string, sender: ContentSender, account?: string) =>
  (await handlers.expandShortcut({ shortcut, context: context(account) }, sender))?.text ?? null;
const pickerIds = async (query: string, sender: ContentSender, account?: string) =>
  (await handlers.searchTemplates({ query, context: context(account) }, sender)).items.map((i) => i.id);

describe('with no bindings nothing changes', () => {
  it('every pack answers, and a shared shortcut stays with the pack installed first', async () => {
    const templates = new TemplatesRepo(db);
    expect(await handlers.getShortcuts({}, onX)).toEqual({ shortcuts: await templates.shortcuts(), prefs: DEFAULT_PREFS });
    expect(await expandText('gracias', onX)).toBe('ACME: gracias');
    expect((await templates.findByShortcut('gracias'))?.body).toBe('ACME: gracias');
    expect(await pickerIds('envio', onX)).toEqual(expect.arrayContaining([packRowId('acme', 'envio'), packRowId('beta', 'beta-solo')]));
  });
});

describe('with ACME bound to x.com and Beta to the account @beta_es', () => {
  beforeEach(async () => {
    await brands.setBinding('acme', ['x.com'], []);
    await brands.setBinding('beta', ['mastodon.social'], ['@Beta_ES']);
  });

  it('Tab gives the active brand its shared shortcut: the site brand, or the account brand when it replies', async () => {
    expect(await expandText('gracias', onX)).toBe('ACME: gracias');
    expect(await expandText('gracias', onX, '@beta_es')).toBe('BETA: gracias');
    expect(await expandText('gracias', onX, '@someone_else')).toBe('ACME: gracias');
  });

  it('another brand reply expands to nothing, personal replies always do', async () => {
    expect(await expandText('betasolo', onX)).toBeNull();
    expect(await expandText('betasolo', onX, '@beta_es')).toBe('BETA: solo');
    expect(await expandText('hola', onX, '@beta_es')).toBe('Mi hola');
  });

  it('the picker lists the active brand, personal and unbound replies only', async () => {
    expect(await pickerIds('envio', onX)).toEqual([packRowId('acme', 'envio')]);
    expect(await pickerIds('envio', onX, '@beta_es')).toEqual([packRowId('beta', 'beta-solo')]);
    // With nothing typed the picker offers the scope, never the other brand.
    const offered = await pickerIds('', onX);
    expect(offered).toContain('mine');
    expect(offered.some((id) => id.startsWith('pack:beta:'))).toBe(false);
  });

  it('a picker id of another brand is not expanded', async () => {
    const other = await handlers.expandTemplate({ templateId: packRowId('beta', 'gracias'), context: context() }, onX);
    expect(other).toBeNull();
    const own = await handlers.expandTemplate({ templateId: packRowId('beta', 'gracias'), context: context('beta_es') }, onX);
    expect(own?.text).toBe('BETA: gracias');
  });

  it('the active brand beats a newer unbound pack on a shared shortcut', async () => {
    await new PacksRepo(db).apply(makePack({ id: 'shared', name: 'Shared' }, [item('gracias', { body: 'SHARED: gracias' })]), { sourceUrl: null, now: 3000 });
    expect(await expandText('gracias', onX)).toBe('ACME: gracias');
    expect(await expandText('gracias', onYouTube)).toBe('SHARED: gracias');
  });

  it('a personal reply still beats the active brand on a shared shortcut', async () => {
    await new TemplatesRepo(db).save({ id: 'mine-gracias', title: 'G', body: 'Mi gracias', shortcut: 'gracias', tags: [], platforms: [], lang: 'es', source: 'personal' });
    expect(await expandText('gracias', onX)).toBe('Mi gracias');
  });

  it('shortcuts sent to a page leave out brands bound only to other sites', async () => {
    await brands.setBinding('beta', ['mastodon.social'], []);
    const { shortcuts: onXShortcuts } = await handlers.getShortcuts({}, onX);
    expect(onXShortcuts).toEqual(expect.arrayContaining(['gracias', 'envio', 'hola']));
    expect(onXShortcuts).not.toContain('betasolo');
    const { shortcuts: onYt } = await handlers.getShortcuts({}, onYouTube);
    expect(onYt).not.toContain('envio');
    expect(onYt).toContain('hola');
  });

  it('with the focused box’s account the list is exact: another account’s brand does not claim Tab', async () => {
    // Before a box is focused, any account may reply: the account-bound brand's shortcut is kept.
    expect((await handlers.getShortcuts({}, onX)).shortcuts).toContain('betasolo');
    expect((await handlers.getShortcuts({ account: '@someone_else' }, onX)).shortcuts).not.toContain('betasolo');
    // A box that shows no account: account-bound brands cannot be active there.
    expect((await handlers.getShortcuts({ account: null }, onX)).shortcuts).not.toContain('betasolo');
    const asBeta = (await handlers.getShortcuts({ account: '@BETA_es' }, onX)).shortcuts;
    expect(asBeta).toEqual(expect.arrayContaining(['betasolo', 'gracias', 'hola']));
    // The list agrees with what Tab expands for each account.
    expect(await expandText('betasolo', onX, '@someone_else')).toBeNull();
    expect(await expandText('betasolo', onX, '@BETA_es')).toBe('BETA: solo');
  });

  it('a manual override for the site wins over the bindings', async () => {
    await brands.setOverride('x.com', 'beta');
    expect(await expandText('gracias', onX)).toBe('BETA: gracias');
    expect(await pickerIds('envio', onX)).toEqual([packRowId('beta', 'beta-solo')]);
    await brands.setOverride('x.com', null);
    expect(await expandText('gracias', onX)).toBe('ACME: gracias');
  });
});

describe('brand settings', () => {
  it('are stored normalized, and empty lists unbind', async () => {
    expect(await brands.setBinding('acme', ['https://www.X.com/acme', 'nope'], ['@ACME', 'two words'])).toEqual({
      packId: 'acme',
      sites: ['x.com'],
      accounts: ['acme'],
    });
    await brands.setBinding('acme', [], []);
    expect(await brands.bindings()).toEqual([]);
  });

  it('ignore malformed stored values instead of failing', async () => {
    const settings = new SettingsRepo(db);
    await db.settings.put({ key: 'boundBrands', value: [null, 'x', { packId: 'acme', sites: 'x.com', accounts: [] }, { packId: 'beta', sites: ['x.com'], accounts: [] }] });
    await db.settings.put({ key: 'chosenBrands', value: { host: 'x.com' } });
    expect(await brands.bindings()).toEqual([{ packId: 'beta', sites: ['x.com'], accounts: [] }]);
    expect(await brands.overrides()).toEqual([]);
    expect(await settings.get('chosenBrands')).toEqual({ host: 'x.com' });
    expect(await expandText('gracias', onX)).toBe('BETA: gracias');
  });
});

describe('router: a content script cannot choose a brand', () => {
  const page = {
    insertTemplate: vi.fn(),
    syncUserSites: vi.fn(),
    getReplyTarget: vi.fn(),
    getDraft: vi.fn(),
    packSyncNow: vi.fn(),
  } as unknown as PageHandlers;
  const sender: SenderInfo = { id: EXTENSION_ID, url: 'https://x.com/home', tab: { id: 4, url: 'https://x.com/home' }, frameId: 0 };

  it('ignores pack or brand fields smuggled into a payload', async () => {
    await brands.setBinding('acme', ['x.com'], []);
    await brands.setBinding('beta', [], ['beta_es']);
    const route = createRouter({ extensionId: EXTENSION_ID, extensionOrigin: ORIGIN, content: { ...handlers, loadContentUi: async () => null, registerInPageToken: async () => true as const }, page });
    const search = await route(
      { type: 'searchTemplates', payload: { query: 'envio', context: context(), packId: 'beta', brand: 'beta', visible: ['beta'] } },
      sender,
    );
    expect(search).toEqual({ ok: true, value: { items: [expect.objectContaining({ id: packRowId('acme', 'envio') })] } });
    const expanded = await route({ type: 'expandShortcut', payload: { shortcut: 'gracias', context: { ...context(), packId: 'beta' } } }, sender);
    expect(expanded).toMatchObject({ ok: true, value: { text: 'ACME: gracias' } });
    // The one brand-related thing a page controls is the account it shows; it must fit the schema.
    const overlong = await route({ type: 'expandShortcut', payload: { shortcut: 'gracias', context: context('x'.repeat(500)) } }, sender);
    expect(overlong.ok).toBe(false);
  });

  it('refuses brand settings writes from a page on a social site (no such content message)', async () => {
    const route = createRouter({ extensionId: EXTENSION_ID, extensionOrigin: ORIGIN, content: { ...handlers, loadContentUi: async () => null, registerInPageToken: async () => true as const }, page });
    for (const type of ['setBrandOverride', 'getActiveBrand', 'getReplyTarget']) {
      expect(await route({ type, payload: { tabId: 4, host: 'x.com', packId: 'beta' } }, sender)).toMatchObject({ ok: false });
    }
    expect(await brands.overrides()).toEqual([]);
  });
});

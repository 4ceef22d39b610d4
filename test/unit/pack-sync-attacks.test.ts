import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { syncAllSubscriptions, syncSubscription, type PackSyncDeps } from '../../src/background/pack-sync';
import { BrandsRepo } from '../../src/shared/db/repos/brands';
import { PacksRepo, packRowId } from '../../src/shared/db/repos/packs';
import { TemplatesRepo } from '../../src/shared/db/repos/templates';
import { MAX_TOTAL_PACK_SIZE, parsePackUrl, serializePack, type Pack } from '../../src/shared/domain/pack';
import { closeDatabases, freshDatabase, item, makePack } from './pack-helpers';

/**
 * A hostile (or careless) pack host, played by a fake fetch: every request is logged with the
 * redirect mode it was made in, and a redirect is followed only when the caller asked the
 * "browser" to follow, as a real one would.
 */
type Reply = { status: number; body?: string; headers?: Record<string, string> };
let hosts: Record<string, (url: string, n: number) => Reply>;
let requested: string[];

const fakeFetch: PackSyncDeps['fetch'] = async (url, init) => {
  for (let hop = 0; hop < 5; hop++) {
    requested.push(url);
    const host = new URL(url).host;
    const serve = hosts[host];
    if (!serve) throw new TypeError('fetch failed');
    const reply = serve(url, requested.filter((u) => new URL(u).host === host).length);
    const response = new Response(reply.body ?? null, { status: reply.status, headers: reply.headers });
    // As a browser reports a followed chain: the final URL, and that it was redirected.
    if (hop > 0) Object.defineProperties(response, { url: { value: url }, redirected: { value: true } });
    const location = reply.headers?.location;
    if (reply.status < 300 || reply.status >= 400 || !location) return response;
    if (init.redirect === 'follow') {
      url = new URL(location, url).href;
      continue;
    }
    return response;
  }
  throw new TypeError('too many redirects');
};

const json = (pack: Pack, etag: string): Reply => ({ status: 200, body: serializePack(pack), headers: { 'content-type': 'application/json', etag } });

const URL_A = 'https://packs.example.com/team.json';
let db: ReturnType<typeof freshDatabase>;
let repo: PacksRepo;
let deps: PackSyncDeps;
let clock = 1_000;

beforeEach(() => {
  db = freshDatabase();
  repo = new PacksRepo(db);
  hosts = {};
  requested = [];
  clock = 1_000;
  deps = { fetch: fakeFetch, now: () => clock, repo, timeoutMs: 1_000 };
});
afterEach(closeDatabases);

const installedIds = async () => (await db.packs.toArray()).map((record) => record.id).sort();
const chunkPackIds = async () => [...new Set((await db.packChunks.toArray()).map((chunk) => chunk.packId))].sort();

describe('a followed URL whose pack id changes', () => {
  // The attack: a new id (and so a new pack, up to 10 MB) on every hourly sync.
  beforeEach(async () => {
    hosts['packs.example.com'] = (_url, n) => json(makePack({ id: `evil-${n}`, name: `Evil ${n}`, version: String(n) }), `"e${n}"`);
    await repo.subscribe(URL_A, 0);
  });

  it('keeps exactly one pack installed, says why the others were refused, and unfollowing leaves none', async () => {
    expect(await syncSubscription(URL_A, deps)).toMatchObject({ kind: 'applied' });
    for (let hour = 2; hour <= 4; hour++) {
      clock += 3_600_000;
      expect(await syncSubscription(URL_A, deps)).toMatchObject({ kind: 'failed', error: { code: 'idChanged', params: ['evil-1', `evil-${hour}`] } });
    }
    expect(await installedIds()).toEqual(['evil-1']);
    expect(await chunkPackIds()).toEqual(['evil-1']);
    expect(await repo.subscription(URL_A)).toMatchObject({ packId: 'evil-1', status: 'error', error: { code: 'idChanged' } });
    // The one pack is the subscription's: listed with it (Unfollow), not as a stray pack.
    expect((await repo.list()).map(({ record, subscription }) => [record.id, subscription?.url])).toEqual([['evil-1', URL_A]]);

    await repo.unsubscribe(URL_A);
    expect(await installedIds()).toEqual([]);
    expect(await db.packChunks.count()).toBe(0);
    expect(await db.packSubscriptions.count()).toBe(0);
  });

  it('replaces the pack atomically when the member confirms, keeping use counts and favourites of the same replies', async () => {
    await syncSubscription(URL_A, deps);
    const templates = new TemplatesRepo(db);
    await templates.recordUse(packRowId('evil-1', 'a'), 5);
    await templates.setFavorite(packRowId('evil-1', 'a'), true);
    await new BrandsRepo(db).setBinding('evil-1', ['x.com'], []);
    expect(await syncSubscription(URL_A, deps)).toMatchObject({ kind: 'failed', error: { code: 'idChanged' } });

    expect(await syncSubscription(URL_A, deps, { allowIdChange: true })).toMatchObject({ kind: 'applied' });
    expect(await installedIds()).toEqual(['evil-3']);
    expect(await chunkPackIds()).toEqual(['evil-3']);
    expect(await templates.get(packRowId('evil-3', 'a'))).toMatchObject({ usageCount: 1, lastUsedAt: 5, favorite: true });
    expect((await db.packItemState.toArray()).map((state) => state.id)).toEqual([packRowId('evil-3', 'a')]);
    expect((await new BrandsRepo(db).bindings()).map((binding) => binding.packId)).toEqual(['evil-3']);
    expect(await repo.subscription(URL_A)).toMatchObject({ packId: 'evil-3', status: 'ok' });

    await repo.unsubscribe(URL_A);
    expect(await installedIds()).toEqual([]);
    expect(await db.packItemState.count()).toBe(0);
  });

  it('unfollowing also removes packs an older version left under other ids, which are listed with a Remove button meanwhile', async () => {
    await syncSubscription(URL_A, deps);
    // What the old code left: a second pack from the same URL, the subscription pointing at it.
    await db.packSubscriptions.update(URL_A, { packId: 'evil-9' });
    expect((await repo.apply(makePack({ id: 'evil-9' }), { sourceUrl: URL_A, now: 2 })).ok).toBe(true);
    expect((await repo.list()).map(({ record, subscription }) => [record.id, subscription?.url ?? null])).toEqual([
      ['evil-1', null],
      ['evil-9', URL_A],
    ]);
    await repo.unsubscribe(URL_A);
    expect(await installedIds()).toEqual([]);
  });

  it('an ordinary new version under the same id keeps the member’s use counts', async () => {
    hosts['packs.example.com'] = (_url, n) => json(makePack({ version: String(n) }, [item('a', { body: `v${n}` }), item('b')]), `"v${n}"`);
    await syncSubscription(URL_A, deps);
    await new TemplatesRepo(db).recordUse(packRowId('team', 'a'), 5);
    expect(await syncSubscription(URL_A, deps)).toMatchObject({ kind: 'applied', summary: { changed: 1 } });
    expect(await new TemplatesRepo(db).get(packRowId('team', 'a'))).toMatchObject({ body: 'v2', usageCount: 1 });
  });
});

describe('storage cap across packs', () => {
  it('refuses a pack that would take team packs past the cap, naming the sizes, and changes nothing', async () => {
    // Packs already installed take almost the whole allowance (records only: the cap reads sizes).
    await db.packs.put({ ...(await seedRecord('big')), size: MAX_TOTAL_PACK_SIZE - 1_000 });
    const before = await db.packs.toArray();
    const pack = makePack({ id: 'more' }, [item('a', { body: 'x'.repeat(5_000) })]);
    const result = await repo.apply(pack, { sourceUrl: null, now: 3 });
    expect(result).toEqual({ ok: false, error: { code: 'storageCap', params: ['1', '40', '40'] } });
    expect(await db.packs.toArray()).toEqual(before);
    // A new version of a pack replaces its own size: it still fits.
    expect((await repo.apply(makePack({ id: 'big', version: '2' }), { sourceUrl: null, now: 4 })).ok).toBe(true);
  });

  it('measures packs installed before sizes were kept, once', async () => {
    await repo.apply(makePack({ id: 'old' }), { sourceUrl: null, now: 1 });
    await db.packs.update('old', { size: undefined });
    expect((await repo.apply(makePack({ id: 'new' }), { sourceUrl: null, now: 2 })).ok).toBe(true);
    expect((await db.packs.get('old'))?.size).toBeGreaterThan(0);
  });
});

async function seedRecord(id: string) {
  await repo.apply(makePack({ id }), { sourceUrl: null, now: 1 });
  return (await db.packs.get(id))!;
}

describe('redirects', () => {
  it.each([
    ['to another origin', 'https://evil.example.net/pack.json'],
    ['to an intranet host', 'https://10.0.0.5/admin'],
    ['within the same origin', '/moved.json'],
  ])('refuses a redirect %s without following it', async (_label, location) => {
    hosts['packs.example.com'] = (url) => (url.endsWith('/moved.json') ? json(makePack(), '"m"') : { status: 302, headers: { location } });
    hosts['evil.example.net'] = () => json(makePack({ version: 'evil' }), '"x"');
    hosts['10.0.0.5'] = () => ({ status: 200, body: '{}' });
    await repo.subscribe(URL_A, 0);
    expect(await syncSubscription(URL_A, deps)).toMatchObject({ kind: 'failed', error: { code: 'redirected' } });
    expect(requested).toEqual([URL_A]);
    expect(await installedIds()).toEqual([]);
  });

  it('refuses the opaque redirect a browser answers with (no Location to judge)', async () => {
    await repo.subscribe(URL_A, 0);
    const opaque = Object.defineProperties(new Response(null), { type: { value: 'opaqueredirect' }, status: { value: 0 } });
    const result = await syncSubscription(URL_A, { ...deps, fetch: async () => opaque });
    expect(result).toMatchObject({ kind: 'failed', error: { code: 'redirected' } });
  });
});

describe('one failing subscription does not stop the others', () => {
  it('a quota error on the first of three leaves the other two synced, each with its own outcome', async () => {
    const urls = ['https://a.example.com/p.json', 'https://b.example.com/p.json', 'https://c.example.com/p.json'];
    for (const [i, url] of urls.entries()) {
      hosts[new URL(url).host] = () => json(makePack({ id: `p${i}` }), `"${i}"`);
      await repo.subscribe(url, i);
    }
    const full = new (class extends PacksRepo {
      override apply(pack: Pack, options: Parameters<PacksRepo['apply']>[1]) {
        if (pack.id === 'p0') return Promise.reject(new DOMException('The quota has been exceeded.', 'QuotaExceededError'));
        return super.apply(pack, options);
      }
    })(db);
    const outcomes = await syncAllSubscriptions({ ...deps, repo: full });
    expect(outcomes).toMatchObject([
      { url: urls[0], kind: 'failed', error: { code: 'localFailure', params: ['QuotaExceededError'] } },
      { url: urls[1], kind: 'applied' },
      { url: urls[2], kind: 'applied' },
    ]);
    expect(await repo.subscription(urls[0]!)).toMatchObject({ status: 'error', error: { code: 'localFailure' } });
    expect(await installedIds()).toEqual(['p1', 'p2']);
  });
});

describe('private and link-local hosts', () => {
  const PRIVATE = [
    'https://localhost/p.json',
    'https://LOCALHOST./p.json',
    'https://tono.localhost/p.json',
    'https://printer.local/p.json',
    'https://nas.home.arpa/p.json',
    'https://intranet/p.json',
    'https://127.0.0.1/p.json',
    'https://127.1/p.json',
    'https://2130706433/p.json',
    'https://0x7f000001/p.json',
    'https://0x7f.0.0.1/p.json',
    'https://0177.0.0.1/p.json',
    'https://017700000001/p.json',
    'https://0/p.json',
    'https://10.1.2.3/p.json',
    'https://0x0a.1.2.3/p.json',
    'https://167772161/p.json',
    'https://172.16.0.1/p.json',
    'https://172.31.255.255/p.json',
    'https://192.168.1.1:8443/p.json',
    'https://169.254.169.254/latest/meta-data',
    'https://100.64.0.1/p.json',
    'https://224.0.0.1/p.json',
    'https://[::1]/p.json',
    'https://[0:0:0:0:0:0:0:1]/p.json',
    'https://[::]/p.json',
    'https://[::ffff:127.0.0.1]/p.json',
    'https://[::ffff:192.168.0.1]/p.json',
    'https://[::ffff:a9fe:a9fe]/p.json',
    'https://[64:ff9b::10.0.0.1]/p.json',
    'https://[fc00::1]/p.json',
    'https://[fd12:3456::1]/p.json',
    'https://[fe80::1]/p.json',
    'https://[febf::1]/p.json',
    'http://127.0.0.1:8080/p.json',
    'http://localhost/p.json',
  ];

  it.each(PRIVATE)('a member cannot follow %s', (url) => {
    const parsed = parsePackUrl(url);
    expect(parsed.ok).toBe(false);
    if (!parsed.ok) expect(parsed.error.code).toBe(url.startsWith('http:') ? 'badUrl' : 'privateHost');
  });

  it.each([
    'https://packs.example.com/p.json',
    'https://172.32.0.1/p.json',
    'https://192.169.0.1/p.json',
    'https://8.8.8.8/p.json',
    'https://[2001:db8::1]/p.json',
    'https://[::ffff:8.8.8.8]/p.json',
    'https://localhost.example.com/p.json',
    'https://local.example.com/p.json',
  ])('a member can follow %s', (url) => {
    expect(parsePackUrl(url).ok).toBe(true);
  });

  it('an administrator’s policy may name an intranet host (https only)', () => {
    expect(parsePackUrl('https://10.1.2.3/p.json', { allowPrivate: true }).ok).toBe(true);
    expect(parsePackUrl('https://intranet/p.json', { allowPrivate: true }).ok).toBe(true);
    expect(parsePackUrl('http://10.1.2.3/p.json', { allowPrivate: true }).ok).toBe(false);
  });

  it('a subscription to a private host stored by an older version is refused at sync without a request; a managed one is fetched', async () => {
    hosts['10.1.2.3'] = () => json(makePack(), '"p"');
    await repo.subscribe('https://10.1.2.3/p.json', 0);
    expect(await syncSubscription('https://10.1.2.3/p.json', deps)).toMatchObject({ kind: 'failed', error: { code: 'privateHost', params: ['10.1.2.3'] } });
    expect(requested).toEqual([]);
    await repo.reconcileManaged(['https://10.1.2.3/p.json']);
    expect(await syncSubscription('https://10.1.2.3/p.json', deps)).toMatchObject({ kind: 'applied' });
  });
});

describe('shortcuts a pack may claim', () => {
  const claims = makePack({ id: 'claims' }, [
    item('ok', { shortcut: 'ok' }),
    item('the', { shortcut: 'The' }),
    item('si', { shortcut: 'sí!' }),
    item('num', { shortcut: '4471' }),
    item('gracias', { shortcut: 'gracias' }),
    item('prefixed', { shortcut: ';ok' }),
  ]);

  it('a pack claiming "ok" and "the" installs those replies without the shortcut, and says so', async () => {
    hosts['packs.example.com'] = () => json(claims, '"c"');
    await repo.subscribe(URL_A, 0);
    expect(await syncSubscription(URL_A, deps)).toMatchObject({ kind: 'applied', summary: { added: 6 } });
    const templates = new TemplatesRepo(db);
    const shortcuts = await templates.shortcuts();
    for (const word of ['ok', 'the', 'si', 'si!', '4471']) expect(shortcuts).not.toContain(word);
    expect(shortcuts).toEqual(expect.arrayContaining(['gracias', ';ok']));
    const brands = new BrandsRepo(db);
    const everywhere = brands.resolve('x.com', null);
    expect(await brands.findByShortcut('ok', everywhere)).toBeUndefined();
    expect(await brands.findByShortcut('The', everywhere)).toBeUndefined();
    expect((await brands.findByShortcut(';ok', everywhere))?.id).toBe(packRowId('claims', 'prefixed'));
    // Still installed, found by search in the picker; the record says which shortcuts were left out.
    expect(await templates.get(packRowId('claims', 'ok'))).toMatchObject({ shortcut: '', title: 'Title ok' });
    expect((await db.packs.get('claims'))?.ignoredShortcuts).toEqual(['ok', 'The', 'sí!', '4471']);
    // The next sync of the same bytes is no change at all.
    clock += 1_000;
    hosts['packs.example.com'] = () => json(claims, '"c2"');
    expect(await syncSubscription(URL_A, deps)).toMatchObject({ kind: 'unchanged' });
  });

  it('the import preview shows the same: nothing to change on a re-import', async () => {
    await repo.apply(claims, { sourceUrl: null, now: 1 });
    const diff = await repo.preview(claims);
    expect([diff.added.length, diff.changed.length, diff.removed.length]).toEqual([0, 0, 0]);
  });
});

describe('shortcut conflicts', () => {
  const gracias = (id: string, name: string) => makePack({ id, name }, [item('gracias', { title: `Gracias ${name}` })]);

  /** The member's own "gracias", a pack installed first, then a followed URL with its own "gracias". */
  async function threeGracias() {
    const templates = new TemplatesRepo(db);
    await templates.save({ id: 'mine', title: 'Mi gracias', body: 'Mío', shortcut: 'gracias', tags: [], platforms: [], lang: 'es', source: 'personal' });
    await repo.apply(gracias('first', 'First'), { sourceUrl: null, now: 10 });
    hosts['packs.example.com'] = () => json(gracias('later', 'Later'), '"l"');
    await repo.subscribe(URL_A, 0);
    clock = 20;
    await syncSubscription(URL_A, deps);
    return templates;
  }

  it('a synced pack never takes a shortcut from the member or from a pack installed before it, even with newer replies', async () => {
    const templates = await threeGracias();
    const brands = new BrandsRepo(db);
    const everywhere = brands.resolve('x.com', null);
    expect((await brands.findByShortcut('gracias', everywhere))?.id).toBe('mine');
    await templates.remove('mine');
    expect((await brands.findByShortcut('gracias', everywhere))?.id).toBe(packRowId('first', 'gracias'));
    clock = 30;
    hosts['packs.example.com'] = () => json({ ...gracias('later', 'Later'), version: '2', templates: [item('gracias', { title: 'Gracias Later', body: 'nuevo' })] }, '"l2"');
    expect(await syncSubscription(URL_A, deps)).toMatchObject({ kind: 'applied' });
    expect((await brands.findByShortcut('gracias', everywhere))?.id).toBe(packRowId('first', 'gracias'));
  });

  it('each pack reports the shortcuts it shares and who keeps them', async () => {
    const templates = await threeGracias();
    expect(await repo.conflictsOf('later')).toEqual([
      { shortcut: 'gracias', packTitle: 'Gracias Later', otherTitle: 'Mi gracias', other: { kind: 'personal' }, packWins: false },
      { shortcut: 'gracias', packTitle: 'Gracias Later', otherTitle: 'Gracias First', other: { kind: 'pack', name: 'First' }, packWins: false },
    ]);
    await templates.remove('mine');
    expect(await repo.conflictsOf('first')).toEqual([
      { shortcut: 'gracias', packTitle: 'Gracias First', otherTitle: 'Gracias Later', other: { kind: 'pack', name: 'Later' }, packWins: true },
    ]);
  });

  it('before an import, the conflicts say who would keep each shortcut', async () => {
    await repo.apply(gracias('first', 'First'), { sourceUrl: null, now: 10 });
    expect(await repo.shortcutConflicts(gracias('next', 'Next'))).toEqual([
      { shortcut: 'gracias', packTitle: 'Gracias Next', otherTitle: 'Gracias First', other: { kind: 'pack', name: 'First' }, packWins: false },
    ]);
  });
});

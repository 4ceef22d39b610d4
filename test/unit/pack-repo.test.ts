import { afterEach, describe, expect, it } from 'vitest';
import { PacksRepo, packRowId } from '../../src/shared/db/repos/packs';
import { TemplatesRepo } from '../../src/shared/db/repos/templates';
import { closeDatabases, freshDatabase, item, makePack, snapshot } from './pack-helpers';

afterEach(closeDatabases);

async function setup() {
  const db = freshDatabase();
  const templates = new TemplatesRepo(db);
  await templates.save({ id: 'mine', title: 'Mía', body: 'Mi texto', shortcut: 'ex', tags: ['x'], platforms: [], lang: 'es', source: 'personal' }, 1);
  return { db, repo: new PacksRepo(db), templates };
}

describe('PacksRepo.apply', () => {
  it('installs a pack as read-only pack rows next to personal ones', async () => {
    const { db, repo, templates } = await setup();
    const result = await repo.apply(makePack(), { sourceUrl: null, now: 10 });
    expect(result.ok && result.value.added.map((t) => t.id)).toEqual(['a', 'b']);
    const row = await templates.get(packRowId('team', 'b'));
    expect(row).toMatchObject({ source: 'pack', packId: 'team', packItemId: 'b', shortcut: 'b', searchText: 'title b body of b b', createdAt: 10 });
    expect(await db.templates.get('mine')).toMatchObject({ source: 'personal', body: 'Mi texto' });
    expect((await repo.list()).map((p) => [p.record.id, p.record.version, p.record.templateCount, p.record.guidelines.length])).toEqual([['team', '1', 2, 1]]);
  });

  it('previews without writing, then applies exactly the preview', async () => {
    const { db, repo } = await setup();
    await repo.apply(makePack(), { sourceUrl: null, now: 10 });
    const next = makePack({ version: '2' }, [item('a', { body: 'Nuevo' }), item('c')]);
    const before = await snapshot(db);
    const preview = await repo.preview(next);
    expect(await snapshot(db)).toEqual(before);
    expect([preview.added.map((t) => t.id), preview.changed.map((c) => c.after.id), preview.removed.map((t) => t.id)]).toEqual([['c'], ['a'], ['b']]);
    const applied = await repo.apply(next, { sourceUrl: null, now: 20 });
    expect(applied.ok && applied.value.changed.map((c) => c.after.id)).toEqual(['a']);
    expect((await repo.items('team')).map((t) => [t.packItemId, t.body])).toEqual([
      ['a', 'Nuevo'],
      ['c', 'Body of c'],
    ]);
  });

  it('keeps usage counts and creation time of updated items', async () => {
    const { db, repo, templates } = await setup();
    await repo.apply(makePack(), { sourceUrl: null, now: 10 });
    await templates.recordUse(packRowId('team', 'a'), 15);
    await repo.apply(makePack({ version: '2' }, [item('a', { title: 'Renamed' }), item('b')]), { sourceUrl: null, now: 20 });
    expect(await templates.get(packRowId('team', 'a'))).toMatchObject({ title: 'Renamed', usageCount: 1, lastUsedAt: 15, createdAt: 10, updatedAt: 20 });
    // An item the new version left as it was keeps its date; the member's state stays apart from the pack's.
    expect(await templates.get(packRowId('team', 'b'))).toMatchObject({ updatedAt: 10 });
    expect(await db.packItemState.toArray()).toEqual([{ id: packRowId('team', 'a'), usageCount: 1, lastUsedAt: 15 }]);
  });

  it('refuses a version that removes everything unless confirmed, changing nothing', async () => {
    const { db, repo } = await setup();
    await repo.apply(makePack(), { sourceUrl: null, now: 10 });
    const before = await snapshot(db);
    const refused = await repo.apply(makePack({ version: '2' }, []), { sourceUrl: null, now: 20 });
    expect(refused).toEqual({ ok: false, error: { code: 'removesAll', params: ['2', '1'] } });
    expect(await snapshot(db)).toEqual(before);
    const confirmed = await repo.apply(makePack({ version: '2' }, []), { sourceUrl: null, allowRemoveAll: true, now: 20 });
    expect(confirmed.ok).toBe(true);
    expect(await repo.items('team')).toEqual([]);
    expect(await db.templates.get('mine')).toBeDefined();
  });

  it('refuses a pack id already installed from another source', async () => {
    const { db, repo } = await setup();
    await repo.subscribe('https://a.example/p.json', 1);
    await repo.apply(makePack(), { sourceUrl: 'https://a.example/p.json', now: 10 });
    const before = await snapshot(db);
    const fromFile = await repo.apply(makePack({ version: '9' }), { sourceUrl: null, now: 20 });
    expect(fromFile).toEqual({ ok: false, error: { code: 'idConflict', params: ['team', 'https://a.example/p.json'] } });
    const fromOtherUrl = await repo.apply(makePack({ version: '9' }), { sourceUrl: 'https://b.example/p.json', now: 20 });
    expect(!fromOtherUrl.ok && fromOtherUrl.error.code).toBe('idConflict');
    expect(await snapshot(db)).toEqual(before);
  });

  it('is all or nothing when a write fails half way', async () => {
    const { db, repo } = await setup();
    await repo.apply(makePack(), { sourceUrl: null, now: 10 });
    const before = await snapshot(db);
    const put = db.packs.put.bind(db.packs);
    db.packs.put = () => {
      throw new Error('disk full');
    };
    await expect(repo.apply(makePack({ version: '2' }, [item('c'), item('d')]), { sourceUrl: null, now: 20 })).rejects.toThrow('disk full');
    db.packs.put = put;
    expect(await snapshot(db)).toEqual(before);
  });

  it('removes a pack with its rows but keeps personal copies', async () => {
    const { db, repo } = await setup();
    await repo.apply(makePack(), { sourceUrl: null, now: 10 });
    const copy = await repo.duplicateToLibrary(packRowId('team', 'a'), 11, 'copy-1');
    await repo.remove('team');
    expect(await repo.items('team')).toEqual([]);
    expect(await repo.list()).toEqual([]);
    expect(await db.templates.get('copy-1')).toEqual(copy);
  });
});

describe('PacksRepo.shortcutConflicts', () => {
  it('lists pack shortcuts already used outside the pack, folded, but not the pack own rows', async () => {
    const { repo } = await setup();
    const pack = makePack({}, [item('a', { shortcut: 'ÉX', title: 'Pack A' }), item('b')]);
    expect(await repo.shortcutConflicts(pack)).toEqual([{ shortcut: 'ex', packTitle: 'Pack A', otherTitle: 'Mía', other: { kind: 'personal' }, packWins: false }]);
    await repo.apply(pack, { sourceUrl: null, now: 10 });
    expect(await repo.shortcutConflicts(makePack({ version: '2' }, [item('b')]))).toEqual([]);
  });
});

describe('PacksRepo: personal copies', () => {
  it('duplicates a pack item into an editable personal copy that remembers its origin', async () => {
    const { repo } = await setup();
    await repo.apply(makePack(), { sourceUrl: null, now: 10 });
    const copy = await repo.duplicateToLibrary(packRowId('team', 'a'), 11, 'copy-1');
    expect(copy).toMatchObject({ id: 'copy-1', source: 'personal', packId: null, title: 'Title a', usageCount: 0 });
    expect(copy).not.toHaveProperty('packItemId');
    expect(copy?.copiedFrom).toMatchObject({ packId: 'team', itemId: 'a' });
    expect(await repo.duplicateToLibrary('mine')).toBeNull();
  });

  it('shows the member when the team changed or removed an item they copied', async () => {
    const { repo } = await setup();
    await repo.apply(makePack(), { sourceUrl: null, now: 10 });
    await repo.duplicateToLibrary(packRowId('team', 'a'), 11, 'copy-a');
    await repo.duplicateToLibrary(packRowId('team', 'b'), 11, 'copy-b');
    expect(await repo.changedOriginals()).toEqual([]);
    // Shortcut case is not a change the member would see.
    await repo.apply(makePack({ version: '2' }, [item('a', { body: 'Texto nuevo' }), item('b', { shortcut: 'B' })]), { sourceUrl: null, now: 20 });
    expect((await repo.changedOriginals()).map(({ copy, original }) => [copy.id, original?.body])).toEqual([['copy-a', 'Texto nuevo']]);
    await repo.apply(makePack({ version: '3' }, [item('a', { body: 'Texto nuevo' })]), { sourceUrl: null, now: 30 });
    expect((await repo.changedOriginals()).map(({ copy, original }) => [copy.id, original?.id ?? null]).sort()).toEqual([
      ['copy-a', packRowId('team', 'a')],
      ['copy-b', null],
    ]);
  });

  it('exports only the member library, filtered by tag', async () => {
    const { repo } = await setup();
    await repo.apply(makePack(), { sourceUrl: null, now: 10 });
    expect((await repo.libraryTemplates()).map((t) => t.id)).toEqual(['mine']);
    expect(await repo.libraryTemplates({ tag: 'nope' })).toEqual([]);
    expect((await repo.libraryTemplates({ tag: 'x' }))[0]).toEqual({ id: 'mine', title: 'Mía', body: 'Mi texto', shortcut: 'ex', tags: ['x'], platforms: [], lang: 'es' });
  });
});

describe('PacksRepo: subscriptions', () => {
  it('subscribes idempotently and unsubscribing removes what the URL installed', async () => {
    const { repo } = await setup();
    const url = 'https://a.example/p.json';
    const first = await repo.subscribe(url, 1);
    expect(await repo.subscribe(url, 2)).toEqual(first);
    await repo.apply(makePack(), { sourceUrl: url, now: 10, fetched: { etag: '"e1"', bodyHash: 'h1' } });
    expect(await repo.subscription(url)).toMatchObject({ packId: 'team', etag: '"e1"', bodyHash: 'h1', status: 'ok', lastSuccessAt: 10, lastChangeAt: 10 });
    await repo.recordFailure(url, { code: 'httpStatus', params: ['500'] }, 20);
    expect(await repo.subscription(url)).toMatchObject({ packId: 'team', etag: '"e1"', status: 'error', lastAttemptAt: 20, lastSuccessAt: 10 });
    expect((await repo.list())[0]?.subscription?.error?.code).toBe('httpStatus');
    await repo.unsubscribe(url);
    expect(await repo.subscriptions()).toEqual([]);
    expect(await repo.list()).toEqual([]);
    expect(await repo.items('team')).toEqual([]);
  });
});

describe('PacksRepo.reconcileManaged (enterprise policy)', () => {
  it('follows the policy URLs, marks them managed, and unfollows only managed ones the policy dropped', async () => {
    const { repo } = await setup();
    await repo.subscribe('https://mine.example/p.json', 1);
    await repo.subscribe('https://both.example/p.json', 1);
    expect(await repo.reconcileManaged(['https://both.example/p.json', 'https://corp.example/p.json'], 2)).toEqual({
      added: ['https://corp.example/p.json'],
      removed: [],
    });
    const managed = async () => (await repo.subscriptions()).filter((s) => s.managed).map((s) => s.url).sort();
    expect(await managed()).toEqual(['https://both.example/p.json', 'https://corp.example/p.json']);
    await repo.apply(makePack({ id: 'corp' }), { sourceUrl: 'https://corp.example/p.json', now: 3, fetched: { etag: null, bodyHash: 'h' } });

    expect(await repo.reconcileManaged(['https://both.example/p.json'], 4)).toEqual({ added: [], removed: ['https://corp.example/p.json'] });
    expect((await repo.subscriptions()).map((s) => s.url).sort()).toEqual(['https://both.example/p.json', 'https://mine.example/p.json']);
    expect(await repo.items('corp')).toEqual([]);
  });
});


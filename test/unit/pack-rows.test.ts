// Pack replies live a couple of hundred to a record (repos/pack-rows.ts) but read like rows: these
// tests hold the repositories' answers to what a row per reply gave.
import { afterEach, describe, expect, it } from 'vitest';
import { CHUNK_SIZE, chunkIndexOf } from '../../src/shared/db/repos/pack-rows';
import { PacksRepo, packRowId } from '../../src/shared/db/repos/packs';
import { TemplatesRepo } from '../../src/shared/db/repos/templates';
import type { Template } from '../../src/shared/db/types';
import { closeDatabases, freshDatabase, item, makePack } from './pack-helpers';

afterEach(closeDatabases);

const COUNT = 1_000;
const bigPack = (version = '1', patch: (i: number) => Partial<ReturnType<typeof item>> = () => ({})) =>
  makePack({ version }, Array.from({ length: COUNT }, (_, i) => item(`i${i}`, { shortcut: `s${i}`, ...patch(i) })));

async function setup() {
  const db = freshDatabase();
  const templates = new TemplatesRepo(db);
  const packs = new PacksRepo(db);
  await templates.save({ id: 'mine', title: 'Mía', body: 'Mi texto', shortcut: 's5', tags: [], platforms: [], lang: 'es', source: 'personal' }, 500);
  await packs.apply(bigPack(), { sourceUrl: null, now: 100 });
  return { db, templates, packs };
}

describe('pack replies stored in chunks', () => {
  it('writes a pack in a few records, each reply in the chunk its id hashes to', async () => {
    const { db } = await setup();
    const chunks = await db.packChunks.toArray();
    expect(chunks).toHaveLength(Math.ceil(COUNT / CHUNK_SIZE));
    expect(chunks.reduce((sum, chunk) => sum + chunk.items.length, 0)).toBe(COUNT);
    for (const chunk of chunks) {
      for (const stored of chunk.items) expect(chunk.id).toBe(`team:${chunkIndexOf(stored.itemId, chunks.length)}`);
    }
    expect(await db.templates.count()).toBe(1);
  });

  it('finds any reply by id, several at once, and nothing for ids no pack has', async () => {
    const { templates, packs } = await setup();
    for (const i of [0, 1, 499, 999]) expect((await templates.get(packRowId('team', `i${i}`)))?.body).toBe(`Body of i${i}`);
    expect(await templates.get(packRowId('team', 'nope'))).toBeUndefined();
    expect(await templates.get(packRowId('other', 'i1'))).toBeUndefined();
    expect(await templates.get('pack:')).toBeUndefined();
    expect((await packs.items('team')).length).toBe(COUNT);
  });

  it('answers shortcut lookups like an index: the personal reply first, pack replies found, keys merged', async () => {
    const { templates } = await setup();
    expect((await templates.findByShortcut('s5'))?.id).toBe('mine');
    expect((await templates.findByShortcut('S77 '))?.id).toBe(packRowId('team', 'i77'));
    expect(await templates.findByShortcut('s100000')).toBeUndefined();
    const keys = await templates.shortcuts();
    expect(keys).toHaveLength(COUNT);
    expect(keys).toEqual([...keys].sort());
    expect((await templates.shortcutOwner('s77', 'mine'))?.id).toBe(packRowId('team', 'i77'));
  });

  it('lists recently edited replies the same as sorting everything would', async () => {
    const { templates, packs } = await setup();
    // Version 2 edits every 37th reply at t=300; the rest keep t=100; the personal one is t=500.
    await packs.apply(bigPack('2', (i) => (i % 37 === 0 ? { body: `New ${i}` } : {})), { sourceUrl: null, now: 300 });
    const naive = (await templates.list()).sort((a, b) => b.updatedAt - a.updatedAt);
    for (const limit of [1, 5, 28, 40]) {
      const recent = await templates.recentlyEdited(limit);
      expect(recent.map((t) => t.updatedAt)).toEqual(naive.slice(0, limit).map((t) => t.updatedAt));
      expect(new Set(recent.map((t) => t.id)).size).toBe(limit);
    }
    expect((await templates.recentlyEdited(28)).filter((t) => t.updatedAt === 300)).toHaveLength(27);
  });

  it('counts pack replies and changes the change key when a pack changes or goes', async () => {
    const { templates, packs } = await setup();
    expect(await templates.count()).toBe(COUNT + 1);
    const first = await templates.changeKey();
    await packs.apply(bigPack('2', (i) => (i === 3 ? { title: 'Edited' } : {})), { sourceUrl: null, now: 700 });
    const second = await templates.changeKey();
    expect(second).not.toBe(first);
    await packs.remove('team');
    expect(await templates.count()).toBe(1);
    expect(await templates.changeKey()).not.toBe(second);
  });

  it('keeps use counts and favourites of pack replies apart, through updates, and drops them with the reply', async () => {
    const { db, templates, packs } = await setup();
    const id = packRowId('team', 'i10');
    await templates.recordUse(id, 150);
    await templates.recordUse(id, 160);
    await templates.setFavorite(id, true);
    await templates.recordUse(packRowId('team', 'missing'), 170);
    expect(await templates.get(id)).toMatchObject({ usageCount: 2, lastUsedAt: 160, favorite: true });
    expect(await db.packItemState.count()).toBe(1);
    await packs.apply(bigPack('2', (i) => (i === 10 ? { title: 'Renamed' } : {})), { sourceUrl: null, now: 200 });
    expect(await templates.get(id)).toMatchObject({ title: 'Renamed', usageCount: 2, favorite: true });
    await packs.apply(makePack({ version: '3' }, [item('i1')]), { sourceUrl: null, now: 300 });
    expect(await db.packItemState.count()).toBe(0);
    await templates.recordUse(packRowId('team', 'i1'), 310);
    await packs.remove('team');
    expect(await db.packItemState.count()).toBe(0);
  });

  it('skips pack replies in bulk tagging and deleting, counting each one', async () => {
    const { templates } = await setup();
    const ids = ['mine', packRowId('team', 'i1'), packRowId('team', 'i2')];
    const tagged = await templates.retagAll(ids, 'nuevo', 'add', 900);
    expect(tagged.skipped).toBe(2);
    expect((await templates.get(packRowId('team', 'i1')))?.tags).toEqual([]);
    const removed = await templates.removeAll(ids);
    expect([removed.before.map((t) => t.id), removed.skipped]).toEqual([['mine'], 2]);
    expect(await templates.get(packRowId('team', 'i2'))).toBeDefined();
  });

  it('finds the variants of a pack group, and a personal variant added to it', async () => {
    const db = freshDatabase();
    const templates = new TemplatesRepo(db);
    await new PacksRepo(db).apply(
      makePack({}, [item('a', { variantGroup: 'g', lang: 'es' }), item('b', { variantGroup: 'g', lang: 'en', variantLabel: 'en' }), item('c')]),
      { sourceUrl: null, now: 1 },
    );
    const group = 'pack:team:g';
    expect((await templates.variantsOf(group)).map((t) => t.packItemId).sort()).toEqual(['a', 'b']);
    const of = (await templates.get(packRowId('team', 'a')))!;
    const mine: Template = await templates.addVariant(of, { id: 'usted', title: 'Usted', body: 'Le', shortcut: '', tags: [], platforms: [], lang: 'es', source: 'personal', variantLabel: 'usted' }, 2);
    expect(mine.variantGroup).toBe(group);
    expect((await templates.variantsOf(group)).map((t) => t.id).sort()).toEqual(['pack:team:a', 'pack:team:b', 'usted']);
  });
});

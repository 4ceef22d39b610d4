// The side panel's first screenful is read without Dexie (src/shared/db/raw/first-screen.ts):
// these tests hold it to the repository's answer and to never creating or blocking the database.
import Dexie from 'dexie';
import { afterEach, describe, expect, it } from 'vitest';
import { SCHEMA_VERSION } from '../../src/shared/db/identity';
import { MIGRATIONS } from '../../src/shared/db/migrations';
import { readFirstScreen } from '../../src/shared/db/raw/first-screen';
import { PacksRepo } from '../../src/shared/db/repos/packs';
import { TemplatesRepo } from '../../src/shared/db/repos/templates';
import { TonoDatabase } from '../../src/shared/db/database';
import { closeDatabases, freshDatabase, item, makePack } from './pack-helpers';
import { personalDraft } from './test-db';

afterEach(closeDatabases);

async function library() {
  const db = freshDatabase();
  const templates = new TemplatesRepo(db);
  const packs = new PacksRepo(db);
  for (let i = 0; i < 30; i++) await templates.save(personalDraft({ id: `own${i}`, title: `Own ${i}`, body: `<b>${i}</b>`, shortcut: `o${i}` }), 1_000 + i * 10);
  const items = (version: string, edited: (i: number) => boolean) =>
    makePack({ version }, Array.from({ length: 600 }, (_, i) => item(`i${i}`, { shortcut: `p${i}`, ...(edited(i) ? { body: `v${version} ${i}` } : {}) })));
  await packs.apply(items('1', () => false), { sourceUrl: null, now: 1_100 });
  // Version 2 edits every 50th reply at t=1_145: they land among the personal ones.
  await packs.apply(items('2', (i) => i % 50 === 0), { sourceUrl: null, now: 1_145 });
  await templates.recordUse(`pack:team:i100`, 2_000);
  return { db, templates };
}

/** Runs `body` as in a browser without IDBIndex.getAllRecords (Firefox today). */
async function withoutGetAllRecords(body: () => Promise<void>): Promise<void> {
  const proto = IDBIndex.prototype as unknown as Record<string, unknown>;
  const saved = Object.getOwnPropertyDescriptor(proto, 'getAllRecords');
  expect(saved).toBeDefined();
  delete proto.getAllRecords;
  try {
    await body();
  } finally {
    Object.defineProperty(proto, 'getAllRecords', saved!);
  }
}

describe('first-screen read without Dexie', () => {
  it('gives the repository’s rows without getAllRecords too', { timeout: 30_000 }, async () => {
    const { db, templates } = await library();
    await withoutGetAllRecords(async () => {
      expect('getAllRecords' in IDBIndex.prototype).toBe(false);
      for (const limit of [1, 20, 40, 700]) {
        const raw = await readFirstScreen(limit, db.name);
        expect(raw?.map((t) => t.id)).toEqual((await templates.recentlyEdited(limit)).map((t) => t.id));
      }
    });
  });

  it('gives the same rows, in the same order, as the repository', { timeout: 30_000 }, async () => {
    const { db, templates } = await library();
    for (const limit of [1, 5, 20, 40, 700]) {
      const raw = await readFirstScreen(limit, db.name);
      const repo = await templates.recentlyEdited(limit);
      expect(raw?.map((t) => [t.id, t.updatedAt])).toEqual(repo.map((t) => [t.id, t.updatedAt]));
    }
    const raw = await readFirstScreen(40, db.name);
    // Pack rows come with the member's own state, and bodies stay text.
    expect(raw?.find((t) => t.id === 'pack:team:i100')).toMatchObject({ source: 'pack', packId: 'team', usageCount: 1, lastUsedAt: 2_000 });
    expect(raw?.find((t) => t.id === 'own29')?.body).toBe('<b>29</b>');
  });

  it('answers null, and creates nothing, when the database does not exist', async () => {
    const name = `tono-missing-${crypto.randomUUID()}`;
    expect(await readFirstScreen(40, name)).toBeNull();
    expect((await indexedDB.databases()).map((info) => info.name)).not.toContain(name);
  });

  it('answers null on an older schema and leaves the upgrade to Dexie, unblocked', async () => {
    const name = `tono-old-${crypto.randomUUID()}`;
    const old = new TonoDatabase(name, MIGRATIONS.slice(0, 3));
    await old.open();
    old.close();
    expect(await readFirstScreen(40, name)).toBeNull();
    const current = new TonoDatabase(name);
    await current.open();
    expect(current.verno).toBe(SCHEMA_VERSION);
    current.close();
    await Dexie.delete(name);
  });

  it('knows the newest migration', () => {
    expect(MIGRATIONS.at(-1)!.version).toBe(SCHEMA_VERSION);
  });
});

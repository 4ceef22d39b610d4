import Dexie from 'dexie';
import { afterEach, describe, expect, it } from 'vitest';
import { TonoDatabase } from '../../src/shared/db/database';
import { MIGRATIONS } from '../../src/shared/db/migrations';
import { PacksRepo } from '../../src/shared/db/repos/packs';
import { makePack } from './pack-helpers';

const names: string[] = [];
const opened: Dexie[] = [];
afterEach(async () => {
  for (const db of opened.splice(0)) db.close();
  for (const name of names.splice(0)) await Dexie.delete(name);
});

const V2_ROW = {
  id: 't1',
  title: 'Devolución',
  body: 'Hola',
  shortcut: 'devolucion',
  tags: ['soporte'],
  platforms: [],
  lang: 'es',
  source: 'personal',
  searchText: 'devolucion hola devolucion soporte',
  usageCount: 2,
  lastUsedAt: 10,
  createdAt: 1,
  updatedAt: 2,
};

describe('003: team packs', () => {
  it('keeps version-2 templates as they were and adds the pack tables and the packId index', async () => {
    const name = `tono-pack-migration-${crypto.randomUUID()}`;
    names.push(name);
    const upTo2 = MIGRATIONS.findIndex((m) => m.version === 2) + 1;
    const old = new TonoDatabase(name, MIGRATIONS.slice(0, upTo2));
    opened.push(old);
    await old.open();
    await old.table('templates').add(V2_ROW);
    old.close();

    const db = new TonoDatabase(name);
    opened.push(db);
    await db.open();
    expect(await db.templates.get('t1')).toEqual(V2_ROW);
    expect(db.tables.map((t) => t.name)).toEqual(expect.arrayContaining(['packs', 'packSubscriptions', 'packExports']));
    expect(db.templates.schema.indexes.map((i) => i.name)).toContain('packId');
    // A personal row has no packId, so it stays out of every pack's index range.
    expect(await db.templates.where('packId').equals('t1').count()).toBe(0);

    const repo = new PacksRepo(db);
    await repo.apply(makePack(), { sourceUrl: null, now: 5 });
    expect((await repo.items('team')).length).toBe(2);
    expect(await db.templates.get('t1')).toEqual(V2_ROW);
  });
});

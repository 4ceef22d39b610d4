import Dexie from 'dexie';
import { afterEach, describe, expect, it } from 'vitest';
import { TonoDatabase } from '../../src/shared/db/database';
import { MIGRATIONS } from '../../src/shared/db/migrations';
import { TemplatesRepo } from '../../src/shared/db/repos/templates';
import { StatsRepo } from '../../src/shared/db/repos/stats';
import type { StoredRollup } from '../../src/shared/domain/stats/rollup-codec';
import { foldText } from '../../src/shared/domain/text';

const LATEST = MIGRATIONS[MIGRATIONS.length - 1]?.version ?? 0;

const opened: Dexie[] = [];
const names: string[] = [];
function uniqueName(): string {
  const name = `tono-migration-test-${crypto.randomUUID()}`;
  names.push(name);
  return name;
}
function track<T extends Dexie>(db: T): T {
  opened.push(db);
  return db;
}

afterEach(async () => {
  for (const db of opened.splice(0)) db.close();
  for (const name of names.splice(0)) await Dexie.delete(name);
});

const replyEvent = (n: number) => ({
  id: `00000000-0000-4000-8000-00000000000${n}`,
  platform: 'x',
  account: n % 2 ? '@marca' : null,
  threadHash: n % 2 ? 'ab'.repeat(32) : null,
  commentAt: 1_700_000_000_000 + n,
  commentPrecision: 'exact',
  firstFocusAt: null,
  submittedAt: 1_700_000_600_000 + n,
  templateId: null,
  responseSeconds: 600,
  handleSeconds: null,
});

/**
 * Rows as they were written at a given schema version, keyed by that version. A version without
 * its own fixture uses the closest earlier one, so a new migration is covered for "no rows lost"
 * without touching this file; add a fixture when a migration changes row shapes.
 */
const FIXTURES: Record<number, (db: Dexie) => Promise<void>> = {
  1: async (db) => {
    await db.table('templates').bulkAdd([
      {
        id: 't1',
        title: 'Devolución',
        body: 'Hola {{firstName|}}, tramitamos tu DEVOLUCIÓN.',
        shortcut: 'devolucion',
        tags: ['Soporte', 'Pedidos'],
        platforms: [],
        createdAt: 1,
        updatedAt: 2,
      },
      {
        id: 't2',
        title: 'Thanks',
        body: 'Thanks!',
        shortcut: 'thanks',
        tags: [],
        platforms: ['x'],
        lang: 'en',
        createdAt: 3,
        updatedAt: 4,
      },
      // A row with some fields already set and no tags field at all.
      { id: 't3', title: 'Año', body: 'Ñandú', shortcut: 'ano', usageCount: 5, lastUsedAt: 9, createdAt: 5, updatedAt: 6 },
    ]);
    await db.table('replyEvents').bulkAdd([replyEvent(1), replyEvent(2), replyEvent(3)]);
  },
  2: async (db) => {
    await db.table('templates').bulkAdd([
      {
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
      },
    ]);
    await db.table('replyEvents').bulkAdd([replyEvent(1), replyEvent(2)]);
    await db.table('settings').bulkAdd([
      { key: 'seededAt', value: 123 },
      { key: 'agentName', value: 'Lucía' },
    ]);
  },
  // 003 adds team packs: one installed pack row, its template row, a subscription and an export.
  3: async (db) => {
    await FIXTURES[2]?.(db);
    await db.table('templates').add({
      id: 'pack:acme:gracias', title: 'Gracias', body: '¡Gracias!', shortcut: 'gracias', tags: [], platforms: [], lang: 'es',
      source: 'pack', packId: 'acme', packItemId: 'gracias', searchText: 'gracias ¡gracias! gracias', usageCount: 0,
      lastUsedAt: null, createdAt: 3, updatedAt: 3,
    });
    const pack = { id: 'acme', name: 'ACME', version: '1', updatedAt: '2026-11-22T10:00:00Z', guidelines: [], rules: [] };
    await db.table('packs').add({ ...pack, templateCount: 1, sourceUrl: 'https://acme.example/p.json', installedAt: 3, appliedAt: 3 });
    await db.table('packSubscriptions').add({
      url: 'https://acme.example/p.json', packId: 'acme', etag: '"1"', bodyHash: 'ab', status: 'ok', error: null,
      lastAttemptAt: 3, lastSuccessAt: 3, lastChangeAt: 3, createdAt: 3,
    });
    await db.table('packExports').add({ id: 'acme', pack: { format: 'tono-pack', formatVersion: 1, ...pack, templates: [] }, exportedAt: 3 });
  },
  // 004 adds daily rollups; the two templates carry variant fields (unindexed until 005).
  4: async (db) => {
    await FIXTURES[3]?.(db);
    await db.table('statRollups').add({ key: 'day|2026-11-22|x|', kind: 'day', day: '2026-11-22', platform: 'x', account: null, count: 1, withTemplate: 0, templates: {}, sums: new Float64Array(0) });
    await db.table('templates').bulkPut([
      { id: 'v-es', title: 'Envío', body: 'Tu pedido sale hoy.', shortcut: 'envio', tags: [], platforms: [], lang: 'es', source: 'personal', searchText: 'envio', usageCount: 0, lastUsedAt: null, createdAt: 4, updatedAt: 4, variantGroup: 'g1', variantLabel: '' },
      { id: 'v-en', title: 'Shipping', body: 'Your order ships today.', shortcut: '', tags: [], platforms: [], lang: 'en', source: 'personal', searchText: 'shipping', usageCount: 0, lastUsedAt: null, createdAt: 4, updatedAt: 4, variantGroup: 'g1', variantLabel: 'en' },
    ]);
  },
  // 006 keeps pack replies in chunks and what the member did with them in packItemState.
  6: async (db) => {
    await FIXTURES[4]?.(db);
    await db.table('templates').delete('pack:acme:gracias');
    await db.table('packChunks').add({
      id: 'acme:0',
      packId: 'acme',
      items: [{ itemId: 'gracias', title: 'Gracias', body: '¡Gracias!', shortcut: 'gracias', tags: [], platforms: [], lang: 'es', searchText: 'gracias ¡gracias! gracias', createdAt: 3, updatedAt: 3 }],
      shortcuts: ['gracias'],
      variantGroups: [],
      updatedAt: 3,
    });
    await db.table('packItemState').add({ id: 'pack:acme:gracias', usageCount: 2, lastUsedAt: 6 });
    await db.table('packs').update('acme', { chunkCount: 1 });
  },
};

function fixtureFor(version: number): (db: Dexie) => Promise<void> {
  const candidates = Object.keys(FIXTURES)
    .map(Number)
    .filter((v) => v <= version)
    .sort((a, b) => b - a);
  const best = candidates[0];
  if (best === undefined) throw new Error(`No fixture for schema version ${version}`);
  return FIXTURES[best] as (db: Dexie) => Promise<void>;
}

async function snapshot(db: Dexie): Promise<Map<string, unknown[]>> {
  const rows = new Map<string, unknown[]>();
  for (const table of db.tables) rows.set(table.name, await table.toArray());
  return rows;
}

describe('migration list', () => {
  it('has strictly increasing integer versions starting at 1', () => {
    expect(MIGRATIONS.length).toBeGreaterThan(0);
    expect(MIGRATIONS[0]?.version).toBe(1);
    MIGRATIONS.forEach((migration, index) => {
      expect(Number.isInteger(migration.version)).toBe(true);
      if (index > 0) expect(migration.version).toBeGreaterThan(MIGRATIONS[index - 1]?.version ?? Infinity);
    });
  });

  it('opens a fresh database at the latest version with every table', async () => {
    const db = track(new TonoDatabase(uniqueName()));
    await db.open();
    expect(db.verno).toBe(LATEST);
    expect(db.tables.map((t) => t.name)).toEqual(expect.arrayContaining(['replyEvents', 'settings', 'templates']));
  });

  it.each(Object.keys(FIXTURES).map(Number))('fixture for version %i applies to a database at that version', async (version) => {
    const count = MIGRATIONS.findIndex((m) => m.version === version) + 1;
    expect(count, `migration ${version} exists`).toBeGreaterThan(0);
    const db = track(new TonoDatabase(uniqueName(), MIGRATIONS.slice(0, count)));
    await db.open();
    await fixtureFor(version)(db);
    for (const table of db.tables) expect(await table.count(), table.name).toBeGreaterThan(0);
  });
});

describe.each(MIGRATIONS.slice(0, -1).map((m, index) => [m.version, index + 1] as const))(
  'upgrade from schema version %i',
  (version, count) => {
    it('loses no rows in any table', async () => {
      const name = uniqueName();
      const old = track(new TonoDatabase(name, MIGRATIONS.slice(0, count)));
      await old.open();
      expect(old.verno).toBe(version);
      await fixtureFor(version)(old);
      const before = await snapshot(old);
      // From 006 on, pack replies live in chunks: count them as replies, as the app reads them.
      const chunks = (before.get('packChunks') ?? []) as { packId: string; items: { itemId: string }[] }[];
      const packReplies = chunks.flatMap((chunk) => chunk.items.map((item) => ({ id: `pack:${chunk.packId}:${item.itemId}` })));
      before.set('templates', [...(before.get('templates') ?? []), ...packReplies]);
      old.close();

      const db = track(new TonoDatabase(name));
      await db.open();
      expect(db.verno).toBe(LATEST);
      // Released migrations only mark derived stats stale; the live code derives them on first use.
      await new StatsRepo(db).ensureCurrent();
      const after = await snapshot(db);
      // The staleness marker is the one settings row an upgrade may add.
      after.set('settings', ((after.get('settings') ?? []) as { key: string }[]).filter((row) => row.key !== 'responseTimeApplied' || before.get('settings')?.some((old) => (old as { key: string }).key === row.key)));
      // Replies may change tables (006 moved pack replies into chunks): count them as the app reads them.
      after.set('templates', await new TemplatesRepo(db).list());
      for (const [table, rows] of before) {
        expect(after.has(table), `table ${table} still exists`).toBe(true);
        // Rollups are derived from the events and 007 rebuilds them: they must add up, not match row for row.
        if (table === 'statRollups') continue;
        expect(after.get(table)?.length, `rows in ${table}`).toBe(rows.length);
        const keyPath = db.table(table).schema.primKey.keyPath as string;
        const ids = (r: unknown[]) => r.map((row) => JSON.stringify(Dexie.getByKeyPath(row as object, keyPath))).sort();
        expect(ids(after.get(table) ?? []), `keys in ${table}`).toEqual(ids(rows));
      }
      for (const table of before.keys()) expect(before.get(table)?.length, `fixture rows in ${table}`).toBeGreaterThan(0);
      const events = await db.table('replyEvents').count();
      const byKind = (kind: string) => (after.get('statRollups') as StoredRollup[]).filter((r) => r.kind === kind).reduce((n, r) => n + r.count, 0);
      expect([byKind('p'), byKind('a')]).toEqual([events, events]);
    });
  },
);

describe('005: variant groups are indexed', () => {
  it('finds the variants written before the index existed by their group', async () => {
    const name = uniqueName();
    const old = track(new TonoDatabase(name, MIGRATIONS.filter((m) => m.version <= 4)));
    await old.open();
    await fixtureFor(4)(old);
    old.close();
    const db = track(new TonoDatabase(name));
    await db.open();
    expect((await new TemplatesRepo(db).variantsOf('g1')).map((t) => t.id).sort()).toEqual(['v-en', 'v-es']);
  });
});

describe('006: pack replies move into chunks', () => {
  const packRow = (pack: string, i: number, extra: Record<string, unknown> = {}) => ({
    id: `pack:${pack}:item-${i}`, title: `Reply ${i}`, body: `Body ${i}`, shortcut: `r${i}`, tags: ['t'], platforms: [], lang: 'es',
    source: 'pack', packId: pack, packItemId: `item-${i}`, searchText: `reply ${i} body ${i} r${i} t`, usageCount: 0,
    lastUsedAt: null, createdAt: 10 + i, updatedAt: 20 + i, ...extra,
  });

  async function upgradedFromV5() {
    const name = uniqueName();
    const old = track(new TonoDatabase(name, MIGRATIONS.filter((m) => m.version <= 5)));
    await old.open();
    const rows = Array.from({ length: 450 }, (_, i) =>
      packRow('acme', i, i === 7 ? { usageCount: 4, lastUsedAt: 99 } : i === 8 ? { favorite: true } : i === 9 ? { variantGroup: 'pack:acme:g', variantLabel: 'usted' } : {}),
    );
    await old.table('templates').bulkAdd([...rows, packRow('gone', 1), { ...packRow('x', 0), id: 'mine', source: 'personal', packId: null, packItemId: undefined }]);
    await old.table('packs').add({ id: 'acme', name: 'ACME', version: '1', updatedAt: '2026-11-22T10:00:00Z', guidelines: [], rules: [], templateCount: 450, sourceUrl: null, installedAt: 1, appliedAt: 1 });
    old.close();
    const db = track(new TonoDatabase(name));
    await db.open();
    return { db, rows };
  }

  it('leaves only personal rows (and rows of a pack that no longer exists) in templates', async () => {
    const { db } = await upgradedFromV5();
    expect((await db.templates.toCollection().primaryKeys()).sort()).toEqual(['mine', 'pack:gone:item-1']);
    expect(await db.packChunks.count()).toBe(3);
    expect((await db.packs.get('acme'))?.chunkCount).toBe(3);
  });

  it('reads every moved reply back exactly, with the member’s use counts and favourites', async () => {
    const { db, rows } = await upgradedFromV5();
    const repo = new TemplatesRepo(db);
    const listed = new Map((await repo.list()).map((t) => [t.id, t]));
    expect(listed.size).toBe(452);
    for (const row of rows) expect(listed.get(row.id)).toEqual(row);
    expect(await repo.get('pack:acme:item-7')).toMatchObject({ usageCount: 4, lastUsedAt: 99 });
    expect(await repo.get('pack:acme:item-8')).toMatchObject({ favorite: true });
    expect((await repo.findByShortcut('r300'))?.id).toBe('pack:acme:item-300');
    expect((await repo.variantsOf('pack:acme:g')).map((t) => t.variantLabel)).toEqual(['usted']);
    expect(await db.packItemState.count()).toBe(2);
  });
});

describe('002: search text, language and usage defaults', () => {
  async function upgradedFromV1(): Promise<TonoDatabase> {
    const name = uniqueName();
    const old = track(new TonoDatabase(name, MIGRATIONS.slice(0, 1)));
    await old.open();
    await fixtureFor(1)(old);
    old.close();
    const db = track(new TonoDatabase(name));
    await db.open();
    return db;
  }

  it('adds a folded searchText built from title, body, shortcut and tags', async () => {
    const db = await upgradedFromV1();
    const t1 = await db.templates.get('t1');
    expect(t1?.searchText).toBe(foldText('Devolución Hola {{firstName|}}, tramitamos tu DEVOLUCIÓN. devolucion Soporte Pedidos'));
    expect(t1?.searchText).toContain('devolucion');
    expect(t1?.searchText).not.toMatch(/[A-ZÁÉÍÓÚÑ]/);
    expect((await db.templates.get('t3'))?.searchText).toBe('ano nandu ano');
  });

  it("defaults lang to 'es', source to 'personal', usageCount to 0 and lastUsedAt to null", async () => {
    const db = await upgradedFromV1();
    expect(await db.templates.get('t1')).toMatchObject({
      lang: 'es',
      source: 'personal',
      usageCount: 0,
      lastUsedAt: null,
    });
  });

  it('keeps values that were already set and every other field', async () => {
    const db = await upgradedFromV1();
    expect(await db.templates.get('t2')).toMatchObject({
      lang: 'en',
      title: 'Thanks',
      body: 'Thanks!',
      shortcut: 'thanks',
      platforms: ['x'],
      createdAt: 3,
      updatedAt: 4,
    });
    expect(await db.templates.get('t3')).toMatchObject({ usageCount: 5, lastUsedAt: 9 });
  });

  it('leaves reply events exactly as they were', async () => {
    const db = await upgradedFromV1();
    // toMatchObject: 004 adds business-hours durations, every original field stays as it was.
    const events = await db.replyEvents.orderBy('submittedAt').toArray();
    expect(events).toHaveLength(3);
    [replyEvent(1), replyEvent(2), replyEvent(3)].forEach((event, i) => expect(events[i]).toMatchObject(event));
  });

  it('gives every row a language and makes the settings table usable', async () => {
    const db = await upgradedFromV1();
    // 002 also indexed `lang`; 006 dropped that index, which nothing queried.
    expect((await db.templates.toArray()).filter((t) => t.lang === 'es').map((t) => t.id).sort()).toEqual(['t1', 't3']);
    // The only row: 004/007's marker that the stats are not yet derived.
    expect((await db.settings.toArray()).map((row) => row.key)).toEqual(['responseTimeApplied']);
    await db.settings.put({ key: 'agentName', value: 'Lucía' });
    expect(await db.settings.get('agentName')).toEqual({ key: 'agentName', value: 'Lucía' });
  });

  it('keeps upgraded templates findable by shortcut', async () => {
    const db = await upgradedFromV1();
    expect((await new TemplatesRepo(db).findByShortcut('Devolución'))?.id).toBe('t1');
  });
});

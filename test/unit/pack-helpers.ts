import Dexie from 'dexie';
import { TonoDatabase } from '../../src/shared/db/database';
import type { Pack, PackTemplate } from '../../src/shared/domain/pack';

/** A fresh database per test, deleted afterwards by `closeDatabases`. */
const open: TonoDatabase[] = [];
export function freshDatabase(): TonoDatabase {
  const db = new TonoDatabase(`tono-pack-test-${crypto.randomUUID()}`);
  open.push(db);
  return db;
}
export async function closeDatabases(): Promise<void> {
  for (const db of open.splice(0)) {
    db.close();
    await Dexie.delete(db.name);
  }
}

export const item = (id: string, patch: Partial<PackTemplate> = {}): PackTemplate => ({
  id,
  title: `Title ${id}`,
  body: `Body of ${id}`,
  shortcut: id,
  tags: [],
  platforms: [],
  lang: 'es',
  ...patch,
});

export const makePack = (patch: Partial<Pack> = {}, templates: PackTemplate[] = [item('a'), item('b')]): Pack => ({
  format: 'tono-pack',
  formatVersion: 1,
  id: 'team',
  name: 'Team',
  version: '1',
  updatedAt: '2026-11-22T10:00:00Z',
  guidelines: [{ id: 'voz', title: 'Voz', body: 'Cercana' }],
  rules: [],
  templates,
  ...patch,
});

/** Every row of every table, for "nothing changed" assertions. */
export async function snapshot(db: TonoDatabase): Promise<Record<string, unknown[]>> {
  const result: Record<string, unknown[]> = {};
  for (const table of db.tables) result[table.name] = await table.toArray();
  return result;
}

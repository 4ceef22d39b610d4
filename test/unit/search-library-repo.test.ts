import Dexie from 'dexie';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { TonoDatabase } from '../../src/shared/db/database';
import { TemplatesRepo, type TemplateDraft } from '../../src/shared/db/repos/templates';
import { TemplateSearch } from '../../src/shared/domain/search/template-search';

let db: TonoDatabase;
let repo: TemplatesRepo;
let name: string;

beforeEach(async () => {
  name = `tono-library-test-${crypto.randomUUID()}`;
  db = new TonoDatabase(name);
  await db.open();
  repo = new TemplatesRepo(db);
});

afterEach(async () => {
  db.close();
  await Dexie.delete(name);
});

const draft = (id: string, overrides: Partial<TemplateDraft> = {}): TemplateDraft => ({
  id,
  title: `Respuesta ${id}`,
  body: 'Hola {{firstName|}}, gracias por escribir.',
  shortcut: '',
  tags: [],
  platforms: [],
  lang: 'es',
  source: 'personal',
  ...overrides,
});

describe('library editing in the repository', () => {
  it('finds who owns a shortcut, ignoring the template being edited and case/accents', async () => {
    await repo.save(draft('a', { shortcut: 'Envío' }));
    expect((await repo.shortcutOwner(' ENVIO '))?.id).toBe('a');
    expect(await repo.shortcutOwner('envio', 'a')).toBeUndefined();
    expect(await repo.shortcutOwner('')).toBeUndefined();
  });

  it('removes and restores a template exactly, usage included', async () => {
    await repo.save(draft('a'), 1000);
    await repo.recordUse('a', 2000);
    const before = (await repo.get('a'))!;
    await repo.remove('a');
    expect(await repo.get('a')).toBeUndefined();
    await repo.restore(before);
    expect(await repo.get('a')).toEqual(before);
  });

  it('keeps a favourite through later edits and lists it first in search', async () => {
    await repo.save(draft('a'), 1000);
    await repo.save(draft('b'), 2000);
    await repo.setFavorite('a', true);
    const edited = (await repo.get('a'))!;
    await repo.save({ ...edited, title: 'Editada' }, 3000);
    expect((await repo.get('a'))?.favorite).toBe(true);
    expect(new TemplateSearch(await repo.list()).search('').map((t) => t.id)).toEqual(['a', 'b']);
  });

  it('reads the most recently edited first screen through the index', async () => {
    for (let i = 0; i < 5; i++) await repo.save(draft(`t${i}`), 1000 + i);
    expect((await repo.recentlyEdited(2)).map((t) => t.id)).toEqual(['t4', 't3']);
  });
});

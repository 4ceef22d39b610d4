import { describe, expect, it, vi } from 'vitest';
import { TonoDatabase } from '../../src/shared/db/database';
import { TemplatesRepo, type TemplateDraft } from '../../src/shared/db/repos/templates';
import { TemplateSearch } from '../../src/shared/domain/search/template-search';

function draft(id: string, fields: Partial<TemplateDraft> = {}): TemplateDraft {
  return { id, title: `Respuesta ${id}`, body: 'Hola', shortcut: '', tags: [], platforms: [], lang: 'es', source: 'personal', ...fields };
}

async function library() {
  const db = new TonoDatabase(`bulk-${Math.random()}`);
  const repo = new TemplatesRepo(db);
  await repo.saveAll([
    draft('a', { tags: ['envios'] }),
    draft('b'),
    draft('c', { tags: ['pagos'] }),
    draft('pack:acme:d', { source: 'pack', packId: 'acme', packItemId: 'd' }),
  ], 1000);
  return { db, repo };
}

describe('bulk actions in the templates repository', () => {
  it('adds a tag to personal replies only, keeps search text in step, and says how many pack rows it skipped', async () => {
    const { repo } = await library();
    const outcome = await repo.retagAll(['a', 'b', 'pack:acme:d', 'missing'], 'urgente', 'add', 2000);
    expect(outcome.skipped).toBe(1);
    expect(outcome.before.map((t) => t.id).sort()).toEqual(['a', 'b']);
    expect((await repo.get('a'))?.tags).toEqual(['envios', 'urgente']);
    expect((await repo.get('b'))?.updatedAt).toBe(2000);
    expect((await repo.get('pack:acme:d'))?.tags).toEqual([]);
    const found = new TemplateSearch(await repo.list()).search('urgente').map((t) => t.id).sort();
    expect(found).toEqual(['a', 'b']);
  });

  it('removes a tag only where present; untouched rows keep their edit time', async () => {
    const { repo } = await library();
    const outcome = await repo.retagAll(['a', 'b', 'c'], 'envios', 'remove', 2000);
    expect(outcome.before.map((t) => t.id)).toEqual(['a']);
    expect((await repo.get('a'))?.tags).toEqual([]);
    expect((await repo.get('c'))?.updatedAt).toBe(1000);
  });

  it('deletes personal replies and undoes the deletion exactly', async () => {
    const { repo } = await library();
    const originals = await repo.list();
    const outcome = await repo.removeAll(['a', 'c', 'pack:acme:d']);
    expect(outcome.skipped).toBe(1);
    expect((await repo.list()).map((t) => t.id).sort()).toEqual(['b', 'pack:acme:d']);
    await repo.restoreAll(outcome.before);
    expect((await repo.list()).sort((x, y) => x.id.localeCompare(y.id))).toEqual(originals.sort((x, y) => x.id.localeCompare(y.id)));
  });

  it('is atomic: when one write fails, no row changes', async () => {
    const { db, repo } = await library();
    const bulkDelete = db.templates.bulkDelete.bind(db.templates);
    // The first row is really written, then the call fails: the transaction must undo that write.
    const fail = (): never => {
      throw new Error('disk full');
    };
    vi.spyOn(db.templates, 'bulkDelete').mockImplementation((keys) => bulkDelete(keys.slice(0, 1)).then(fail));
    await expect(repo.removeAll(['a', 'b'])).rejects.toThrow('disk full');
    expect((await repo.list()).map((t) => t.id).sort()).toEqual(['a', 'b', 'c', 'pack:acme:d']);

    const bulkPut = db.templates.bulkPut.bind(db.templates);
    vi.spyOn(db.templates, 'bulkPut').mockImplementation((rows) => bulkPut(rows.slice(0, 1)).then(fail));
    await expect(repo.retagAll(['a', 'b'], 'urgente', 'add')).rejects.toThrow('disk full');
    expect((await repo.get('a'))?.tags).toEqual(['envios']);
  });
});

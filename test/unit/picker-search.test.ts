import { describe, expect, it, vi } from 'vitest';
import { PICKER_LIMIT, PickerSearch } from '../../src/background/picker-search';
import { TonoDatabase } from '../../src/shared/db/database';
import { TemplatesRepo } from '../../src/shared/db/repos/templates';

async function library(count: number) {
  const db = new TonoDatabase(`picker-${Math.random()}`);
  const repo = new TemplatesRepo(db);
  await repo.saveAll(
    Array.from({ length: count }, (_, i) => ({
      id: `t${i}`,
      title: i === 7 ? 'Estado del pedido y envío' : `Respuesta ${i}`,
      body: `${'Texto largo '.repeat(30)} ${i}`,
      shortcut: `r${i}`,
      tags: i === 7 ? ['pedidos'] : [],
      platforms: [],
      lang: 'es' as const,
      source: 'personal' as const,
    })),
  );
  return { db, repo, picker: new PickerSearch(repo) };
}

describe('picker search in the worker', () => {
  it('answers a screenful at most, with short previews, never the library', async () => {
    const { db, picker } = await library(50);
    const items = await picker.search('respuesta', undefined);
    expect(items).toHaveLength(PICKER_LIMIT);
    for (const item of items) expect(item.preview.length).toBeLessThanOrEqual(140);
    expect(Object.keys(items[0]!).sort()).toEqual(['id', 'preview', 'shortcut', 'title']);
    db.close();
  });

  it('ranks for the comment when nothing is typed, and follows library changes', async () => {
    const { db, repo, picker } = await library(20);
    expect((await picker.search('', '¿Cuándo llega mi pedido?'))[0]!.id).toBe('t7');
    await repo.save({ id: 'nuevo', title: 'Devoluciones', body: 'Cómo devolver', shortcut: 'dev', tags: [], platforms: [], lang: 'es', source: 'personal' }, Date.now() + 1000);
    expect((await picker.search('devolucion', undefined))[0]!.id).toBe('nuevo');
    db.close();
  });

  it('reads the library only when it changed, and sees an edit that keeps the count', async () => {
    const { db, repo, picker } = await library(20);
    const list = vi.spyOn(repo, 'list');
    await picker.search('respuesta', undefined);
    await picker.search('respuesta 1', undefined);
    expect(list).toHaveBeenCalledTimes(1);
    const edited = (await repo.get('t3'))!;
    await repo.save({ ...edited, title: 'Garantía y reparaciones' }, Date.now() + 5000);
    expect((await picker.search('garantia', undefined))[0]!.id).toBe('t3');
    expect(list).toHaveBeenCalledTimes(2);
    db.close();
  });
});

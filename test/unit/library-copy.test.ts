import { describe, expect, it, vi } from 'vitest';
import { TonoDatabase } from '../../src/shared/db/database';
import { PacksRepo } from '../../src/shared/db/repos/packs';
import { TemplatesRepo } from '../../src/shared/db/repos/templates';
import type { Template } from '../../src/shared/db/types';
import { item, makePack } from './pack-helpers';
import { saveFields } from '../../src/sidepanel/replies/use-library-actions';

// The panel code reads UI strings through the extension API, absent in Node.
vi.mock('../../src/shared/browser', () => ({ browser: { i18n: { getMessage: (key: string) => key } } }));

describe('duplicating a team-pack reply from the side panel', () => {
  it('remembers the original, so a later team change is reported to the member', async () => {
    const db = new TonoDatabase(`copy-${Math.random()}`);
    const repo = new TemplatesRepo(db);
    const packs = new PacksRepo(db);
    const team = (body: string, version: string) => makePack({ id: 'acme', version }, [item('gracias', { title: 'Agradecer', body, shortcut: 'gracias' })]);
    await packs.apply(team('¡Gracias!', '1'), { sourceUrl: null });
    const original = (await repo.get('pack:acme:gracias'))!;
    expect(original).toMatchObject({ source: 'pack', packId: 'acme', packItemId: 'gracias' });
    const error = await saveFields(
      repo,
      { kind: 'new', from: original },
      { title: 'Mi copia', body: '¡Gracias de verdad!', shortcut: 'gracias2', tags: [], lang: 'es', platforms: [], variantLabel: '' },
      { updatedAt: null },
    );
    expect(error).toBeNull();
    const copy = (await db.templates.toArray()).find((t: Template) => t.source === 'personal')!;
    expect(copy.copiedFrom).toMatchObject({ packId: 'acme', itemId: 'gracias' });

    expect(await packs.changedOriginals()).toEqual([]);
    await packs.apply(team('¡Muchas gracias!', '2'), { sourceUrl: null });
    expect((await packs.changedOriginals()).map((c) => c.copy.id)).toEqual([copy.id]);
    db.close();
  });
});

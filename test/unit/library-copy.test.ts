import { describe, expect, it, vi } from 'vitest';
import { TonoDatabase } from '../../src/shared/db/database';
import { PacksRepo } from '../../src/shared/db/repos/packs';
import { TemplatesRepo } from '../../src/shared/db/repos/templates';
import type { Template } from '../../src/shared/db/types';
import { saveFields } from '../../src/sidepanel/replies/use-library-actions';

// The panel code reads UI strings through the extension API, absent in Node.
vi.mock('../../src/shared/browser', () => ({ browser: { i18n: { getMessage: (key: string) => key } } }));

describe('duplicating a team-pack reply from the side panel', () => {
  it('remembers the original, so a later team change is reported to the member', async () => {
    const db = new TonoDatabase(`copy-${Math.random()}`);
    const repo = new TemplatesRepo(db);
    const original = await repo.save({
      id: 'pack:acme:gracias',
      title: 'Agradecer',
      body: '¡Gracias!',
      shortcut: 'gracias',
      tags: [],
      platforms: [],
      lang: 'es',
      source: 'pack',
      packId: 'acme',
      packItemId: 'gracias',
    });
    const error = await saveFields(
      repo,
      { kind: 'new', from: original },
      { title: 'Mi copia', body: '¡Gracias de verdad!', shortcut: 'gracias2', tags: [], lang: 'es', platforms: [], variantLabel: '' },
      { updatedAt: null },
    );
    expect(error).toBeNull();
    const copy = (await db.templates.toArray()).find((t: Template) => t.source === 'personal')!;
    expect(copy.copiedFrom).toMatchObject({ packId: 'acme', itemId: 'gracias' });

    const packs = new PacksRepo(db);
    expect(await packs.changedOriginals()).toEqual([]);
    await db.templates.update('pack:acme:gracias', { body: '¡Muchas gracias!' });
    expect((await packs.changedOriginals()).map((c) => c.copy.id)).toEqual([copy.id]);
    db.close();
  });
});

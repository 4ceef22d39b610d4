import { afterEach, describe, expect, it } from 'vitest';
import { PacksRepo, packRowId } from '../../src/shared/db/repos/packs';
import { TemplatesRepo } from '../../src/shared/db/repos/templates';
import { parsePackValue, serializePack, parsePackText } from '../../src/shared/domain/pack';
import { variantGroups } from '../../src/shared/domain/variants';
import { closeDatabases, freshDatabase, item, makePack } from './pack-helpers';

afterEach(closeDatabases);

describe('language variants in team packs', () => {
  const pack = makePack({ id: 'acme' }, [
    item('envio-es', { variantGroup: 'envio', body: 'Tu pedido sale hoy.' }),
    item('envio-en', { variantGroup: 'envio', lang: 'en', body: 'Your order ships today.' }),
    item('envio-usted', { variantGroup: 'envio', variantLabel: 'usted', body: 'Su pedido sale hoy.' }),
    item('solo'),
  ]);

  it('parses, validates and round-trips the variant fields', () => {
    const parsed = parsePackValue(JSON.parse(serializePack(pack)));
    expect(parsed.ok).toBe(true);
    if (!parsed.ok) return;
    expect(parsed.value.templates.map((t) => [t.id, t.variantGroup, t.variantLabel])).toEqual([
      ['envio-es', 'envio', undefined],
      ['envio-en', 'envio', undefined],
      ['envio-usted', 'envio', 'usted'],
      ['solo', undefined, undefined],
    ]);
    const bad = parsePackText(serializePack(pack).replace('"variantGroup": "envio"', '"variantGroup": "no spaces allowed"'));
    expect(bad.ok).toBe(false);
  });

  it('installs a pack’s variants as one group of its own, and exports personal variants back', async () => {
    const db = freshDatabase();
    const packs = new PacksRepo(db);
    await packs.apply(pack, { sourceUrl: null, now: 1 });
    const templates = new TemplatesRepo(db);
    const rows = await templates.variantsOf('pack:acme:envio');
    expect(rows.map((t) => t.id).sort()).toEqual([packRowId('acme', 'envio-en'), packRowId('acme', 'envio-es'), packRowId('acme', 'envio-usted')]);
    expect([...variantGroups(await templates.list()).keys()]).toEqual(['pack:acme:envio']);

    const mine = await templates.save({ id: 'gracias', title: 'Gracias', body: 'Gracias', shortcut: '', tags: [], platforms: [], lang: 'es', source: 'personal' });
    await templates.addVariant(mine, { id: 'thanks', title: 'Thanks', body: 'Thanks', shortcut: '', tags: [], platforms: [], lang: 'en', source: 'personal', variantLabel: 'en-GB' });
    const exported = (await packs.libraryTemplates()).filter((t) => t.variantGroup);
    expect(exported.map((t) => [t.id, t.variantGroup, t.variantLabel])).toEqual(
      expect.arrayContaining([
        ['gracias', 'gracias', undefined],
        ['thanks', 'gracias', 'en-GB'],
      ]),
    );
  });
});

import { describe, expect, it, vi } from 'vitest';
import { createContentHandlers } from '../../src/background/handlers/content';
import { TonoDatabase } from '../../src/shared/db/database';
import { TemplatesRepo, type TemplateDraft } from '../../src/shared/db/repos/templates';
import type { Template } from '../../src/shared/db/types';
import { TemplateSearch } from '../../src/shared/domain/search/template-search';
import { collapseVariants, guideFormality, pickVariant, regionOf, variantFormality, variantGroups } from '../../src/shared/domain/variants';
import type { ReplyContext } from '../../src/shared/messages/protocol';

const v = (id: string, lang: 'es' | 'en', body: string, variantLabel = '', variantGroup = 'envio') => ({ id, lang, body, variantLabel, variantGroup });

const ES_TU = v('es-tu', 'es', 'Hola, tu pedido sale hoy. Escríbenos si necesitas algo.');
const ES_USTED = v('es-usted', 'es', 'Hola, su pedido sale hoy. Escríbanos si necesita algo.', 'usted');
const ES_MX = v('es-mx', 'es', 'Qué onda, tu pedido sale hoy.', 'es-MX');
const EN = v('en', 'en', 'Hi, your order ships today.');
const GROUP = [ES_TU, ES_USTED, ES_MX, EN];

describe('choosing the variant to insert', () => {
  it('tells tú from usted by the label, else by the forms of address in the body', () => {
    expect(variantFormality(ES_TU)).toBe('tu');
    expect(variantFormality(ES_USTED)).toBe('usted');
    expect(variantFormality({ body: 'Disculpe la demora, permítanos revisarlo.' })).toBe('usted');
    expect(variantFormality(EN)).toBeNull();
    expect(regionOf('es-MX')).toBe('mx');
    expect(regionOf('usted')).toBeNull();
  });

  it('follows the comment language first, then the guide formality, then the region; ties keep the order', () => {
    expect(pickVariant(GROUP, { lang: 'en', formality: 'usted' })?.id).toBe('en');
    expect(pickVariant(GROUP, { lang: 'es', formality: 'usted' })?.id).toBe('es-usted');
    expect(pickVariant(GROUP, { lang: 'es', formality: 'tu' })?.id).toBe('es-tu');
    expect(pickVariant(GROUP, { lang: 'es', formality: 'tu', region: 'mx' })?.id).toBe('es-mx');
    expect(pickVariant(GROUP, { lang: null, formality: null })?.id).toBe('es-tu');
    expect(pickVariant([], { lang: 'es', formality: null })).toBeUndefined();
  });

  it('reads the formality the guide asks for; the last rule naming one wins', () => {
    expect(guideFormality([{ kind: 'avoid' }, { kind: 'formality' }])).toBeNull();
    expect(guideFormality([{ kind: 'formality', expect: 'tu' }, { kind: 'formality', expect: 'usted' }])).toBe('usted');
  });
});

describe('a variant group in search results', () => {
  let next = 0;
  const row = (fields: Partial<Template> & { id: string; title: string; body: string }): Template => ({
    shortcut: '', tags: [], platforms: [], lang: 'es', source: 'personal', usageCount: 0, lastUsedAt: null, createdAt: 0, updatedAt: next++,
    searchText: `${fields.title} ${fields.body}`.toLowerCase(), ...fields,
  });
  const library = [
    row({ id: 'es', title: 'Envío retrasado', body: 'Tu pedido llega mañana.', variantGroup: 'g' }),
    row({ id: 'en', title: 'Late shipping', body: 'Your order (pedido) arrives tomorrow.', lang: 'en', variantGroup: 'g', usageCount: 9 }),
    row({ id: 'other', title: 'Pedido perdido', body: 'Lo buscamos.' }),
  ];
  const groups = variantGroups(library);
  const ids = (hits: { slice(): Template[] }) => hits.slice().map((t) => t.id);

  it('lists the group once, where its best variant ranks, shown in the preferred language', () => {
    const found = new TemplateSearch(library).find('pedido');
    expect(ids(found)).toHaveLength(3);
    const collapsed = collapseVariants(found, groups, { lang: 'es', formality: null });
    expect(ids(collapsed).sort()).toEqual(['es', 'other']);
    expect(collapsed.length).toBe(2);
    expect(ids(collapseVariants(found, groups, { lang: 'en', formality: null })).sort()).toEqual(['en', 'other']);
  });

  it('shows the variant the user picked, and leaves a library without groups untouched', () => {
    const found = new TemplateSearch(library).find('');
    const picked = collapseVariants(found, groups, { lang: 'es', formality: null }, new Map([['g', 'en']]));
    expect(ids(picked)).toContain('en');
    expect(ids(picked)).not.toContain('es');
    expect(collapseVariants(found, new Map(), { lang: 'es', formality: null })).toBe(found);
  });
});

function draft(id: string, fields: Partial<TemplateDraft> = {}): TemplateDraft {
  return { id, title: id, body: 'Hola', shortcut: '', tags: [], platforms: [], lang: 'es', source: 'personal', ...fields };
}

describe('variants in the repository and the worker', () => {
  it('adds a variant into a new group with its original, in one transaction', async () => {
    const repo = new TemplatesRepo(new TonoDatabase(`variants-${Math.random()}`));
    const original = await repo.save(draft('gracias-es', { shortcut: 'gracias', body: 'Gracias, {{firstName}}.' }));
    await repo.addVariant(original, draft('gracias-en', { lang: 'en', body: 'Thanks, {{firstName}}.' }));
    expect((await repo.get('gracias-es'))?.variantGroup).toBe('gracias-es');
    expect((await repo.variantsOf('gracias-es')).map((t) => t.id).sort()).toEqual(['gracias-en', 'gracias-es']);
    await repo.addVariant((await repo.get('gracias-en'))!, draft('gracias-usted', { body: 'Gracias, {{firstName}}; escríbanos cuando quiera.', variantLabel: 'usted' }));
    expect(await repo.variantsOf('gracias-es')).toHaveLength(3);
  });

  it('expands a shortcut as the variant in the comment language, keeping tú/usted; the picker lists the group once', async () => {
    const db = new TonoDatabase(`variants-worker-${Math.random()}`);
    const repo = new TemplatesRepo(db);
    const es = await repo.save(draft('es', { shortcut: 'envio', body: 'Su pedido sale hoy, {{firstName}}. Escríbanos si lo necesita.', title: 'Envío' }));
    await repo.addVariant(es, draft('es-tu', { body: 'Tu pedido sale hoy, {{firstName}}. Escríbenos si lo necesitas.', title: 'Envío (tú)', variantLabel: 'tú' }));
    await repo.addVariant(es, draft('en', { lang: 'en', body: 'Your order ships today, {{firstName}}.', title: 'Shipping' }));
    const handlers = createContentHandlers(db, { remember: vi.fn(async () => undefined) });
    const sender = { tabId: 1, frameId: 0, url: 'https://x.com/home' };
    const comment = (commentText: string): ReplyContext => ({ authorName: 'Ana Pérez', commentAt: null, commentPrecision: 'unknown', commentText });
    const expand = async (text: string) => (await handlers.expandShortcut({ shortcut: 'envio', context: comment(text) }, sender))?.text;

    expect(await expand('Where is my order? It is still not here')).toBe('Your order ships today, Ana.');
    expect(await expand('¿Dónde está mi pedido? No llega')).toBe('Su pedido sale hoy, Ana. Escríbanos si lo necesita.');
    // No clear language: the shortcut's own reply.
    expect(await expand('???')).toBe('Su pedido sale hoy, Ana. Escríbanos si lo necesita.');

    const items = (await handlers.searchTemplates({ query: 'envio', context: comment('Where is my order? It is late') }, sender)).items;
    expect(items.map((i) => i.id)).toEqual(['en']);
    const any = (await handlers.searchTemplates({ query: '', context: comment('Where is my order? It is late') }, sender)).items;
    expect(any.filter((i) => ['es', 'es-tu', 'en'].includes(i.id)).map((i) => i.id)).toEqual(['en']);
  });
});

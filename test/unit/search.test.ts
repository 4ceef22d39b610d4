import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { searchTextOf } from '../../src/shared/db/repos/templates';
import type { Lang, Template } from '../../src/shared/db/types';
import type { Platform } from '../../src/shared/domain/platform';
import { TemplateSearch } from '../../src/shared/domain/search/template-search';
import { foldText } from '../../src/shared/domain/text';

let next = 0;
function template(fields: Partial<Template> & { title: string; body?: string }): Template {
  const body = fields.body ?? '';
  const shortcut = foldText(fields.shortcut ?? '');
  const tags = fields.tags ?? [];
  return {
    id: fields.id ?? `t${next++}`,
    title: fields.title,
    body,
    shortcut,
    tags,
    platforms: fields.platforms ?? [],
    lang: fields.lang ?? 'es',
    source: 'personal',
    searchText: searchTextOf({ title: fields.title, body, shortcut, tags }),
    usageCount: fields.usageCount ?? 0,
    lastUsedAt: null,
    createdAt: 0,
    updatedAt: fields.updatedAt ?? 0,
    favorite: fields.favorite,
  };
}

const LIBRARY = [
  template({ id: 'refund', title: 'Devolución del pedido', body: 'Puedes pedir la devolución en 30 días.', shortcut: 'devol', tags: ['pagos'] }),
  template({ id: 'shipping', title: 'Envío retrasado', body: 'Tu pedido está en camino; lo siento por la demora.', tags: ['logística'], usageCount: 5 }),
  template({ id: 'thanks-en', title: 'Thank you', body: 'Thanks for your message!', shortcut: 'thanks', lang: 'en', tags: ['general'], platforms: ['x'] }),
  template({ id: 'coupon', title: 'Cupón 24h', body: 'Usa el código envio24 en tu próxima compra.', tags: ['promociones'], platforms: ['instagram'] }),
  template({ id: 'mentions', title: 'Agradecimiento', body: 'Gracias: tu devolución ya está tramitada.', shortcut: 'gracias', usageCount: 50 }),
];
const ids = (list: Template[]) => list.map((t) => t.id);

describe('TemplateSearch', () => {
  const index = new TemplateSearch(LIBRARY);

  it('folds accents and case on both sides', () => {
    expect(ids(index.search('devolucion'))).toContain('refund');
    expect(ids(index.search('DEVOLUCIÓN'))).toContain('refund');
    expect(ids(index.search('envío'))).toContain('shipping');
  });

  it('tolerates one typo in longer words', () => {
    expect(ids(index.search('devlucion'))).toContain('refund'); // deletion
    expect(ids(index.search('devolucoin'))).toContain('refund'); // transposition
    expect(ids(index.search('retrasdo'))).toEqual(['shipping']);
    expect(index.search('zzzzzz')).toEqual([]);
  });

  it('ranks a title hit above a body hit, whatever the usage', () => {
    // "Agradecimiento" is used far more and mentions devolución in its body only.
    expect(ids(index.search('devolucion'))).toEqual(['refund', 'mentions']);
  });

  it('puts an exact shortcut first', () => {
    expect(ids(index.search('gracias'))[0]).toBe('mentions');
    expect(ids(index.search('devol'))[0]).toBe('refund');
  });

  it('matches terms in any order, and every term must match', () => {
    expect(ids(index.search('pedido devolucion'))).toEqual(['refund']);
    expect(ids(index.search('retrasado pedido'))).toEqual(['shipping']);
    expect(index.search('devolucion thanks')).toEqual([]);
  });

  it('searches tags and shortcuts, and keeps letters and digits of one term together', () => {
    expect(ids(index.search('logistica'))).toEqual(['shipping']);
    expect(ids(index.search('envio24'))).toEqual(['coupon']);
    expect(ids(index.search('envio25'))).toEqual([]);
  });

  it('filters by language, tag and platform; templates with no platform fit all', () => {
    expect(ids(index.search('', { lang: 'en' }))).toEqual(['thanks-en']);
    expect(ids(index.search('gracias thanks', { lang: 'es' }))).toEqual([]);
    expect(ids(index.search('', { tag: 'pagos' }))).toEqual(['refund']);
    expect(ids(index.search('', { platform: 'x' as Platform })).sort()).toEqual(['mentions', 'refund', 'shipping', 'thanks-en']);
    expect(ids(index.search('gracias', { lang: 'en' }))).toEqual([]);
  });

  it('lists favourites, then the most used, when nothing is typed', () => {
    const withFavourite = new TemplateSearch([...LIBRARY, template({ id: 'fav', title: 'Fav', favorite: true })]);
    expect(ids(withFavourite.search('')).slice(0, 3)).toEqual(['fav', 'mentions', 'shipping']);
    expect(ids(withFavourite.search('   '))).toHaveLength(LIBRARY.length + 1);
  });

  it('treats quotes, dashes and markup in the query as plain separators', () => {
    expect(ids(index.search('"devolucion"'))).toContain('refund');
    expect(ids(index.search('-devolucion'))).toContain('refund');
    expect(ids(index.search('(envio24)'))).toEqual(['coupon']);
    expect(index.search('¿¡?!')).toHaveLength(LIBRARY.length);
  });

  it('finds every template a plain substring search finds (property)', () => {
    const word = fc.stringMatching(/^[a-zñáéíóú]{1,8}$/);
    const lang = fc.constantFrom<Lang>('es', 'en');
    fc.assert(
      fc.property(
        fc.array(fc.record({ words: fc.array(word, { minLength: 1, maxLength: 6 }), lang }), { minLength: 1, maxLength: 30 }),
        fc.nat(),
        fc.nat(),
        (docs, pickDoc, pickCut) => {
          const templates = docs.map((doc, i) => template({ id: `d${i}`, title: doc.words.join(' '), lang: doc.lang }));
          const source = docs[pickDoc % docs.length]!.words[0]!;
          const folded = foldText(source);
          const query = folded.slice(0, 1 + (pickCut % folded.length));
          const found = new Set(ids(new TemplateSearch(templates).search(query)));
          const expected = templates.filter((t) => t.searchText.includes(query)).map((t) => t.id);
          for (const id of expected) expect(found, `${query} in ${id}`).toContain(id);
        },
      ),
      { numRuns: 200 },
    );
  });
});

describe('TemplateSearch while typing', () => {
  const word = fc.stringMatching(/^[a-z]{1,10}$/);

  it('typing a query letter by letter finds what a fresh index finds, in the same order (property)', () => {
    fc.assert(
      fc.property(
        fc.array(fc.array(word, { minLength: 1, maxLength: 6 }), { minLength: 1, maxLength: 40 }),
        fc.array(word, { minLength: 1, maxLength: 3 }),
        (docs, queryWords) => {
          const templates = docs.map((words, i) => template({ id: `d${i}`, title: words.slice(0, 2).join(' '), body: words.join(' '), usageCount: i % 3 }));
          const typing = new TemplateSearch(templates);
          const query = queryWords.join(' ');
          for (let end = 1; end <= query.length; end++) {
            const prefix = query.slice(0, end);
            // A fresh index per prefix has no term cache and no scratch space from earlier keystrokes.
            expect(ids(typing.search(prefix)), prefix).toEqual(ids(new TemplateSearch(templates).search(prefix)));
          }
        },
      ),
      { numRuns: 150 },
    );
  });

  it('keeps a result valid after later searches reuse the scratch space', () => {
    const index = new TemplateSearch(LIBRARY);
    const first = index.find('devolucion');
    index.find('pedido');
    index.find('t');
    expect(first.slice().map((t) => t.id)).toEqual(['refund', 'mentions']);
    expect(first.at(1)?.id).toBe('mentions');
    expect(first.at(2)).toBeUndefined();
    expect(first.slice(1, 5).map((t) => t.id)).toEqual(['mentions']);
    expect([...first].map((t) => t.id)).toEqual(['refund', 'mentions']);
  });

  it('narrows a long term to the words the shorter one matched, typos included', () => {
    const index = new TemplateSearch(LIBRARY);
    for (const prefix of ['devlu', 'devluc', 'devluci', 'devlucio', 'devlucion']) index.search(prefix);
    expect(ids(index.search('devlucion'))).toEqual(['refund', 'mentions']);
    expect(index.search('devlucionx')).toEqual([]);
  });
});

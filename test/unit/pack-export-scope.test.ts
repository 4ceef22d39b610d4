import { describe, expect, it } from 'vitest';
import { templatesInScope, type PackTemplate } from '../../src/shared/domain/pack';

const reply = (id: string, extra: Partial<PackTemplate> = {}): PackTemplate => ({
  id,
  title: id,
  body: `Body of ${id}`,
  shortcut: id,
  tags: [],
  platforms: [],
  lang: 'es',
  ...extra,
});

const library = [
  reply('thanks-es', { tags: ['general'], variantGroup: 'thanks', variantLabel: 'ES' }),
  reply('thanks-en', { tags: ['general'], lang: 'en', variantGroup: 'thanks', variantLabel: 'EN' }),
  reply('refund', { tags: ['billing'] }),
  reply('delay', { tags: ['billing', 'general'] }),
];
const ids = (scope: Parameters<typeof templatesInScope>[1]) => templatesInScope(library, scope).templates.map((t) => t.id);

describe('which replies a pack export takes', () => {
  it('takes the whole library, or one tag of it', () => {
    expect(ids({ kind: 'all' })).toEqual(['thanks-es', 'thanks-en', 'refund', 'delay']);
    expect(ids({ kind: 'tag', tag: 'billing' })).toEqual(['refund', 'delay']);
    expect(ids({ kind: 'tag', tag: 'nobody' })).toEqual([]);
  });

  it('takes the ticked replies in library order, each with its other-language variants', () => {
    expect(ids({ kind: 'ticked', ids: ['delay', 'thanks-en'] })).toEqual(['thanks-es', 'thanks-en', 'delay']);
    expect(ids({ kind: 'ticked', ids: ['refund'] })).toEqual(['refund']);
  });

  it('counts ticked ids that are not personal replies (team-pack rows, deleted since) as left out', () => {
    const scoped = templatesInScope(library, { kind: 'ticked', ids: ['refund', 'pack:acme:gracias', 'gone'] });
    expect(scoped.templates.map((t) => t.id)).toEqual(['refund']);
    expect(scoped.leftOut).toBe(2);
    expect(templatesInScope(library, { kind: 'ticked', ids: [] })).toEqual({ templates: [], leftOut: 0 });
  });
});

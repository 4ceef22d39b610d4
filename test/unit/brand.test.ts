import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  hostMatches,
  inScope,
  normalizeAccount,
  normalizeSite,
  packsPossibleOn,
  parseBindingList,
  resolveBrand,
  type BrandBinding,
  type BrandInput,
} from '../../src/shared/domain/brand';

const PACKS = ['acme', 'beta', 'shared'];
const BINDINGS: BrandBinding[] = [
  { packId: 'acme', sites: ['x.com'], accounts: [] },
  { packId: 'beta', sites: ['mastodon.social'], accounts: ['beta_es'] },
];
const input = (patch: Partial<BrandInput> = {}): BrandInput => ({
  host: 'x.com',
  account: undefined,
  packIds: PACKS,
  bindings: BINDINGS,
  overrides: [],
  ...patch,
});
const visible = (patch: Partial<BrandInput> = {}) => {
  const set = resolveBrand(input(patch)).visible;
  return set === null ? null : [...set].sort();
};

describe('normalizing what members type', () => {
  it.each([
    ['x.com', 'x.com'],
    ['https://www.X.com/acme/status/1', 'x.com'],
    ['  mastodon.social  ', 'mastodon.social'],
    ['foro.marca.es:8443', 'foro.marca.es'],
    ['localhost', null],
    ['javascript:alert(1)', null],
    ['not a host', null],
  ])('site %j → %j', (typed, expected) => {
    expect(normalizeSite(typed)).toBe(expected);
  });

  it.each([
    ['@Acme', 'acme'],
    ['acme', 'acme'],
    ['@Beta_ES@Mastodon.Social', 'beta_es@mastodon.social'],
    ['＠ａｃｍｅ', 'acme'],
    ['@acme @beta', null],
    ['acme\u0000', null],
    ['', null],
    ['@', null],
    ['a'.repeat(101), null],
  ])('account %j → %j', (typed, expected) => {
    expect(normalizeAccount(typed)).toBe(expected);
  });

  it('splits lists by line or comma, drops repeats, and names what it could not read', () => {
    expect(parseBindingList('x.com, https://www.x.com\nnot a host\n\nmastodon.social', normalizeSite)).toEqual({
      values: ['x.com', 'mastodon.social'],
      invalid: ['not a host'],
    });
  });

  it('matches a host under a bound site, never a look-alike', () => {
    expect(hostMatches('x.com', 'x.com')).toBe(true);
    expect(hostMatches('mobile.x.com', 'x.com')).toBe(true);
    expect(hostMatches('www.facebook.com', 'facebook.com')).toBe(true);
    expect(hostMatches('evilx.com', 'x.com')).toBe(false);
    expect(hostMatches('x.com.evil.net', 'x.com')).toBe(false);
  });
});

describe('resolving the active brand', () => {
  it('with no bindings, every pack applies and no brand is active (as before brands)', () => {
    expect(resolveBrand(input({ bindings: [] }))).toEqual({ active: null, via: null, visible: null, alsoMatched: [] });
    // Bindings that list nothing bind nothing.
    expect(resolveBrand(input({ bindings: [{ packId: 'acme', sites: [], accounts: [] }] })).visible).toBeNull();
  });

  it('picks the pack bound to the site; other brands drop out, unbound packs stay', () => {
    expect(resolveBrand(input())).toMatchObject({ active: 'acme', via: 'site' });
    expect(visible()).toEqual(['acme', 'shared']);
    expect(resolveBrand(input({ host: 'mastodon.social' }))).toMatchObject({ active: 'beta', via: 'site' });
  });

  it('a bound account beats a bound site', () => {
    expect(resolveBrand(input({ account: '@Beta_ES' }))).toMatchObject({ active: 'beta', via: 'account' });
    expect(visible({ account: '@Beta_ES' })).toEqual(['beta', 'shared']);
  });

  it('a manual override for the host beats both, and only for that host', () => {
    const overrides = [{ host: 'x.com', packId: 'beta' }];
    expect(resolveBrand(input({ overrides }))).toMatchObject({ active: 'beta', via: 'override' });
    expect(resolveBrand(input({ overrides, host: 'mobile.x.com' }))).toMatchObject({ active: 'acme', via: 'site' });
    // An override naming a pack that is no longer installed is ignored.
    expect(resolveBrand(input({ overrides: [{ host: 'x.com', packId: 'gone' }] }))).toMatchObject({ active: 'acme' });
  });

  it('on a site no brand claims, only unbound packs apply', () => {
    expect(resolveBrand(input({ host: 'youtube.com' }))).toMatchObject({ active: null, via: null });
    expect(visible({ host: 'youtube.com' })).toEqual(['shared']);
  });

  it('settles a tie by pack order and names the other match', () => {
    const bindings = [...BINDINGS, { packId: 'shared', sites: ['x.com'], accounts: [] }];
    expect(resolveBrand(input({ bindings }))).toMatchObject({ active: 'acme', alsoMatched: ['shared'] });
  });

  it('ignores bindings of packs that are not installed', () => {
    const bindings = [{ packId: 'gone', sites: ['x.com'], accounts: [] }];
    expect(resolveBrand(input({ bindings }))).toEqual({ active: null, via: null, visible: null, alsoMatched: [] });
  });
});

describe('a page-controlled account string', () => {
  it.each([
    ['two handles in one', '@acme @beta_es'],
    ['a substring of a bound handle', 'beta'],
    ['a longer handle containing it', 'beta_es_fake'],
    ['prototype keys', '__proto__'],
    ['constructor', 'constructor'],
    ['a zero-width space', 'beta\u200b_es'],
    ['an overlong string', `beta_es${' '.repeat(300)}x`],
  ])('%s selects no account-bound brand', (_label, account) => {
    expect(resolveBrand(input({ account }))).toMatchObject({ active: 'acme', via: 'site' });
  });

  it('can only ever select a brand bound to exactly that account (property)', () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 200 }), (account) => {
        const result = resolveBrand(input({ account }));
        if (result.via === 'account') expect(normalizeAccount(account)).toBe('beta_es');
        else expect(result).toMatchObject({ active: 'acme', via: 'site' });
        // Whatever it says, the other site's brand never joins the scope.
        expect(result.visible?.has('acme') && result.visible.has('beta')).toBe(false);
      }),
    );
  });
});

describe('shortcuts a page may need before it says who replies', () => {
  it('are its site brands, account-bound brands and unbound packs, never other sites brands', () => {
    const only = (patch: Partial<BrandInput>) => [...(packsPossibleOn(input(patch)) ?? [])].sort();
    expect(only({ bindings: [{ packId: 'beta', sites: ['mastodon.social'], accounts: [] }, BINDINGS[0]!] })).toEqual(['acme', 'shared']);
    expect(only({})).toEqual(['acme', 'beta', 'shared']);
    expect(only({ host: 'youtube.com', bindings: [BINDINGS[0]!] })).toEqual(['beta', 'shared']);
    expect(only({ overrides: [{ host: 'x.com', packId: 'beta' }] })).toEqual(['beta', 'shared']);
    expect(packsPossibleOn(input({ bindings: [] }))).toBeNull();
  });

  it('personal and starter rows are always in scope', () => {
    const scope = new Set(['acme']);
    expect(inScope({ packId: null }, scope)).toBe(true);
    expect(inScope({}, scope)).toBe(true);
    expect(inScope({ packId: 'acme' }, scope)).toBe(true);
    expect(inScope({ packId: 'beta' }, scope)).toBe(false);
    expect(inScope({ packId: 'beta' }, null)).toBe(true);
  });
});

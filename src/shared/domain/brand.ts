// Which team pack is the "active brand" for a reply box. Pure: the inputs come from settings, the
// installed packs and the last focused box (whose `account` string the page controls).
import { parseSiteOrigin } from './site-origin';

/** Where a pack applies: sites (host suffixes such as `x.com`) and/or brand accounts (`@acme`). */
export interface BrandBinding {
  packId: string;
  sites: string[];
  accounts: string[];
}

/** The member chose a brand by hand for one site; it beats every binding there. */
export interface BrandOverride {
  host: string;
  packId: string;
}

export type BrandVia = 'override' | 'account' | 'site';

export interface BrandResolution {
  /** The active brand's pack id, or null when none applies here. */
  active: string | null;
  via: BrandVia | null;
  /** Packs whose replies and rules apply here; null means every pack (nothing is bound). */
  visible: ReadonlySet<string> | null;
  /** Other bound packs that matched as well as the active one (the override settles it). */
  alsoMatched: string[];
}

export interface BrandInput {
  host: string;
  /** As the page showed it; null or undefined when the site does not show who is replying. */
  account: string | null | undefined;
  /** Installed packs, in the order ties are settled (by name). */
  packIds: readonly string[];
  bindings: readonly BrandBinding[];
  overrides: readonly BrandOverride[];
}

const MAX_ACCOUNT = 100;
const MAX_HOST = 253;

/** `https://www.X.com/foo` → `x.com`; null for anything that is not a host name. */
export function normalizeSite(input: string): string | null {
  const parsed = parseSiteOrigin(input);
  if (!parsed.ok) return null;
  const host = new URL(parsed.origin).hostname.toLowerCase().replace(/^www\./, '');
  return host.length <= MAX_HOST ? host : null;
}

/**
 * `@Acme`, `acme`, `@acme@mastodon.social` → `acme`, `acme`, `acme@mastodon.social`. Null for
 * anything that cannot be one handle (spaces, controls, overlong): such a string matches nothing.
 */
export function normalizeAccount(input: string | null | undefined): string | null {
  if (typeof input !== 'string') return null;
  const folded = input.normalize('NFKC').trim().toLowerCase().replace(/^@/, '');
  if (!folded || folded.length > MAX_ACCOUNT) return null;
  return /^[\p{L}\p{N}_.\-@]+$/u.test(folded) ? folded : null;
}

/** A browser-reported host, or a bound site, under a bound site: `mobile.x.com` is under `x.com`. */
export function hostMatches(host: string, site: string): boolean {
  const bare = host.toLowerCase().replace(/^www\./, '');
  return bare === site || bare.endsWith(`.${site}`);
}

/** The host of a sender or tab URL; empty for anything unparsable. */
export function hostOf(url: string): string {
  try {
    return new URL(url).hostname.toLowerCase();
  } catch {
    return '';
  }
}

const isBound = (binding: BrandBinding | undefined): binding is BrandBinding =>
  binding !== undefined && (binding.sites.length > 0 || binding.accounts.length > 0);

/** Bindings of installed packs only, one per pack (a removed pack's binding waits for its return). */
function bindingsOf(input: Pick<BrandInput, 'packIds' | 'bindings'>): Map<string, BrandBinding> {
  const installed = new Set(input.packIds);
  const byPack = new Map<string, BrandBinding>();
  for (const binding of input.bindings) {
    if (installed.has(binding.packId) && isBound(binding) && !byPack.has(binding.packId)) byPack.set(binding.packId, binding);
  }
  return byPack;
}

function visibleWith(input: BrandInput, bound: Map<string, BrandBinding>, active: string | null): ReadonlySet<string> | null {
  if (bound.size === 0) return null;
  return new Set(input.packIds.filter((id) => id === active || !bound.has(id)));
}

/**
 * The active brand: a manual override for this site first, then a pack bound to the replying
 * account (the most specific), then one bound to the site. Unbound packs apply everywhere, so
 * with no bindings at all every pack applies, as before brands existed. Ties go to the first pack.
 */
export function resolveBrand(input: BrandInput): BrandResolution {
  const bound = bindingsOf(input);
  const override = input.overrides.find((o) => o.host === input.host.toLowerCase() && input.packIds.includes(o.packId));
  if (override) {
    return { active: override.packId, via: 'override', visible: visibleWith(input, bound, override.packId), alsoMatched: [] };
  }
  const account = normalizeAccount(input.account);
  const byAccount = account
    ? input.packIds.filter((id) => bound.get(id)?.accounts.some((a) => normalizeAccount(a) === account))
    : [];
  const bySite = input.packIds.filter((id) => bound.get(id)?.sites.some((site) => hostMatches(input.host, site)));
  const [matches, via]: [string[], BrandVia] = byAccount.length ? [byAccount, 'account'] : [bySite, 'site'];
  const active = matches[0] ?? null;
  return { active, via: active ? via : null, visible: visibleWith(input, bound, active), alsoMatched: matches.slice(1) };
}

/**
 * Packs whose shortcuts a page on `host` may need for its synchronous Tab decision before it has
 * said which account replies: the site's brands, account-bound brands and unbound packs. The
 * expansion itself is resolved exactly; packs bound only to other sites are never included.
 */
export function packsPossibleOn(input: Omit<BrandInput, 'account'>): ReadonlySet<string> | null {
  const bound = bindingsOf(input);
  if (bound.size === 0) return null;
  const override = input.overrides.find((o) => o.host === input.host.toLowerCase() && input.packIds.includes(o.packId));
  return new Set(
    input.packIds.filter((id) => {
      const binding = bound.get(id);
      if (!binding) return true;
      if (override) return id === override.packId;
      return binding.accounts.length > 0 || binding.sites.some((site) => hostMatches(input.host, site));
    }),
  );
}

/** Whether a reply row belongs to the scope: personal and starter replies always do. */
export function inScope(row: { packId?: string | null }, visible: ReadonlySet<string> | null): boolean {
  return !row.packId || visible === null || visible.has(row.packId);
}

/** The same parsing the options page uses for what a member types: one entry per line or comma. */
export function parseBindingList(text: string, normalize: (entry: string) => string | null): { values: string[]; invalid: string[] } {
  const values: string[] = [];
  const invalid: string[] = [];
  for (const raw of text.split(/[\n,]+/)) {
    const entry = raw.trim();
    if (!entry) continue;
    const value = normalize(entry);
    if (value === null) invalid.push(entry);
    else if (!values.includes(value)) values.push(value);
  }
  return { values, invalid };
}

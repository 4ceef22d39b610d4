import { getDatabase } from '../../shared/db/database';
import { BrandsRepo } from '../../shared/db/repos/brands';
import { PacksRepo } from '../../shared/db/repos/packs';
import type { BrandResolution } from '../../shared/domain/brand';
import type { ReplyTarget } from '../../shared/messages/protocol';
import { useLiveQuery } from '../../shared/ui/use-live-query';

const db = getDatabase();
export const brandsRepo = new BrandsRepo(db);
const packsRepo = new PacksRepo(db);

/** The active brand of the panel's tab and what the panel needs to show and change it. */
export interface BrandState {
  /** The host of the last focused box, or null before any box was focused. */
  host: string | null;
  account: string | undefined;
  /** Installed packs by name. */
  packs: { id: string; name: string }[];
  /** Whether any installed pack is bound to a site or an account. */
  anyBound: boolean;
  /** The brand the member chose by hand for this host, if any. */
  override: string | null;
  /** Null until the first read, or without a host. */
  resolution: BrandResolution | null;
}

/** The resolution the worker uses for the picker and Tab, recomputed when settings or packs change. */
export function useBrand(target: ReplyTarget | null): BrandState {
  const host = target?.host ?? null;
  const account = target?.context.account;
  const state = useLiveQuery(async () => {
    const [installed, bindings, overrides] = await Promise.all([packsRepo.list(), brandsRepo.bindings(), brandsRepo.overrides()]);
    const ids = new Set(installed.map(({ record }) => record.id));
    return {
      packs: installed.map(({ record }) => ({ id: record.id, name: record.name })),
      anyBound: bindings.some((b) => ids.has(b.packId) && (b.sites.length > 0 || b.accounts.length > 0)),
      override: overrides.find((o) => o.host === host && ids.has(o.packId))?.packId ?? null,
      resolution: host === null ? null : await brandsRepo.resolve(host, account),
    };
  }, [host, account]).value;
  return { host, account, packs: [], anyBound: false, override: null, resolution: null, ...state };
}

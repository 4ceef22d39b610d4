import type { TonoDatabase } from '../database';
import type { Template } from '../types';
import {
  inScope,
  normalizeAccount,
  normalizeSite,
  packsPossibleOn,
  resolveBrand,
  type BrandBinding,
  type BrandOverride,
  type BrandResolution,
} from '../../domain/brand';
import { normalizeShortcut } from '../../domain/text';
import { packInstallOrder } from './pack-order';
import { PackRows } from './pack-rows';
import { SettingsRepo } from './settings';
import { TemplatesRepo } from './templates';

const isStringList = (value: unknown): value is string[] => Array.isArray(value) && value.every((v) => typeof v === 'string');

/** Settings are ours, but an old or hand-edited value must not break resolution: keep well-formed rows. */
function validBindings(value: unknown): BrandBinding[] {
  if (!Array.isArray(value)) return [];
  return value.flatMap((row: unknown) => {
    if (typeof row !== 'object' || row === null) return [];
    const { packId, sites, accounts } = row as Record<string, unknown>;
    if (typeof packId !== 'string' || !isStringList(sites) || !isStringList(accounts)) return [];
    return [{ packId, sites, accounts }];
  });
}

function validOverrides(value: unknown): BrandOverride[] {
  if (!Array.isArray(value)) return [];
  return value.flatMap((row: unknown) => {
    if (typeof row !== 'object' || row === null) return [];
    const { host, packId } = row as Record<string, unknown>;
    return typeof host === 'string' && typeof packId === 'string' ? [{ host, packId }] : [];
  });
}

/** Shortcut precedence inside a scope: personal, the active brand, other packs that apply, starter. */
function rank(row: Template, active: string | null): number {
  if (row.source === 'personal') return 0;
  if (row.packId && row.packId === active) return 1;
  return row.source === 'starter' ? 3 : 2;
}

/** Brand bindings and overrides (settings), and the replies a brand scope lets through. */
export class BrandsRepo {
  private readonly settings: SettingsRepo;
  private readonly packRows: PackRows;
  private readonly templates: TemplatesRepo;

  constructor(private readonly db: TonoDatabase) {
    this.settings = new SettingsRepo(db);
    this.packRows = new PackRows(db);
    this.templates = new TemplatesRepo(db);
  }

  async bindings(): Promise<BrandBinding[]> {
    return validBindings(await this.settings.get('boundBrands'));
  }

  async overrides(): Promise<BrandOverride[]> {
    return validOverrides(await this.settings.get('chosenBrands'));
  }

  /** Replaces one pack's sites and accounts, normalized; empty lists unbind it. */
  async setBinding(packId: string, sites: readonly string[], accounts: readonly string[]): Promise<BrandBinding> {
    const binding: BrandBinding = {
      packId,
      sites: [...new Set(sites.map(normalizeSite).filter((s): s is string => s !== null))],
      accounts: [...new Set(accounts.map(normalizeAccount).filter((a): a is string => a !== null))],
    };
    await this.db.transaction('rw', this.db.settings, async () => {
      const rest = (await this.bindings()).filter((b) => b.packId !== packId);
      await this.settings.set('boundBrands', binding.sites.length || binding.accounts.length ? [...rest, binding] : rest);
    });
    return binding;
  }

  /**
   * A pack replaced by one with another id (its subscription was renamed, with the member's
   * consent) keeps its sites, accounts and hand-chosen hosts, unless the new id has its own.
   * Run inside the replacing transaction (it needs `settings`).
   */
  async movePack(from: string, to: string): Promise<void> {
    const bindings = await this.bindings();
    if (bindings.some((b) => b.packId === from) && !bindings.some((b) => b.packId === to)) {
      await this.settings.set('boundBrands', bindings.map((b) => (b.packId === from ? { ...b, packId: to } : b)));
    }
    const overrides = await this.overrides();
    if (overrides.some((o) => o.packId === from)) {
      await this.settings.set('chosenBrands', overrides.map((o) => (o.packId === from ? { ...o, packId: to } : o)));
    }
  }

  /** Chooses the brand for one host by hand, or (null) goes back to automatic. */
  async setOverride(host: string, packId: string | null): Promise<void> {
    const key = host.toLowerCase();
    await this.db.transaction('rw', this.db.settings, async () => {
      const rest = (await this.overrides()).filter((o) => o.host !== key);
      await this.settings.set('chosenBrands', packId ? [...rest, { host: key, packId }] : rest);
    });
  }

  private async inputs(host: string) {
    const [packIds, bindings, overrides] = await Promise.all([
      this.db.packs.toCollection().primaryKeys(),
      this.bindings(),
      this.overrides(),
    ]);
    return { host, packIds, bindings, overrides };
  }

  /** The active brand for a box on `host` answered as `account` (page-derived, never trusted further). */
  async resolve(host: string, account: string | null | undefined): Promise<BrandResolution> {
    return resolveBrand({ ...(await this.inputs(host)), account });
  }

  /**
   * The reply a shortcut expands to in this scope (see `rank` for who wins a shared shortcut).
   * Between two packs of the same rank the one installed first keeps it, so a pack that arrives
   * or syncs later cannot take over a shortcut the member already relies on.
   */
  async findByShortcut(shortcut: string, scope: BrandResolution | Promise<BrandResolution>): Promise<Template | undefined> {
    const [matches, resolved] = await Promise.all([this.templates.withShortcuts([normalizeShortcut(shortcut)]), scope]);
    const rows = matches.filter((row) => inScope(row, resolved.visible));
    const packOrder = await packInstallOrder(this.db, rows);
    return rows.sort((a, b) => rank(a, resolved.active) - rank(b, resolved.active) || packOrder(a, b) || b.updatedAt - a.updatedAt)[0];
  }

  /**
   * Shortcuts a page on `host` may expand, for the content script's synchronous Tab decision:
   * every shortcut but those only packs out of scope use. With the focused box's `account` (null:
   * the box shows none) the scope is exact, as the expansion resolves it; before any box is
   * focused (undefined) it keeps every account-bound brand, since any account may reply.
   */
  async shortcutsOn(host: string, account?: string | null): Promise<string[]> {
    const inputs = await this.inputs(host);
    const possible = account === undefined ? packsPossibleOn(inputs) : resolveBrand({ ...inputs, account }).visible;
    const all = await this.templates.shortcuts();
    if (possible === null) return all;
    const hiddenPacks = inputs.packIds.filter((id) => !possible.has(id));
    if (hiddenPacks.length === 0) return all;
    const candidates = (await this.packRows.shortcutsOf(hiddenPacks)).filter(Boolean);
    if (candidates.length === 0) return all;
    // A hidden pack's shortcut stays when a reply that does apply here shares it.
    const sharing = await this.templates.withShortcuts(candidates);
    const kept = new Set(sharing.filter((row) => inScope(row, possible)).map((row) => row.shortcut));
    const dropped = new Set(candidates.filter((shortcut) => !kept.has(shortcut)));
    return all.filter((shortcut) => !dropped.has(shortcut));
  }
}

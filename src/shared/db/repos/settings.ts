import type { TonoDatabase } from '../database';
import type { BrandBinding, BrandOverride } from '../../domain/brand';
import type { StatsConfig } from '../../domain/stats/config';
import type { ExpandKey, PickerKey } from '../../domain/keys';

/** Typed keys and their value types; anything else cannot be stored. */
export interface SettingValues {
  seededAt: number;
  agentName: string;
  /** In-page keys and the reply-box button (domain/keys.ts); content scripts get them with the shortcuts. */
  expandKey: ExpandKey;
  openPickerKey: PickerKey;
  replyButton: boolean;
  /** Origins the user enabled Tono on beyond the built-in sites, e.g. `https://mastodon.social`. */
  userSites: string[];
  /** Business hours, time zone, holidays, targets, retention (read through repos/stats.ts). */
  responseTimeConfig: StatsConfig;
  /** Fingerprint of the config that stored business values and rollups were computed with. */
  responseTimeApplied: string;
  /** When the stats upkeep (rollup check, pruning) last ran, so worker starts and alarms do not repeat it. */
  upkeepRanAt: number;
  /** Which sites and accounts each team pack (brand) applies to (read through repos/brands.ts). */
  boundBrands: BrandBinding[];
  /** Brands chosen by hand for one site, beating the bindings there. */
  chosenBrands: BrandOverride[];
}

export class SettingsRepo {
  constructor(private readonly db: TonoDatabase) {}

  async get<K extends keyof SettingValues>(key: K): Promise<SettingValues[K] | undefined> {
    const row = await this.db.settings.get(key);
    return row?.value as SettingValues[K] | undefined;
  }

  async set<K extends keyof SettingValues>(key: K, value: SettingValues[K]): Promise<void> {
    await this.db.settings.put({ key, value });
  }
}

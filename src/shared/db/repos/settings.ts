import type { TonoDatabase } from '../database';

/** Typed keys and their value types; anything else cannot be stored. */
export interface SettingValues {
  seededAt: number;
  agentName: string;
  /** Origins the user enabled Tono on beyond the built-in sites, e.g. `https://mastodon.social`. */
  userSites: string[];
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

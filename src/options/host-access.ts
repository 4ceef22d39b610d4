import { browser } from '../shared/browser';
import { getDatabase } from '../shared/db/database';
import { PacksRepo } from '../shared/db/repos/packs';
import { SettingsRepo } from '../shared/db/repos/settings';
import { parsePackUrl } from '../shared/domain/pack/url';

/**
 * Gives host access back once nothing uses it any more. One origin can serve both an enabled site
 * and a followed team pack, so each side asks here instead of removing the permission itself.
 */
export async function releaseHostAccessIfUnused(pattern: string): Promise<void> {
  const db = getDatabase();
  const sites = (await new SettingsRepo(db).get('userSites')) ?? [];
  const packs = (await new PacksRepo(db).subscriptions()).map((s) => parsePackUrl(s.url));
  const usedByPack = packs.some((parsed) => parsed.ok && parsed.value.permission === pattern);
  if (sites.includes(pattern) || usedByPack) return;
  await browser.permissions.remove({ origins: [pattern] }).catch(() => false);
}

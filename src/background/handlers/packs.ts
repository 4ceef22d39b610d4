import { browser } from '../../shared/browser';
import type { TonoDatabase } from '../../shared/db/database';
import { PacksRepo } from '../../shared/db/repos/packs';
import { managedPackUrls, type PackSyncDeps, type PackSyncService } from '../pack-sync';

export const PACK_SYNC_ALARM = 'tono-pack-sync';
const PERIOD_MINUTES = 60;

export function packSyncDeps(db: TonoDatabase): PackSyncDeps {
  return { fetch: (url, init) => fetch(url, init), now: () => Date.now(), repo: new PacksRepo(db) };
}

/** Pack URLs an administrator set through enterprise policy (see docs/managed-storage.md). */
async function applyManagedPolicy(repo: PacksRepo): Promise<boolean> {
  let value: unknown;
  try {
    value = (await browser.storage.managed.get('packUrls')).packUrls;
  } catch {
    // No policy schema or no policy on this browser: nothing is managed.
    return false;
  }
  const { added, removed } = await repo.reconcileManaged(managedPackUrls(value));
  return added.length + removed.length > 0;
}

/** Hourly alarm, a sync at browser start, and managed (policy) subscriptions. Call at the worker's top level. */
export function registerPackSync(service: PackSyncService, repo: PacksRepo): void {
  const syncAll = () => void service.syncAll().catch((error: unknown) => console.error('Tono: pack sync failed', error));
  const policy = () =>
    void applyManagedPolicy(repo)
      .then((changed) => changed && syncAll())
      .catch((error: unknown) => console.error('Tono: pack policy failed', error));
  browser.storage.onChanged.addListener((_changes, area) => {
    if (area === 'managed') policy();
  });
  const ensureAlarm = async () => {
    if (!(await browser.alarms.get(PACK_SYNC_ALARM))) {
      await browser.alarms.create(PACK_SYNC_ALARM, { periodInMinutes: PERIOD_MINUTES, delayInMinutes: PERIOD_MINUTES });
    }
  };
  browser.alarms.onAlarm.addListener((alarm) => {
    if (alarm.name === PACK_SYNC_ALARM) syncAll();
  });
  browser.runtime.onStartup.addListener(() => {
    void ensureAlarm();
    // Policy first, so a URL added by the administrator syncs in the same start-up run.
    void applyManagedPolicy(repo)
      .catch(() => false)
      .then(syncAll);
  });
  browser.runtime.onInstalled.addListener(() => {
    void ensureAlarm();
    policy();
  });
}

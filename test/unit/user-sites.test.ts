import { describe, expect, it, vi } from 'vitest';
import { useTestDatabase } from './test-db';

/** chrome.scripting as it behaves: answers in a later task, refuses a duplicate or missing id. */
const registered = new Map<string, { id: string; matches: string[] }>();
const later = () => new Promise<void>((resolve) => setTimeout(resolve, 0));
const scripting = {
  async getRegisteredContentScripts({ ids }: { ids: string[] }) {
    await later();
    return ids.flatMap((id) => (registered.has(id) ? [structuredClone(registered.get(id)!)] : []));
  },
  async unregisterContentScripts({ ids }: { ids: string[] }) {
    await later();
    for (const id of ids) if (!registered.has(id)) throw new Error(`Nonexistent script ID '${id}'`);
    for (const id of ids) registered.delete(id);
  },
  async registerContentScripts(scripts: Array<{ id: string; matches: string[] }>) {
    await later();
    for (const script of scripts) if (registered.has(script.id)) throw new Error(`Duplicate script ID '${script.id}'`);
    for (const script of scripts) registered.set(script.id, { id: script.id, matches: script.matches });
  },
};
const granted = ['https://mastodon.social/*', 'https://foro.marca.es/*'];
vi.mock('../../src/shared/browser', () => ({
  browser: { scripting, permissions: { getAll: async () => ({ origins: granted }) } },
}));

const { syncUserSiteScripts } = await import('../../src/background/user-sites');
const { SettingsRepo } = await import('../../src/shared/db/repos/settings');
const db = useTestDatabase('user-sites');

describe('content script registration for sites the user enabled', () => {
  it('two syncs at once (the permission event and the settings page’s request) both succeed, and the newest list wins', async () => {
    registered.clear();
    const settings = new SettingsRepo(db());
    await settings.set('userSites', ['https://mastodon.social/*']);
    await syncUserSiteScripts(db());
    // The user enables a second site: the permission event and the page's message arrive together.
    await settings.set('userSites', ['https://mastodon.social/*', 'https://foro.marca.es/*']);
    const results = await Promise.allSettled([syncUserSiteScripts(db()), syncUserSiteScripts(db())]);
    expect(results.map((result) => result.status)).toEqual(['fulfilled', 'fulfilled']);
    expect(registered.get('tono-user-sites')?.matches).toEqual(['https://mastodon.social/*', 'https://foro.marca.es/*']);
  });

  it('a failed sync does not block the next one', async () => {
    registered.clear();
    await new SettingsRepo(db()).set('userSites', ['https://mastodon.social/*']);
    const register = vi.spyOn(scripting, 'registerContentScripts').mockRejectedValueOnce(new Error('browser busy'));
    await expect(syncUserSiteScripts(db())).rejects.toThrow('browser busy');
    await syncUserSiteScripts(db());
    expect(registered.get('tono-user-sites')?.matches).toEqual(['https://mastodon.social/*']);
    register.mockRestore();
  });
});

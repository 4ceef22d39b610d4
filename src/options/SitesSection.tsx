import { useEffect, useState } from 'preact/hooks';
import { browser } from '../shared/browser';
import { getDatabase } from '../shared/db/database';
import { SettingsRepo } from '../shared/db/repos/settings';
import { parseSiteOrigin } from '../shared/domain/site-origin';
import { sendFromPage } from '../shared/messages/client';
import { t, type MessageKey } from '../shared/ui/i18n';
import { releaseHostAccessIfUnused } from './host-access';

const settings = new SettingsRepo(getDatabase());

/** The sites the user enabled that the browser still grants (the user can revoke access elsewhere). */
async function userOrigins(): Promise<string[]> {
  const granted = new Set((await browser.permissions.getAll()).origins ?? []);
  return ((await settings.get('userSites')) ?? []).filter((pattern) => granted.has(pattern));
}

async function saveSites(update: (sites: string[]) => string[]): Promise<void> {
  const current = (await settings.get('userSites')) ?? [];
  await settings.set('userSites', [...new Set(update(current))]);
  await sendFromPage('syncUserSites', {});
}

/** Enable Tono on any other site (a Mastodon instance, a brand forum) through optional host permissions. */
export function SitesSection() {
  const [input, setInput] = useState('');
  const [origins, setOrigins] = useState<string[]>([]);
  const [message, setMessage] = useState<MessageKey | null>(null);

  const refresh = () => void userOrigins().then(setOrigins);
  useEffect(refresh, []);

  async function enable(event: Event) {
    event.preventDefault();
    const parsed = parseSiteOrigin(input);
    if (!parsed.ok) {
      setMessage(parsed.error === 'scheme' ? 'sitesErrorScheme' : 'sitesErrorInvalid');
      return;
    }
    // Must run directly in the click handler, before any await: browsers only show the prompt
    // for a user gesture.
    const granted = await browser.permissions.request({ origins: [parsed.pattern] });
    setMessage(granted ? 'sitesEnabled' : 'sitesDenied');
    if (granted) {
      setInput('');
      await saveSites((sites) => [...sites, parsed.pattern]);
    }
    refresh();
  }

  async function disable(origin: string) {
    await saveSites((sites) => sites.filter((site) => site !== origin));
    await releaseHostAccessIfUnused(origin);
    refresh();
  }

  return (
    <section>
      <h2>{t('sitesHeading')}</h2>
      <p class="hint">{t('sitesHint')}</p>
      <form onSubmit={enable} class="row">
        <label for="site">{t('sitesLabel')}</label>
        <input id="site" value={input} placeholder="mastodon.social" onInput={(e) => setInput(e.currentTarget.value)} />
        <button type="submit">{t('sitesEnable')}</button>
      </form>
      <p role="status">{message ? t(message) : ''}</p>
      <ul>
        {origins.map((origin) => (
          <li key={origin}>
            {origin}{' '}
            <button type="button" onClick={() => void disable(origin)}>
              {t('sitesDisable')}
            </button>
          </li>
        ))}
      </ul>
    </section>
  );
}

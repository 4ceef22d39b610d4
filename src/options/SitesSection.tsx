import { useEffect, useState } from 'preact/hooks';
import { browser } from '../shared/browser';
import { parseSiteOrigin } from '../shared/domain/site-origin';
import { t, type MessageKey } from '../shared/ui/i18n';

/** Origins granted beyond the manifest's built-in sites. */
async function userOrigins(): Promise<string[]> {
  const builtIn = new Set(browser.runtime.getManifest().content_scripts?.flatMap((s) => s.matches ?? []) ?? []);
  const granted = (await browser.permissions.getAll()).origins ?? [];
  return granted.filter((origin) => !builtIn.has(origin));
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
    // Must run directly in the click handler: browsers only show the prompt for a user gesture.
    const granted = await browser.permissions.request({ origins: [parsed.pattern] });
    setMessage(granted ? 'sitesEnabled' : 'sitesDenied');
    if (granted) setInput('');
    refresh();
  }

  async function disable(origin: string) {
    await browser.permissions.remove({ origins: [origin] });
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

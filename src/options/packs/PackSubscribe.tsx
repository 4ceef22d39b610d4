import { useState } from 'preact/hooks';
import { browser } from '../../shared/browser';
import { parsePackUrl, type PackError } from '../../shared/domain/pack';
import { sendFromPage } from '../../shared/messages/client';
import { t } from '../../shared/ui/i18n';
import { packErrorText } from './error-text';
import { outcomeText } from './outcome-text';
import { packsRepo } from './repo';

/** Follow a pack by HTTPS URL: the browser asks for that one origin, then the worker syncs it. */
export function PackSubscribe() {
  const [input, setInput] = useState('');
  const [error, setError] = useState<PackError | null>(null);
  const [message, setMessage] = useState('');

  async function follow(event: Event) {
    event.preventDefault();
    setMessage('');
    const parsed = parsePackUrl(input);
    if (!parsed.ok) {
      setError(parsed.error);
      return;
    }
    setError(null);
    // First await of the click handler: browsers only show the prompt during a user gesture.
    const granted = await browser.permissions.request({ origins: [parsed.value.permission] });
    if (!granted) {
      setMessage(t('packsPermissionDenied'));
      return;
    }
    await packsRepo().subscribe(parsed.value.url);
    setInput('');
    setMessage(t('packsSyncing'));
    try {
      const { outcomes } = await sendFromPage('packSyncNow', { url: parsed.value.url, allowRemoveAll: false });
      setMessage(outcomes.map(outcomeText).join(' '));
    } catch (failure) {
      setMessage(failure instanceof Error ? failure.message : String(failure));
    }
  }

  return (
    <div class="packs-block">
      <h3>{t('packsSubscribeHeading')}</h3>
      <form class="row" onSubmit={(e) => void follow(e)}>
        <label for="pack-url">{t('packsSubscribeLabel')}</label>
        <input id="pack-url" type="url" value={input} placeholder="https://intranet.example.com/packs/team.json" onInput={(e) => setInput(e.currentTarget.value)} />
        <button type="submit">{t('packsSubscribeButton')}</button>
      </form>
      <p class="hint">{t('packsSubscribeHint')}</p>
      <p role="alert" class="packs-error">
        {error ? packErrorText(error) : ''}
      </p>
      <p role="status">{message}</p>
    </div>
  );
}

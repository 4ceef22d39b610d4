import { useEffect, useState } from 'preact/hooks';
import { getDatabase } from '../shared/db/database';
import { SettingsRepo, type SettingValues } from '../shared/db/repos/settings';
import { readContentPrefs } from '../shared/db/repos/content-prefs';
import { EXPAND_KEYS, PICKER_KEYS, pick, type ContentPrefs } from '../shared/domain/keys';
import { t, type MessageKey } from '../shared/ui/i18n';

const settings = new SettingsRepo(getDatabase());
const keyName = (id: string) => t(`keyName_${id.replace(/-/g, '_')}` as MessageKey);

/** The in-page keys and the reply-box button; open pages pick a change up the next time a box is focused. */
export function KeysSection() {
  const [prefs, setPrefs] = useState<ContentPrefs | null>(null);
  const [saved, setSaved] = useState(false);
  useEffect(() => void readContentPrefs(settings).then(setPrefs), []);
  if (!prefs) return null;

  async function save<K extends keyof ContentPrefs>(key: K, value: ContentPrefs[K]) {
    setPrefs((current) => current && { ...current, [key]: value });
    setSaved(false);
    // The same keys, stored with the same types (SettingValues repeats ContentPrefs).
    await settings.set(key, value as SettingValues[K]);
    setSaved(true);
  }

  return (
    <section>
      <h2>{t('keysHeading')}</h2>
      <div class="row">
        <label for="expand-key">{t('keysExpandLabel')}</label>
        <select id="expand-key" value={prefs.expandKey} onChange={(e) => void save('expandKey', pick(EXPAND_KEYS, e.currentTarget.value, 'tab'))}>
          {EXPAND_KEYS.map((id) => (
            <option key={id} value={id}>
              {keyName(id)}
            </option>
          ))}
        </select>
      </div>
      <p class="hint">{t('keysExpandHint')}</p>
      <div class="row">
        <label for="picker-key">{t('keysPickerLabel')}</label>
        <select id="picker-key" value={prefs.openPickerKey} onChange={(e) => void save('openPickerKey', pick(PICKER_KEYS, e.currentTarget.value, 'ctrl-shift-space'))}>
          {PICKER_KEYS.map((id) => (
            <option key={id} value={id}>
              {keyName(id)}
            </option>
          ))}
        </select>
      </div>
      <div class="row">
        <input id="reply-button" type="checkbox" checked={prefs.replyButton} onChange={(e) => void save('replyButton', e.currentTarget.checked)} />
        <label for="reply-button">{t('keysButtonLabel')}</label>
      </div>
      <p role="status">{saved ? t('optionsSaved') : ''}</p>
    </section>
  );
}

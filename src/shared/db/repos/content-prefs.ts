import { DEFAULT_PREFS, EXPAND_KEYS, PICKER_KEYS, pick, type ContentPrefs } from '../../domain/keys';
import type { SettingsRepo } from './settings';

/** The in-page keys and button setting; anything stored that is no longer offered reads as the default. */
export async function readContentPrefs(settings: SettingsRepo): Promise<ContentPrefs> {
  const [expandKey, openPickerKey, replyButton] = await Promise.all([
    settings.get('expandKey'),
    settings.get('openPickerKey'),
    settings.get('replyButton'),
  ]);
  return {
    expandKey: pick(EXPAND_KEYS, expandKey, DEFAULT_PREFS.expandKey),
    openPickerKey: pick(PICKER_KEYS, openPickerKey, DEFAULT_PREFS.openPickerKey),
    replyButton: typeof replyButton === 'boolean' ? replyButton : DEFAULT_PREFS.replyButton,
  };
}

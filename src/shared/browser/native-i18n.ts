import type { I18n } from 'webextension-polyfill';

/**
 * `i18n` without loading the polyfill, for the side panel's first frame: both browsers expose
 * the synchronous `chrome.i18n` natively (Firefox too), and the polyfill only wraps it.
 */
const i18n = (globalThis as { chrome?: { i18n?: Pick<I18n.Static, 'getMessage' | 'getUILanguage'> } }).chrome?.i18n;

/** Falls back to the key, never throws: a frame left open by an extension reload has a dead `i18n`. */
export function nativeMessage(key: string, ...substitutions: string[]): string {
  try {
    return i18n?.getMessage(key, substitutions) || key;
  } catch {
    return key;
  }
}

export function nativeUiLanguage(): string {
  return i18n?.getUILanguage() ?? 'en';
}

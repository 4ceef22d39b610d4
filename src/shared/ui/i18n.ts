import { browser } from '../browser';
import type EN from '../../../_locales/en/messages.json';

export type MessageKey = keyof typeof EN;

/** A UI string in the browser's language (Spanish or English), with `$1`-style substitutions. */
export function t(key: MessageKey, ...substitutions: string[]): string {
  return browser.i18n.getMessage(key, substitutions) || key;
}

/** The UI language actually in use, for `lang` attributes and number formatting. */
export function uiLanguage(): string {
  return browser.i18n.getUILanguage();
}

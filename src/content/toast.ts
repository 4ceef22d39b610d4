import { browser } from '../shared/browser';
import { whileConnected } from './connection';

/**
 * A short notice near the top of the page, in a closed shadow root so page styles cannot leak in
 * and page scripts cannot read it. The host is a plain `div`: a custom element name could be
 * defined by the page first and hand it the closed root (`attachInternals`). Text only, never markup.
 */
export function showToast(messageKey: 'toastCopied' | 'toastNoBox'): void {
  const host = document.createElement('div');
  const shadow = host.attachShadow({ mode: 'closed' });
  const box = document.createElement('div');
  box.setAttribute('role', 'status');
  box.textContent = whileConnected(() => browser.i18n.getMessage(messageKey), '') || messageKey;
  box.style.cssText =
    'position:fixed;z-index:2147483647;top:16px;left:50%;transform:translateX(-50%);' +
    'background:#1f2937;color:#fff;font:14px/1.4 system-ui,sans-serif;padding:10px 14px;border-radius:8px;' +
    'box-shadow:0 4px 16px rgba(0,0,0,.25)';
  shadow.append(box);
  document.documentElement.append(host);
  setTimeout(() => host.remove(), 4000);
}

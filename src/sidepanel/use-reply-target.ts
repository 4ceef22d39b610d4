import { useEffect, useState } from 'preact/hooks';
import { browser } from '../shared/browser';
import { sendFromPage } from '../shared/messages/client';
import type { ReplyTarget } from '../shared/messages/protocol';
import { targetTabId } from './target-tab';

/**
 * The comment being answered in this panel's tab. Refreshed when a reply box gets focus (the
 * worker records it in storage.session) and when the user switches tabs.
 */
export function useReplyTarget(): ReplyTarget | null {
  const [target, setTarget] = useState<ReplyTarget | null>(null);
  useEffect(() => {
    let live = true;
    const refresh = () =>
      void targetTabId()
        .then((tabId) => sendFromPage('getReplyTarget', { tabId }))
        .then(
          (next) => live && setTarget(next),
          () => live && setTarget(null),
        );
    const onStorage = (_changes: unknown, area: string) => {
      if (area === 'session') refresh();
    };
    refresh();
    browser.storage.onChanged.addListener(onStorage);
    browser.tabs.onActivated.addListener(refresh);
    return () => {
      live = false;
      browser.storage.onChanged.removeListener(onStorage);
      browser.tabs.onActivated.removeListener(refresh);
    };
  }, []);
  return target;
}

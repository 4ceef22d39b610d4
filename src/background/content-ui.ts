import { browser } from '../shared/browser';
import { contentFilesFor } from '../shared/content-files';
import type { ContentHandlers } from './router';

/**
 * The rest of the content script, injected on first need at the bootstrap's request: the page's
 * own platform adapter (by the frame's URL as the browser reported it), then content-ui.js. The
 * file list is decided here: a page never chooses what runs, and the target is the sender's own tab and
 * frame as the browser reported them. The bootstrap asks once per frame (again only after a failed
 * load), and content-ui.js attaches only to a bootstrap that has nothing attached yet, so running
 * it twice changes nothing.
 */
export const injectContentUi: ContentHandlers['loadContentUi'] = async (_payload, sender) => {
  await browser.scripting.executeScript({
    target: { tabId: sender.tabId, frameIds: [sender.frameId] },
    files: contentFilesFor(sender.url),
  });
  return null;
};

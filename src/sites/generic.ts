import { MAX_TEXT, absoluteUrl, boxLabel, lastBefore, readAttr, readText } from './dom';
import { UNKNOWN_TIME, timeFromAttr, timeFromLabel, withoutEmpty } from './time';
import type { SiteAdapter, ThreadContext } from './types';

const AUTHOR = '[rel="author"], [itemprop="author"], [data-author]';
const TEXT = '[itemprop="text"], [itemprop="articleBody"], .comment-text, .comment-body, .comment-content, .text';
const HANDLE_PATTERN = /^@[\w.-]{1,64}(@[\w.-]+)?$/;
const SEARCH_LABEL = /\b(search|buscar|busca|búsqueda)\b/i;

/** The nearest ancestor that also holds the comment's timestamp or author: the comment's container. */
function commentContainer(box: HTMLElement): Element | null {
  for (let node = box.parentElement; node && node !== box.ownerDocument.body; node = node.parentElement) {
    if (node.querySelector(`time, ${AUTHOR}`)) return node;
  }
  return null;
}

/**
 * The one comment the box answers: the nearest ancestor of the last time or author before the box
 * that holds both, so a nested reply's time never pairs with its parent's author (or the reverse).
 */
export function commentOf(container: Element, box: Element): Element {
  const anchor = lastBefore(container, `time, ${AUTHOR}`, box);
  for (let node = anchor; node && node !== container && container.contains(node); node = node.parentElement) {
    if (node.querySelector('time') && node.querySelector(AUTHOR)) return node;
  }
  return container;
}

/** The last "@name" shown before the box (the commenter's, not a name they mention or one further down). */
export function findHandle(scope: Element, box: Element): string | undefined {
  const isHandle = (element: Element): boolean => {
    const text = element.textContent?.trim() ?? '';
    return text.length <= 130 && HANDLE_PATTERN.test(text);
  };
  return readText(lastBefore(scope, 'a, span', box, isHandle));
}

/** Works on any page: the nearest comment-like container before the box, read by common conventions. */
export function readGenericContext(box: HTMLElement, now = Date.now()): ThreadContext {
  const container = commentContainer(box);
  if (!container) return { ...UNKNOWN_TIME };
  const comment = commentOf(container, box);
  const time = lastBefore(comment, 'time', box);
  const author = lastBefore(comment, AUTHOR, box);
  const handle = findHandle(comment, box);
  const when = timeFromAttr(time) ?? timeFromLabel(readText(time), now) ?? UNKNOWN_TIME;
  return withoutEmpty({
    authorName: readAttr(author, 'data-author') ?? readText(author),
    handle,
    ...when,
    permalink: absoluteUrl(time?.closest('a')?.getAttribute('href'), box),
    // The smallest element holding time and author may be the comment's header, with the text
    // beside it: then the text is the last one before the box in the container.
    commentText: readText(lastBefore(comment, TEXT, box) ?? lastBefore(container, TEXT, box), MAX_TEXT),
  }, now);
}

/** A search field, whatever the site: never a reply box. */
export function isSearchField(box: HTMLElement): boolean {
  return (
    (box as HTMLInputElement).type === 'search' ||
    box.getAttribute('role') === 'searchbox' ||
    box.closest('[role="search"]') !== null ||
    SEARCH_LABEL.test(boxLabel(box))
  );
}

const SUBMIT_WORDS = /^(reply|post|send|comment|responder|publicar|enviar|comentar)$/i;

/** Works on any page: every focused editable but a search field is a candidate box. */
export const genericAdapter: SiteAdapter = {
  id: 'generic',
  matches: () => true,
  isReplyBox: (box) => !isSearchField(box),
  readContext: readGenericContext,
  isSubmitControl(target, box) {
    const control = target.closest('button, [role="button"], input[type="submit"]');
    if (!control || control.contains(box)) return false;
    const form = box.closest('form');
    if (form && form.contains(control)) return true;
    const label = (control.getAttribute('aria-label') ?? control.textContent ?? '').trim();
    return SUBMIT_WORDS.test(label);
  },
};

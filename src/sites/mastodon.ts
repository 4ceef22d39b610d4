import { mastodonIdTime } from '../shared/domain/time-ids';
import { defineAdapter } from './define';
import { MAX_TEXT, absoluteUrl, closestDeep, lastBefore, pathParts, readText } from './dom';
import { bareHandle, exactTime, timeFromAttr } from './time';

// Selectors follow Mastodon's web app (4.x): statuses are `.status` inside `article[data-id]`, with
// `.display-name__html`, `.display-name__account`, `.status__relative-time time[datetime]` and
// `.status__content`; the compose form's `.reply-indicator` shows whom you answer.
// test/fixtures/sites/mastodon.html is a reduced reconstruction.
const STATUS = '.detailed-status, .status';

/**
 * The bare handle ("ana" for a local account, "ana@otra.example" for a remote one). Newer versions
 * append the local domain to local accounts ("@ana@social.example"), older ones do not; both come
 * out the same. The local domain is the page's host or, when the instance serves its web app from
 * another host, the domain on the user's own account in the navigation bar.
 */
function localHandle(shown: string | undefined, box: HTMLElement): string | undefined {
  const handle = shown && bareHandle(shown);
  const [user, domain] = handle?.split('@') ?? [];
  const own = readText(box.ownerDocument.querySelector('.navigation-bar__profile-account'))?.split('@')[2];
  const local = (name: string | undefined) => name?.toLowerCase() === domain?.toLowerCase();
  return domain && (local(box.ownerDocument.location?.hostname) || local(own)) ? user : handle;
}

function read(status: Element, box: HTMLElement) {
  const time = status.querySelector('.status__relative-time time, time[datetime]');
  const href = time?.closest('a')?.getAttribute('href');
  const id = status.closest('[data-id]')?.getAttribute('data-id') ?? pathParts(href).pop();
  return {
    authorName: readText(status.querySelector('.display-name__html')),
    handle: localHandle(readText(status.querySelector('.display-name__account')), box),
    ...(timeFromAttr(time) ?? exactTime(id ? mastodonIdTime(id) : null)),
    permalink: absoluteUrl(href, box),
    commentText: readText(status.querySelector('.status__content__text, .status__content'), MAX_TEXT),
  };
}

/** Mastodon, on whatever instance the user enabled: recognised by its DOM, not its hostname. */
export const mastodonAdapter = defineAdapter({
  id: 'mastodon',
  hosts: [],
  detects: (box) =>
    box.ownerDocument.getElementById('mastodon') !== null ||
    (closestDeep(box, '.compose-form') !== null && box.ownerDocument.querySelector('.columns-area, .status') !== null),
  read(box) {
    const form = closestDeep(box, '.compose-form');
    const account = readText(box.ownerDocument.querySelector('.navigation-bar__profile-account'));
    const indicator = form?.querySelector('.reply-indicator');
    if (!indicator) {
      // Outside the compose form (an inline reply) the status is the one above the box.
      const status = form ? null : lastBefore(box.ownerDocument, STATUS, box);
      return status ? { ...read(status, box), account } : form ? { account } : null;
    }
    const handle = localHandle(readText(indicator.querySelector('.display-name__account')), box);
    // The indicator has no link: find the status it shows among the columns, by handle and text.
    const text = readText(indicator.querySelector('.reply-indicator__content, .status__content'), MAX_TEXT);
    // The compose column comes first in the DOM, so search the whole document, not just above the box.
    const status = Array.from(box.ownerDocument.querySelectorAll(STATUS)).find(
      (candidate) =>
        localHandle(readText(candidate.querySelector('.display-name__account')), box) === handle &&
        readText(candidate.querySelector('.status__content__text, .status__content'), MAX_TEXT) === text,
    );
    if (status) return { ...read(status, box), account };
    return { authorName: readText(indicator.querySelector('.display-name__html')), handle, commentText: text, account };
  },
  submit: { control: 'button[type="submit"], .compose-form__publish button', composer: '.compose-form' },
});

import { blueskyTidTime } from '../shared/domain/time-ids';
import { defineAdapter } from './define';
import { MAX_TEXT, absoluteUrl, boxLabel, closestDeep, lastBefore, pathParts, readText } from './dom';
import { exactTime } from './time';

// Selectors follow bsky.app's React Native Web markup: posts carry data-testid
// "postThreadItem-by-<handle>" / "feedItem-by-<handle>", text in data-testid="postText", and the
// post link "/profile/<handle>/post/<TID>" (the TID holds the creation time). The composer is a
// TipTap/ProseMirror editor in a dialog whose reply preview shows the author's name and handle.
// test/fixtures/sites/bluesky.html is a reduced reconstruction.
const POST = '[data-testid^="postThreadItem-by-"], [data-testid^="feedItem-by-"]';
const HANDLE = /^@([\w.-]+\.[\w.-]+)$/;

function read(post: Element, box: HTMLElement) {
  const handle = /-by-([\w.:-]+)$/.exec(post.getAttribute('data-testid') ?? '')?.[1] ?? '';
  const link = Array.from(post.querySelectorAll('a[href*="/post/"]')).find((a) => {
    const [profile, who, kind] = pathParts(a.getAttribute('href'));
    return profile === 'profile' && who === handle && kind === 'post';
  });
  const [, , , tid] = pathParts(link?.getAttribute('href'));
  return {
    authorName: readText(
      Array.from(post.querySelectorAll('a[href^="/profile/"]')).find((a) => a.getAttribute('href') === `/profile/${handle}`),
    ),
    handle: handle ? `@${handle}` : undefined,
    ...exactTime(tid ? blueskyTidTime(tid) : null),
    permalink: absoluteUrl(link?.getAttribute('href'), box),
    commentText: readText(post.querySelector('[data-testid="postText"]'), MAX_TEXT),
  };
}

/** Bluesky: the composer dialog names the replied post's author; the post is found on the page. */
export const blueskyAdapter = defineAdapter({
  id: 'bluesky',
  hosts: ['bsky.app'],
  rejects: (box) =>
    /^(write a message|escribe un mensaje)/i.test(boxLabel(box)) ||
    closestDeep(box, '[data-testid="searchTextInput"], [data-testid^="messageInput"], [data-testid="dmInput"]') !== null,
  read(box) {
    const dialog = closestDeep(box, '[role="dialog"]');
    if (!dialog) {
      const post = lastBefore(box.ownerDocument, POST, box);
      return post ? read(post, box) : null;
    }
    // The reply preview above the editor: a handle ("@ana.bsky.social") and the name just before it.
    const handleText = lastBefore(dialog, 'span, div', box, (element) => HANDLE.test(readText(element) ?? '') && element.children.length === 0);
    const handle = HANDLE.exec(readText(handleText) ?? '')?.[1];
    if (!handle) return null;
    const post = lastBefore(box.ownerDocument, `[data-testid="postThreadItem-by-${handle}"], [data-testid="feedItem-by-${handle}"]`, dialog);
    if (post) return read(post, box);
    const preview = handleText?.parentElement;
    return { handle: `@${handle}`, authorName: readText(preview?.firstElementChild === handleText ? null : preview?.firstElementChild) };
  },
  submit: { control: '[data-testid="composerPublishBtn"]', composer: '[role="dialog"]' },
});

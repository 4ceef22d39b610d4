import { blueskyTidTime } from '../shared/domain/time-ids';
import { defineAdapter } from './define';
import { MAX_TEXT, absoluteUrl, boxLabel, closestDeep, lastBefore, pathParts, readText } from './dom';
import { exactTime } from './time';

// Selectors follow bsky.app's React Native Web markup: posts carry data-testid
// "postThreadItem-by-<handle>" / "feedItem-by-<handle>", text in data-testid="postText", and the
// post link "/profile/<handle>/post/<TID>" (the TID holds the creation time). The composer is a
// TipTap/ProseMirror editor in a dialog whose reply preview (social-app's ComposerReplyTo) shows the
// avatar, the display name (or the bare handle, without "@") and the post's text, but no "@handle"
// line: the post is found on the page by its text and its author's name or handle. An "@handle"
// line, if a version shows one, is used too. test/fixtures/sites/bluesky.html is a reduced
// reconstruction.
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
    // The reply preview above the editor: every text it shows (name, post text), to match a post by.
    const shown = new Set<string>();
    for (const element of dialog.querySelectorAll('*')) {
      if (!(box.compareDocumentPosition(element) & 2) || element.contains(box)) continue;
      const text = readText(element, MAX_TEXT);
      if (text) shown.add(text);
    }
    for (const candidate of box.ownerDocument.querySelectorAll(POST)) {
      // Text first: cheap, and it rules out nearly every post of a long feed.
      if (dialog.contains(candidate) || !shown.has(readText(candidate.querySelector('[data-testid="postText"]'), MAX_TEXT) ?? '')) continue;
      const found = read(candidate, box);
      const bare = found.handle?.slice(1);
      if (found.commentText && shown.has(found.commentText) && ((found.authorName && shown.has(found.authorName)) || (bare && shown.has(bare)))) {
        return found;
      }
    }
    // Otherwise a handle line ("@ana.bsky.social") and the name just before it.
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

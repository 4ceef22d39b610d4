import { defineAdapter } from './define';
import { MAX_TEXT, absoluteUrl, clip, closestDeep, readAttr, readText } from './dom';
import { timeFromAttr } from './time';

// Selectors follow reddit.com's web components (shreddit, 2026): <shreddit-comment author thingid
// depth postid parentid> with its time in a faceplate-timeago[ts], and <shreddit-post>. A reply's
// Lexical editor sits in the light DOM of shreddit-composer inside the comment's action row; the
// box for commenting on the post (comment-composer-host > faceplate-textarea-input, a textarea in
// its shadow root, later a shreddit-composer) sits OUTSIDE shreddit-post, after it. Older markup
// (editor in shreddit-composer's shadow root, composer inside the post, created-timestamp /
// permalink attributes) and old.reddit.com's `.thing` are read too. test/fixtures/sites/reddit.html
// and reddit-old.html are reduced reconstructions.
const ITEM = 'shreddit-comment, shreddit-post';

/** The first `selector` inside `item` that belongs to it, not to a reply nested in it. */
function own(item: Element, selector: string): Element | null {
  for (const found of item.querySelectorAll(selector)) if (found.closest(ITEM) === item) return found;
  return null;
}

/** The post a composer outside any post or comment answers: the nearest earlier shreddit-post. */
function postBefore(host: Element): Element | null {
  for (let node: Element | null = host; node?.parentElement; node = node.parentElement) {
    for (let sibling = node.previousElementSibling; sibling; sibling = sibling.previousElementSibling) {
      if (sibling.matches('shreddit-post')) return sibling;
      const inside = sibling.querySelectorAll('shreddit-post');
      if (inside.length > 0) return inside[inside.length - 1]!;
    }
  }
  return null;
}

function readItem(item: Element, box: HTMLElement) {
  const author = readAttr(item, 'author');
  const isComment = item.tagName === 'SHREDDIT-COMMENT';
  const timeago = own(item, 'faceplate-timeago[ts]');
  const postId = readAttr(item, 'postid')?.replace(/^t3_/, '');
  const commentId = readAttr(item, 'thingid')?.replace(/^t1_/, '');
  const built = isComment && postId && commentId ? `/comments/${postId}/comment/${commentId}/` : undefined;
  return {
    handle: author,
    ...(timeFromAttr(timeago, 'ts') ?? timeFromAttr(item, 'created-timestamp')),
    permalink: absoluteUrl(
      item.getAttribute('permalink') ?? item.getAttribute('content-href') ?? timeago?.closest('a')?.getAttribute('href') ?? built,
      box,
    ),
    commentText: isComment
      ? readText(own(item, '[slot="comment"]'), MAX_TEXT)
      : (clip(item.getAttribute('post-title'), MAX_TEXT) ?? readText(own(item, '[slot="title"]'), MAX_TEXT)),
  };
}

/** Reddit: the composer sits inside the comment it answers, or inside or after the post. */
export const redditAdapter = defineAdapter({
  id: 'reddit',
  hosts: ['reddit.com'],
  rejects: (box) => closestDeep(box, 'reddit-search-large, faceplate-search-input, rs-message-composer') !== null,
  read(box) {
    const host = closestDeep(box, 'comment-composer-host');
    const item = closestDeep(box, ITEM) ?? (host ? postBefore(host) : null);
    if (item) return readItem(item, box);
    const old = closestDeep(box, '.thing.comment, .thing.link');
    if (!old) return null;
    return {
      handle: readAttr(old, 'data-author'),
      ...timeFromAttr(old.querySelector('.tagline time[datetime], time[datetime]')),
      permalink: absoluteUrl(old.getAttribute('data-permalink'), box),
      commentText: readText(old.querySelector('.usertext-body .md'), MAX_TEXT),
    };
  },
  submit: {
    control: 'button[slot="submit-button"], button[type="submit"]',
    composer: 'comment-composer-host, shreddit-composer, faceplate-form, form',
  },
});

import { defineAdapter } from './define';
import { MAX_TEXT, absoluteUrl, clip, closestDeep, readAttr, readText } from './dom';
import { timeFromAttr } from './time';

// Selectors follow reddit.com's web components: <shreddit-comment author created-timestamp
// permalink> (and <shreddit-post> for the post), a faceplate-timeago with `ts`, and the comment
// composer's editor inside shreddit-composer's shadow root. old.reddit.com's `.thing.comment` is read
// too. test/fixtures/sites/reddit.html is a reduced reconstruction.

/** Reddit: the composer (inside a shadow root) sits inside the comment or post it answers. */
export const redditAdapter = defineAdapter({
  id: 'reddit',
  hosts: ['reddit.com'],
  rejects: (box) => closestDeep(box, 'reddit-search-large, faceplate-search-input, rs-message-composer') !== null,
  read(box) {
    const item = closestDeep(box, 'shreddit-comment, shreddit-post');
    if (item) {
      const author = readAttr(item, 'author');
      const isComment = item.tagName === 'SHREDDIT-COMMENT';
      return {
        handle: author ? `u/${author}` : undefined,
        ...(timeFromAttr(item, 'created-timestamp') ?? timeFromAttr(item.querySelector('faceplate-timeago'), 'ts')),
        permalink: absoluteUrl(item.getAttribute('permalink') ?? item.getAttribute('content-href'), box),
        commentText: isComment
          ? readText(item.querySelector('[slot="comment"]'), MAX_TEXT)
          : clip(item.getAttribute('post-title'), MAX_TEXT),
      };
    }
    const old = closestDeep(box, '.thing.comment, .thing.link');
    if (!old) return null;
    const author = readAttr(old, 'data-author');
    return {
      handle: author ? `u/${author}` : undefined,
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

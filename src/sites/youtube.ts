import { defineAdapter } from './define';
import { MAX_TEXT, absoluteUrl, closestDeep, readText } from './dom';
import { timeFromLabel } from './time';

// Selectors follow youtube.com's Polymer components: ytd-comment-thread-renderer holding a
// ytd-comment-view-model (ytd-comment-renderer before 2024) with #author-text, #published-time-text
// ("hace 2 horas") and #content-text; the reply dialog and its #contenteditable-root sit inside
// the comment answered. test/fixtures/sites/youtube.html is a reduced reconstruction.
const COMMENT = 'ytd-comment-view-model, ytd-comment-renderer';

/** YouTube: the reply box lives inside the comment it answers. */
export const youtubeAdapter = defineAdapter({
  id: 'youtube',
  hosts: ['youtube.com'],
  read(box, now) {
    const comment = closestDeep(box, COMMENT);
    if (!comment) return closestDeep(box, 'ytd-commentbox, ytd-comment-simplebox-renderer') ? {} : null;
    const author = readText(comment.querySelector('#author-text'));
    const time = comment.querySelector('#published-time-text a, #published-time-text');
    return {
      // Channels with a handle show "@handle"; older ones a display name.
      authorName: author?.startsWith('@') ? undefined : author,
      handle: author?.startsWith('@') ? author : undefined,
      ...timeFromLabel(readText(time), now),
      permalink: absoluteUrl(time?.closest('a')?.getAttribute('href') ?? time?.querySelector('a')?.getAttribute('href'), box),
      commentText: readText(comment.querySelector('#content-text'), MAX_TEXT),
    };
  },
  submit: { control: '#submit-button', composer: 'ytd-commentbox' },
});

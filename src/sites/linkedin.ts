import { linkedinIdTime } from '../shared/domain/time-ids';
import { defineAdapter } from './define';
import { MAX_TEXT, absoluteUrl, closestDeep, readText } from './dom';
import { commentLink, NEW_COMPOSER, readNewFeed } from './linkedin-new';
import { exactTime, timeFromLabel } from './time';

// Selectors follow linkedin.com's feed markup (BEM class names; both the older
// `comments-comment-item` and the newer `comments-comment-entity` comment articles; Quill `.ql-editor`
// and TipTap `.ProseMirror` comment boxes). test/fixtures/sites/linkedin.html is a reduced reconstruction.
const COMMENT = 'article.comments-comment-entity, article.comments-comment-item';
const POST = '[data-urn^="urn:li:activity:"], [data-id^="urn:li:activity:"]';
const COMMENT_URN = /^urn:li:comment:\((activity|ugcPost):(\d+),(\d+)\)$/;

function postRead(post: Element, box: HTMLElement, now: number) {
  const urn = post.getAttribute('data-urn') ?? post.getAttribute('data-id') ?? '';
  const id = /^urn:li:activity:(\d+)$/.exec(urn)?.[1];
  return {
    authorName: readText(post.querySelector('.update-components-actor__title, .update-components-actor__name')),
    ...(exactTime(id ? linkedinIdTime(id) : null) ??
      timeFromLabel(readText(post.querySelector('.update-components-actor__sub-description')), now)),
    permalink: id ? absoluteUrl(`/feed/update/urn:li:activity:${id}/`, box) : undefined,
    commentText: readText(post.querySelector('.update-components-text, .feed-shared-update-v2__description'), MAX_TEXT),
  };
}

/** LinkedIn: a reply box sits inside the comment it answers; a comment box answers the post. */
export const linkedinAdapter = defineAdapter({
  id: 'linkedin',
  hosts: ['linkedin.com'],
  rejects: (box) => box.closest('.msg-form, .msg-overlay-conversation-bubble, .msg-s-message-list-container') !== null,
  read(box, now) {
    const comment = closestDeep(box, COMMENT);
    if (!comment) {
      const fresh = readNewFeed(box);
      if (fresh) return fresh;
      const post = closestDeep(box, POST);
      return post ? postRead(post, box, now) : null;
    }
    const [, kind, post, commentId] = COMMENT_URN.exec(comment.getAttribute('data-id') ?? '') ?? [];
    const permalink = kind && post && commentId ? commentLink(kind, post, commentId, box) : undefined;
    return {
      authorName: readText(
        comment.querySelector('.comments-comment-meta__description-title, .comments-post-meta__name-text'),
      ),
      ...(exactTime(commentId ? linkedinIdTime(commentId) : null) ??
        timeFromLabel(readText(comment.querySelector('.comments-comment-meta__data, time')), now)),
      permalink,
      commentText: readText(
        comment.querySelector('.comments-comment-item__main-content, .comments-comment-item-content-body'),
        MAX_TEXT,
      ),
    };
  },
  submit: {
    control:
      'button[class*="comments-comment-box__submit-button"], button[class*="comments-comment-box-comment__submit"], button[data-view-name="comment-post"]',
    composer: `form, .comments-comment-box, ${NEW_COMPOSER}`,
  },
});

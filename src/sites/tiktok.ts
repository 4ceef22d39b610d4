import { defineAdapter } from './define';
import { MAX_TEXT, absoluteUrl, boxLabel, closestDeep, lastBefore, pathParts, readText } from './dom';
import type { CommentTime } from './time';
import { timeFromLabel } from './time';

// Selectors follow tiktok.com's markup: styled-components classes ending in stable names
// (DivCommentObjectWrapper, DivCommentItemWrapper) and data-e2e attributes (comment-username-1,
// comment-level-1, comment-post). The comment box is Draft.js. test/fixtures/sites/tiktok.html is a
// reduced reconstruction.
const COMMENT = '[class*="DivCommentObjectWrapper"], [class*="DivCommentItemWrapper"], [data-e2e="comment-item"]';
const REPLY_LABEL = /^(?:reply to|replying to|responder a|respondiendo a)\s+@?(.+?)[.…]*$/i;

/** "11-20" (this year) or "2023-11-20": TikTok's labels for older comments. A day-wide window. */
function dateLabel(label: string | undefined, now: number): CommentTime | null {
  const match = /^(?:(\d{4})-)?(\d{1,2})-(\d{1,2})$/.exec(label ?? '');
  if (!match) return null;
  const year = match[1] ? Number(match[1]) : new Date(now).getFullYear();
  const noon = new Date(year, Number(match[2]) - 1, Number(match[3]), 12).getTime();
  return Number.isFinite(noon) && noon <= now ? { commentAt: noon, commentPrecision: 'approximate' } : null;
}

function read(comment: Element, box: HTMLElement, now: number) {
  const name = comment.querySelector('[data-e2e^="comment-username"]');
  const nameLink = name?.closest('a') ?? comment.querySelector('a[href^="/@"]');
  const [user] = pathParts(nameLink?.getAttribute('href'));
  // The time is a bare label ("2h ago", "11-20") in a span outside the text and the name.
  const time = Array.from(comment.querySelectorAll('span'))
    .filter((span) => !span.closest('a, [data-e2e^="comment-level"]'))
    .map((span) => readText(span))
    .map((label) => timeFromLabel(label, now) ?? dateLabel(label, now))
    .find(Boolean);
  return {
    authorName: readText(name),
    handle: user?.startsWith('@') ? user : undefined,
    ...time,
    permalink: absoluteUrl(box.ownerDocument.location?.href, box),
    commentText: readText(comment.querySelector('[data-e2e^="comment-level"]'), MAX_TEXT),
  };
}

/** TikTok: an inline reply box sits in the comment; the main box may say "Reply to Ana Pérez". */
export const tiktokAdapter = defineAdapter({
  id: 'tiktok',
  hosts: ['tiktok.com'],
  rejects: (box) => box.closest('[data-e2e="message-input-area"], [class*="DivMessageInput"]') !== null,
  read(box, now) {
    const inline = closestDeep(box, COMMENT);
    if (inline) return read(inline, box, now);
    const name = REPLY_LABEL.exec(boxLabel(box))?.[1];
    if (!name) return null;
    const comment = lastBefore(box.ownerDocument, COMMENT, box, (candidate) =>
      Array.from(candidate.querySelectorAll('[data-e2e^="comment-username"], a[href^="/@"]')).some(
        (element) => readText(element) === name || element.getAttribute('href') === `/@${name}`,
      ),
    );
    return comment ? read(comment, box, now) : { authorName: name };
  },
  submitsOnEnter: () => true,
  submit: { control: '[data-e2e="comment-post"]', composer: '[class*="CommentInputContainer"], form' },
});

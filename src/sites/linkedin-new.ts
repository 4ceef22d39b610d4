import { linkedinIdTime } from '../shared/domain/time-ids';
import { MAX_TEXT, absoluteUrl, closestDeep, pathParts, readText } from './dom';
import { exactTime } from './time';
import type { ThreadContext } from './types';

// LinkedIn's newer server-driven feed (no BEM classes; facts in research/sites-2026.md): the TipTap
// box sits in a [data-view-name="comment-box"] that is a SIBLING of the comment it answers, the
// comment is keyed `replaceableComment_urn:li:comment:(urn:li:<kind>:<post>,<comment>)`.
export const NEW_COMPOSER = '[data-view-name="comment-box"], [componentkey^="commentBox-"]';
const COMMENT = '[componentkey^="replaceableComment_urn:li:comment:("], [id^="replaceableComment_urn:li:comment:("]';
const KEY = /^replaceableComment_urn:li:comment:\(urn:li:(activity|ugcPost):(\d+),(\d+)\)/;
const ACTOR = 'a[data-view-name="comment-actor-description"], a[data-view-name^="reply-actor-"]';
const TEXT = '[data-testid="expandable-text-box"]';
const POST = '[data-view-name="feed-full-update"]';

/** The comment's link: its post with `commentUrn` (the form LinkedIn's own comment links use). */
export function commentLink(kind: string, post: string, comment: string, base: Element): string | undefined {
  const urn = `urn:li:comment:(${kind}:${post},${comment})`;
  return absoluteUrl(`/feed/update/urn:li:${kind}:${post}/?commentUrn=${encodeURIComponent(urn)}`, base);
}

/** The nearest comment before the composer: an ancestor, or (the last one in) an earlier sibling of it or of an ancestor. */
function commentOf(composer: Element): Element | null {
  for (let node: Element | null = composer; node && !node.matches(POST); node = node.parentElement) {
    if (node !== composer && node.matches(COMMENT)) return node;
    for (let sibling = node.previousElementSibling; sibling; sibling = sibling.previousElementSibling) {
      if (sibling.matches(COMMENT)) return sibling;
      const inner = sibling.querySelectorAll(COMMENT);
      if (inner.length) return inner[inner.length - 1]!;
    }
  }
  return null;
}

/** The first `selector` match in `scope` that belongs to `scope` itself, not to a nested comment. */
function own(scope: Element, selector: string): Element | null {
  for (const element of scope.querySelectorAll(selector)) {
    const holder = element.parentElement?.closest(COMMENT) ?? null;
    if (holder === null || holder === scope) return element;
  }
  return null;
}

function actorRead(actor: Element | null): Partial<ThreadContext> {
  if (!actor) return {};
  const [kind, slug] = pathParts(actor.getAttribute('href'));
  return { authorName: readText(actor.querySelector('p')), handle: kind === 'in' ? slug : undefined };
}

/** What a box of the new feed answers, or null when the box is not in one of its comment boxes. */
export function readNewFeed(box: HTMLElement): Partial<ThreadContext> | null {
  const composer = closestDeep(box, NEW_COMPOSER);
  if (!composer) return null;
  const comment = commentOf(composer);
  if (comment) {
    const key = comment.getAttribute('componentkey') ?? comment.getAttribute('id') ?? '';
    const [, kind, post, id] = KEY.exec(key) ?? [];
    return {
      ...actorRead(own(comment, ACTOR)),
      ...exactTime(id ? linkedinIdTime(id) : null),
      permalink: kind && post && id ? commentLink(kind, post, id, box) : undefined,
      commentText: readText(own(comment, TEXT), MAX_TEXT),
    };
  }
  const post = closestDeep(composer, '[role="listitem"]')?.querySelector(POST) ?? closestDeep(composer, POST);
  if (!post) return null;
  // The post's author: its first profile link outside the comments, if the markup shows one.
  const author = [...post.querySelectorAll('a[href*="/in/"], a[href*="/company/"]')].find(
    (link) => !link.closest(COMMENT) && link.querySelector('p'),
  );
  return {
    ...(author ? actorRead(author) : {}),
    commentText: readText(own(post, TEXT), MAX_TEXT),
  };
}

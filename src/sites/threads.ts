import { defineAdapter } from './define';
import { MAX_TEXT, absoluteUrl, boxLabel, firstOutsideLink, lastBefore, pathParts, readText, scopeOf } from './dom';
import { timeFromAttr } from './time';

// threads.com has obfuscated class names: a post is a `[data-pressable-container]` with a profile
// link "/@ana.perez", a `time[datetime]` inside the post's link "/@ana.perez/post/…" and text in
// span[dir="auto"]. The Lexical reply box says "Responder a ana.perez…". The fixture
// test/fixtures/sites/threads.html is a reduced reconstruction.
const POST = '[data-pressable-container]';
const REPLY_LABEL = /(?:reply to|responder a|responde a)\s+@?([\w.]{1,30})/i;

function authorOf(post: Element): string | undefined {
  for (const link of post.querySelectorAll('a[href^="/@"]')) {
    const [user, more] = pathParts(link.getAttribute('href'));
    if (user && !more) return user;
  }
  return undefined;
}

/** Threads: the replied post is the last post above the box named in its placeholder. */
export const threadsAdapter = defineAdapter({
  id: 'threads',
  hosts: ['threads.com', 'threads.net'],
  read(box) {
    const scope = scopeOf(box);
    const to = REPLY_LABEL.exec(boxLabel(box))?.[1];
    // Quoted posts are pressable containers too: only outermost containers are posts.
    const outer = (candidate: Element): boolean => !candidate.parentElement?.closest(POST);
    const post =
      (to ? lastBefore(scope, POST, box, (candidate) => outer(candidate) && authorOf(candidate) === `@${to}`) : null) ??
      lastBefore(scope, POST, box, outer);
    if (!post) return to ? { handle: `@${to}` } : null;
    const time = post.querySelector('time[datetime]');
    return {
      handle: authorOf(post),
      ...timeFromAttr(time),
      permalink: absoluteUrl(time?.closest('a')?.getAttribute('href'), box),
      commentText: readText(firstOutsideLink(post, 'span[dir="auto"]'), MAX_TEXT),
    };
  },
  submit: { control: '[role="button"], button', composer: '[role="dialog"], form', label: /^(post|publicar|reply|responder)$/i },
});

import { defineAdapter } from './define';
import { MAX_TEXT, absoluteUrl, boxLabel, closestDeep, firstOutsideLink, lastBefore, pathParts, readText } from './dom';
import { timeFromAttr } from './time';

// threads.com has obfuscated class names: a post is a `[data-pressable-container]` with a profile
// link "/@ana.perez", a `time[datetime]` inside the post's link "/@ana.perez/post/…" and text in
// span[dir="auto"]. The reply dialog shows the post it answers; a "Responder a ana.perez…" label is
// only a hint (no source confirms it: Lexical placeholders are usually separate elements). The fixture
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

/**
 * Threads: in the reply dialog the replied post is the post shown in the dialog (no "Reply to"
 * label needed); inline, it is the last post above the box, preferring the account a placeholder names.
 */
export const threadsAdapter = defineAdapter({
  id: 'threads',
  hosts: ['threads.com', 'threads.net'],
  read(box) {
    const dialog = closestDeep(box, '[role="dialog"]');
    const scope = dialog ?? box.ownerDocument;
    const to = REPLY_LABEL.exec(boxLabel(box))?.[1];
    // Quoted posts are pressable containers too: only outermost containers are posts.
    const outer = (candidate: Element): boolean => !candidate.parentElement?.closest(POST);
    const post =
      (to ? lastBefore(scope, POST, box, (candidate) => outer(candidate) && authorOf(candidate) === `@${to}`) : null) ??
      lastBefore(scope, POST, box, outer) ??
      // In the dialog the post may come after the box; the first match in document order is outermost.
      (dialog ? dialog.querySelector(POST) : null);
    if (!post) return to ? { handle: `@${to}` } : null;
    const time = post.querySelector('a[href*="/post/"] time[datetime]') ?? post.querySelector('time[datetime]');
    return {
      handle: authorOf(post),
      ...timeFromAttr(time),
      permalink: absoluteUrl(time?.closest('a')?.getAttribute('href'), box),
      commentText: readText(firstOutsideLink(post, 'span[dir="auto"]'), MAX_TEXT),
    };
  },
  submit: { control: '[role="button"], button', composer: '[role="dialog"], form', label: /^(post|publicar|reply|responder)$/i },
});

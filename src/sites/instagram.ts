import { defineAdapter } from './define';
import { MAX_TEXT, absoluteUrl, boxLabel, closestDeep, firstOutsideLink, pathParts, readText } from './dom';
import { rowOfTime } from './rows';
import { timeFromAttr } from './time';

// instagram.com has obfuscated class names, so this reads structure: each comment row holds a
// profile link ("/ana.perez/"), its text in span[dir="auto"] and a `time[datetime]` inside the
// comment's permalink. "Reply" prefills the shared box with "@ana.perez ". The fixture
// test/fixtures/sites/instagram.html is a reduced reconstruction of that markup. The comment box
// is a textarea on post pages, an input on reels and a contenteditable div on some pages, all
// labelled "Add a comment…" ("Añade un comentario…"); Enter sends from each.
const USERNAME = /^[\w.]{1,30}$/;
const COMMENT_LABEL = /^(add a comment|añade un comentario|agrega un comentario)/i;

function authorOf(row: Element): { link: Element; username: string } | null {
  for (const link of row.querySelectorAll('a[href]')) {
    const [username, more] = pathParts(link.getAttribute('href'));
    if (username && !more && USERNAME.test(username) && readText(link) === username) return { link, username };
  }
  return null;
}

/** Instagram: one textarea per post; the comment replied to is named by the "@username " prefix. */
export const instagramAdapter = defineAdapter({
  id: 'instagram',
  hosts: ['instagram.com'],
  rejects: (box) => /^(message|mensaje)/i.test(boxLabel(box)) || box.closest('[aria-label="Direct"], [aria-label^="Conversation"]') !== null,
  read(box) {
    const scope = closestDeep(box, '[role="dialog"], article, main');
    if (!scope) return null;
    const value = (box as HTMLTextAreaElement).value ?? box.textContent ?? '';
    const mention = /^@([\w.]{1,30})\s/.exec(value)?.[1];
    const rows = Array.from(scope.querySelectorAll('time[datetime]'), (time) => rowOfTime(time, scope, box));
    // Without a mention the box answers the post itself: its caption row comes first.
    const row = mention ? rows.find((candidate) => authorOf(candidate)?.username === mention) : rows[0];
    if (!row) return mention ? { handle: `@${mention}` } : null;
    const author = authorOf(row);
    const time = row.querySelector('time[datetime]');
    return {
      handle: author ? `@${author.username}` : undefined,
      ...timeFromAttr(time),
      permalink: absoluteUrl(time?.closest('a')?.getAttribute('href'), box),
      commentText: readText(firstOutsideLink(row, 'span[dir="auto"]'), MAX_TEXT),
    };
  },
  submitsOnEnter: (box) => box.tagName === 'TEXTAREA' || box.tagName === 'INPUT' || COMMENT_LABEL.test(boxLabel(box)),
  submit: { control: 'button, [role="button"]', composer: 'form', label: /^(post|publicar|reply|responder)$/i },
});

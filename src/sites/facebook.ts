import { defineAdapter } from './define';
import { MAX_TEXT, absoluteUrl, boxLabel, clip, closestDeep, lastBefore, readText, scopeOf } from './dom';
import { parseFacebookLabel } from './facebook-label';
import { timeFromLabel } from './time';

// Selectors follow facebook.com's markup: comments are role="article" with an aria-label naming the
// author; the time is a relative label ("2 h") on the link holding `comment_id`; reply boxes are
// Lexical editors labelled "Responder a Ana Pérez". test/fixtures/sites/facebook.html is a reduced
// reconstruction of it.
const REPLY_LABEL = /^(?:reply to|responder a|responde a|respondiendo a)\s+(.+?)[.…]*$/i;
const AS_ACCOUNT = /^(?:comment|reply|commenting|replying|comentar|responder|comentando|respondiendo) (?:as|como) (.+)$/i;
const ARTICLE_TIME = /\b(hace .+|\d+ \w+ ago|ayer.*|yesterday.*)$/i;

/** Facebook comment and reply boxes (not Messenger): Enter sends the comment. */
export const facebookAdapter = defineAdapter({
  id: 'facebook',
  hosts: ['facebook.com'],
  rejects: (box) => /^(mensaje|message)$/i.test(boxLabel(box)) || box.closest('[aria-label="Chats"], [aria-label^="Messenger"]') !== null,
  read(box, now) {
    const replyTo = REPLY_LABEL.exec(boxLabel(box))?.[1];
    const scope = scopeOf(box);
    // A "Write a comment" box answers the post around it; a "Reply to X" box answers X's comment above it.
    const article = replyTo
      ? lastBefore(scope, '[role="article"]', box, (a) => (a.getAttribute('aria-label') ?? '').includes(replyTo)) ??
        lastBefore(scope, '[role="article"]', box)
      : closestDeep(box, '[role="article"]');
    if (!article) return replyTo ? { authorName: clip(replyTo) } : null;
    // The first profile link is the text-less avatar: take the first link that has text.
    const authorLink = Array.from(article.querySelectorAll('a[href]')).find((link) => readText(link) && !timeFromLabel(readText(link), now));
    // The time link is the first permalink whose text reads as a time ("2 h"); the author link is not.
    const timeLink = Array.from(article.querySelectorAll('a[href*="comment_id="], a[href*="/posts/"], a[href*="story_fbid"]')).find(
      (link) => timeFromLabel(readText(link), now) !== null,
    );
    const label = article.getAttribute('aria-label') ?? '';
    const parsed = parseFacebookLabel(label);
    const composer = closestDeep(box, 'form') ?? box.parentElement;
    const as = Array.from(composer?.querySelectorAll('[aria-label]') ?? [])
      .map((element) => AS_ACCOUNT.exec(element.getAttribute('aria-label') ?? '')?.[1])
      .find(Boolean);
    return {
      authorName: clip(parsed?.name) ?? readText(authorLink) ?? clip(replyTo),
      account: clip(as),
      ...(timeFromLabel(readText(timeLink), now) ?? timeFromLabel(parsed?.time ?? ARTICLE_TIME.exec(label)?.[1], now)),
      permalink: absoluteUrl(timeLink?.getAttribute('href'), box),
      commentText: readText(
        article.querySelector('[data-ad-preview="message"], [data-ad-comet-preview="message"]') ??
          article.querySelector('span[lang], div[dir="auto"][style]'),
        MAX_TEXT,
      ),
    };
  },
  submitsOnEnter: () => true,
  submit: {
    control: '[role="button"][aria-label], button[aria-label]',
    composer: 'form',
    label: /^(comment|reply|post|post comment|send|comentar|responder|publicar|publicar comentario|enviar)$/i,
  },
});

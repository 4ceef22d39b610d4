import { snowflakeTime } from '../shared/domain/time-ids';
import { defineAdapter } from './define';
import { MAX_TEXT, absoluteUrl, lastBefore, pathParts, readText, scopeOf } from './dom';
import { exactTime, timeFromAttr } from './time';

// Selectors follow x.com's markup (data-testid attributes on a React Native Web tree).
// test/fixtures/sites/x.html is a reduced reconstruction of it.
const TWEET = 'article[data-testid="tweet"]';
const HANDLE = /^@\w{1,15}$/;

/** X/Twitter: a Draft.js composer; the replied tweet is the last tweet above it (in the dialog, if any). */
export const xAdapter = defineAdapter({
  id: 'x',
  hosts: ['x.com', 'twitter.com'],
  rejects: (box) => box.closest('[data-testid^="dmComposer"], [data-testid="DMDrawer"], [data-testid="DmScrollerContainer"]') !== null,
  read(box) {
    const tweet = lastBefore(scopeOf(box), TWEET, box);
    if (!tweet) return null;
    const user = tweet.querySelector('[data-testid="User-Name"]');
    const handle = Array.from(user?.querySelectorAll('a, span') ?? [])
      .map((element) => readText(element))
      .find((text) => text !== undefined && HANDLE.test(text));
    const time = tweet.querySelector('a[href*="/status/"] time') ?? tweet.querySelector('time');
    const link = time?.closest('a')?.getAttribute('href');
    const [, status, id] = pathParts(link);
    const switcher = box.ownerDocument.querySelector('[data-testid="SideNav_AccountSwitcher_Button"]');
    return {
      authorName: readText(user?.querySelector('a')),
      handle,
      account: Array.from(switcher?.querySelectorAll('span') ?? [])
        .map((span) => readText(span))
        .find((text) => text !== undefined && HANDLE.test(text)),
      ...(timeFromAttr(time) ?? (status === 'status' && id ? exactTime(snowflakeTime(id)) : null)),
      permalink: absoluteUrl(link, box),
      commentText: readText(tweet.querySelector('[data-testid="tweetText"]'), MAX_TEXT),
    };
  },
  submit: {
    control: '[data-testid="tweetButtonInline"], [data-testid="tweetButton"]',
    composer: '[role="dialog"], [data-testid="cellInnerDiv"], [data-testid="primaryColumn"]',
  },
});

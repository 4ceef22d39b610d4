// A page's script writes the comment markup and calls `.focus()` on boxes it made (trusted focus
// events): the waiting list must not become its link launcher nor be flooded by it.
import { describe, expect, it } from 'vitest';
import { createContentHandlers } from '../../src/background/handlers/content';
import { PendingRepo } from '../../src/shared/db/repos/pending';
import {
  MAX_PENDING,
  MAX_PENDING_PER_TAB,
  waitingHost,
  waitingLink,
  type PendingReply,
} from '../../src/shared/domain/pending';
import { sameSiteLink } from '../../src/shared/domain/site-link';
import type { ReplyContext } from '../../src/shared/messages/protocol';
import { useTestDatabase } from './test-db';

const db = useTestDatabase('waiting-hostile');
const onX = { tabId: 5, frameId: 0, url: 'https://x.com/marca/status/1' };
const comment = (permalink: string | undefined, handle = '@ana'): ReplyContext => ({
  handle,
  authorName: 'Ana',
  commentAt: 1_700_000_000_000,
  commentPrecision: 'exact',
  permalink,
});
const focusOn = async (sender: typeof onX, context: ReplyContext, focusedAt = 1_700_000_100_000) => {
  const handlers = createContentHandlers(db(), { remember: async () => undefined });
  await handlers.boxFocused({ context, focusedAt }, sender);
  return new PendingRepo(db()).list();
};

describe('the link a waiting entry opens', () => {
  it.each([
    ['javascript:', 'javascript:alert(document.cookie)'],
    ['data:', 'data:text/html,<script>alert(1)</script>'],
    ['another site', 'https://evil.example/login'],
    ['a look-alike host', 'https://x.com.evil.example/status/1'],
    ['another platform', 'https://www.facebook.com/marca/posts/1'],
    ['user name and password', 'https://user:secret@x.com/ana/status/1'],
    ['a user name that looks like the host', 'https://x.com@evil.example/'],
    ['plain http from an https page', 'http://x.com/ana/status/1'],
    ['another port', 'https://x.com:8443/ana/status/1'],
    ['a file', 'file:///etc/passwd'],
    ['an absurd length', `https://x.com/${'a'.repeat(600)}`],
  ])('refuses %s, keeps the entry with its host and no link', async (_label, link) => {
    const [entry] = await focusOn(onX, comment(link));
    expect(entry).toBeDefined();
    expect(entry!.permalink).toBeUndefined();
    expect(waitingLink(entry!)).toBeUndefined();
    expect(waitingHost(entry!)).toBe('x.com');
    expect(JSON.stringify(await new PendingRepo(db()).list())).not.toContain(link.slice(0, 30));
  });

  it('keeps a link into the page’s own platform, normalised', async () => {
    const [entry] = await focusOn(onX, comment('https://twitter.com/ana/status/1'));
    expect(waitingLink(entry!)).toBe('https://twitter.com/ana/status/1');
    expect(waitingHost(entry!)).toBe('x.com');
  });

  it('on a site no platform owns, only the page’s own host and port; http only from an http page', () => {
    const forum = 'http://foro.marca.es:8080/t/1';
    expect(sameSiteLink('http://foro.marca.es:8080/t/1#c9', forum)).toBe('http://foro.marca.es:8080/t/1#c9');
    expect(sameSiteLink('https://foro.marca.es:8080/t/1', forum)).toBe('https://foro.marca.es:8080/t/1');
    expect(sameSiteLink('http://foro.marca.es/t/1', forum)).toBeUndefined();
    expect(sameSiteLink('http://www.marca.es/t/1', forum)).toBeUndefined();
    expect(sameSiteLink('https://mastodon.social/@ana/1', 'https://mastodon.social/home')).toBe('https://mastodon.social/@ana/1');
    expect(sameSiteLink('https://evil.social/@ana/1', 'https://mastodon.social/home')).toBeUndefined();
  });

  it('decides by the sender URL the browser reported, never by what the page claims', async () => {
    const [entry] = await focusOn({ ...onX, url: 'https://evil.example/x.com' }, { ...comment('https://x.com/ana/status/1'), platform: 'x' });
    expect(waitingLink(entry!)).toBeUndefined();
    expect(waitingHost(entry!)).toBe('evil.example');
    expect(entry!.platform).toBe('other');
  });

  it('shows no link for an entry an earlier version stored unchecked', () => {
    const old: PendingReply = { key: 'link:javascript:alert(1)', platform: 'x', permalink: 'javascript:alert(1)', commentAt: null, openedAt: 1 };
    expect(waitingLink(old)).toBeUndefined();
    expect(waitingHost(old)).toBeNull();
    expect(waitingLink({ ...old, permalink: 'https://evil.example/', pageOrigin: 'https://x.com' })).toBeUndefined();
  });

  it('a refused link still leaves the list once the reply is sent', async () => {
    await focusOn(onX, comment('https://evil.example/1'));
    const handlers = createContentHandlers(db(), { remember: async () => undefined });
    await handlers.replySubmitted(
      { eventId: crypto.randomUUID(), context: comment('https://evil.example/1'), firstFocusAt: null, submittedAt: 1_700_000_200_000, templateId: null },
      onX,
    );
    expect(await new PendingRepo(db()).list()).toEqual([]);
  });
});

describe('how much one page can add', () => {
  it('200 boxes focused by one tab keep only its newest share, and other tabs’ comments stay', async () => {
    await focusOn({ ...onX, tabId: 9 }, comment('https://x.com/real/status/1', '@real'), 1_699_999_000_000);
    for (let i = 0; i < 200; i++) await focusOn(onX, comment(`https://x.com/bot/status/${i}`, `@bot${i}`), 1_700_000_000_000 + i);
    const list = await new PendingRepo(db()).list();
    expect(list.filter((entry) => entry.tabId === onX.tabId)).toHaveLength(MAX_PENDING_PER_TAB);
    expect(list[0]!.handle).toBe('@bot199');
    expect(list.map((entry) => entry.handle)).toContain('@real');
    expect(list.length).toBeLessThanOrEqual(MAX_PENDING);
  });

  it('caps every page-supplied field and never takes an opening time from the future', async () => {
    const long = 'A'.repeat(200);
    const [entry] = await focusOn(onX, { ...comment('https://x.com/a/status/1'), authorName: long, handle: `@${long}` }, 8.64e15);
    expect(entry!.authorName!.length).toBeLessThanOrEqual(100);
    expect(entry!.handle!.length).toBeLessThanOrEqual(100);
    expect(entry!.openedAt).toBeLessThanOrEqual(Date.now());
    expect(JSON.stringify(entry).length).toBeLessThan(1_000);
  });
});

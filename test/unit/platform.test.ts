import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { PLATFORMS, SELF_HOSTED_PLATFORMS, platformForUrl, type Platform } from '../../src/shared/domain/platform';

describe('platformForUrl', () => {
  it.each<[string, Platform]>([
    ['https://x.com/marca/status/1', 'x'],
    ['https://twitter.com/marca/status/1', 'x'],
    ['https://mobile.twitter.com/marca', 'x'],
    ['https://www.facebook.com/marca/posts/1', 'facebook'],
    ['https://m.facebook.com/story.php?id=1', 'facebook'],
    ['https://facebook.com/marca', 'facebook'],
    ['https://www.instagram.com/p/abc/', 'instagram'],
    ['https://instagram.com/p/abc/', 'instagram'],
    ['https://www.linkedin.com/feed/update/urn:li:activity:1/', 'linkedin'],
    ['https://www.youtube.com/watch?v=abc', 'youtube'],
    ['https://m.youtube.com/watch?v=abc', 'youtube'],
    ['https://studio.youtube.com/channel/x/comments', 'youtube'],
    ['https://www.tiktok.com/@marca/video/1', 'tiktok'],
    ['https://www.reddit.com/r/x/comments/abc/', 'reddit'],
    ['https://old.reddit.com/r/x/comments/abc/', 'reddit'],
    ['https://reddit.com/r/x', 'reddit'],
    ['https://www.threads.com/@marca/post/abc', 'threads'],
    ['https://threads.com/@marca', 'threads'],
    ['https://www.threads.net/@marca/post/abc', 'threads'],
    ['https://threads.net/@marca', 'threads'],
    ['https://bsky.app/profile/marca.bsky.social/post/abc', 'bluesky'],
  ])('%s → %s', (url, platform) => {
    expect(platformForUrl(url)).toBe(platform);
  });

  it('is case-insensitive on the host and ignores port, path, query and hash', () => {
    expect(platformForUrl('https://WWW.FaceBook.COM/x')).toBe('facebook');
    expect(platformForUrl('https://x.com:443/a?b=c#d')).toBe('x');
    expect(platformForUrl('http://x.com/')).toBe('x');
  });

  it.each([
    'https://evilx.com/',
    'https://notx.com/',
    'https://mytwitter.com/',
    'https://fakefacebook.com/',
    'https://facebook.com.evil.net/',
    'https://x.com.evil.net/',
    'https://reddit.com.example/',
    'https://bsky.app.evil.com/',
    'https://evilbsky.app/',
    'https://threads.org/',
    'https://x.co/',
    'https://example.com/https://x.com/',
    'https://evil.net/?u=https://www.facebook.com/',
    'https://evil.net/#x.com',
    'https://x.com@evil.net/',
    'https://mastodon.social/@marca',
  ])('lookalike %s → other', (url) => {
    expect(platformForUrl(url)).toBe('other');
  });

  it.each([undefined, '', 'not a url', 'x.com', '//x.com/', 'https://', 'http://[bad/'])(
    'malformed %j → other',
    (url) => {
      expect(platformForUrl(url)).toBe('other');
    },
  );
});

describe('convention: manifest content_scripts hosts', () => {
  const manifest = JSON.parse(readFileSync(new URL('../../manifest.json', import.meta.url), 'utf8')) as {
    content_scripts?: { matches?: string[] }[];
  };
  const patterns = (manifest.content_scripts ?? []).flatMap((script) => script.matches ?? []);

  /** Concrete URLs a match pattern matches: `*.host` matches the bare host and any subdomain. */
  function urlsFor(pattern: string): string[] {
    const match = /^(https?|\*):\/\/([^/]+)\//.exec(pattern);
    if (!match) throw new Error(`Unexpected match pattern ${pattern}`);
    const scheme = match[1] === '*' ? 'https' : match[1];
    const host = match[2] ?? '';
    if (host.startsWith('*.')) {
      const bare = host.slice(2);
      return [`${scheme}://${bare}/`, `${scheme}://www.${bare}/`, `${scheme}://m.${bare}/`];
    }
    return [`${scheme}://${host}/`];
  }

  it('has content script match patterns', () => {
    expect(patterns.length).toBeGreaterThan(0);
  });

  it.each(patterns)('%s maps to a platform', (pattern) => {
    for (const url of urlsFor(pattern)) expect(platformForUrl(url), url).not.toBe('other');
  });

  const covered = () => new Set(patterns.flatMap((pattern) => urlsFor(pattern).map((url) => platformForUrl(url))));

  it('every platform except "other" and the self-hosted ones has a content script pattern', () => {
    for (const platform of PLATFORMS) {
      if (platform !== 'other' && !SELF_HOSTED_PLATFORMS.includes(platform)) expect(covered(), platform).toContain(platform);
    }
  });

  it('no self-hosted platform is decided by a URL (the worker trusts the adapter only there)', () => {
    for (const platform of SELF_HOSTED_PLATFORMS) expect([...covered()]).not.toContain(platform);
  });
});

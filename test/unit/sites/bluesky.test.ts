// @vitest-environment happy-dom
// @vitest-environment-options {"url": "https://bsky.app/profile/marcademo.bsky.social/post/3n2xbvlcmr22a"}
import { beforeEach, describe, expect, it } from 'vitest';
import { blueskyAdapter } from '../../../src/sites/bluesky';
import { adapterFor } from '../../../src/sites/registry';
import { $, loadFixture } from './fixture';

const NOW = Date.parse('2026-11-23T12:00:00.000Z');

describe('bluesky adapter', () => {
  beforeEach(() => loadFixture('bluesky'));

  it('is the adapter for bsky.app', () => {
    expect(adapterFor('bsky.app')).toBe(blueskyAdapter);
  });

  it('the composer dialog reads the post of the previewed handle, its time from the TID', () => {
    expect(blueskyAdapter.readContext($('#box-dialog'), NOW)).toEqual({
      authorName: 'Ana Pérez',
      handle: 'ana.bsky.social',
      commentAt: Date.parse('2026-11-23T09:12:44.000Z'),
      commentPrecision: 'exact',
      permalink: 'https://bsky.app/profile/ana.bsky.social/post/3n2xrzlxzc727',
      commentText: '¿Y para cuándo en Málaga? <b>Ya</b>',
    });
  });

  it('when the post is not on the page, the preview still names the author', () => {
    $('[data-testid="postThreadItem-by-ana.bsky.social"]').remove();
    expect(blueskyAdapter.readContext($('#box-dialog'), NOW)).toEqual({
      authorName: 'Ana Pérez',
      handle: 'ana.bsky.social',
      commentAt: null,
      commentPrecision: 'unknown',
    });
  });

  it('tells the composer from search and direct messages', () => {
    expect(blueskyAdapter.isReplyBox($('#box-dialog'))).toBe(true);
    expect(blueskyAdapter.isReplyBox($('#box-dm'))).toBe(false);
    expect(blueskyAdapter.isReplyBox($('[data-testid="searchTextInput"]'))).toBe(false);
  });

  it('sees the publish button, not Cancel or the reply action', () => {
    expect(blueskyAdapter.isSubmitControl($('#send span'), $('#box-dialog'))).toBe(true);
    expect(blueskyAdapter.isSubmitControl($('#cancel'), $('#box-dialog'))).toBe(false);
    expect(blueskyAdapter.isSubmitControl($('[data-testid="replyBtn"]'), $('#box-dialog'))).toBe(false);
  });
});

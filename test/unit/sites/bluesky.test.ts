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

  const ANA = {
    authorName: 'Ana Pérez',
    handle: 'ana.bsky.social',
    commentAt: Date.parse('2026-11-23T09:12:44.000Z'),
    commentPrecision: 'exact',
    permalink: 'https://bsky.app/profile/ana.bsky.social/post/3n2xrzlxzc727',
    commentText: '¿Y para cuándo en Málaga? <b>Ya</b>',
  };

  it('the reply preview (name and text, no @handle) is matched to its post by text and name', () => {
    expect($('[role="dialog"]').textContent).not.toContain('@');
    expect(blueskyAdapter.readContext($('#box-dialog'), NOW)).toEqual(ANA);
  });

  it('a name alone or a text alone does not match: Luis said the same words', () => {
    $('#preview-name').textContent = 'Luis Gómez';
    expect(blueskyAdapter.readContext($('#box-dialog'), NOW)).toMatchObject({
      handle: 'luis.bsky.social',
      permalink: 'https://bsky.app/profile/luis.bsky.social/post/3n2xsdkqyjw2a',
    });
    $('#preview-name').textContent = 'Ana Pérez';
    $('#preview-text').textContent = 'Otra cosa';
    const context = blueskyAdapter.readContext($('#box-dialog'), NOW);
    expect(context.permalink).toBeUndefined();
    expect(context.commentText).toBeUndefined();
  });

  it('an author without display name is shown by the bare handle', () => {
    $('#preview-name').textContent = 'ana.bsky.social';
    expect(blueskyAdapter.readContext($('#box-dialog'), NOW)).toEqual(ANA);
  });

  it('answers a feed item as well', () => {
    const thread = $('[data-testid="postThreadItem-by-ana.bsky.social"]');
    thread.setAttribute('data-testid', 'feedItem-by-ana.bsky.social');
    expect(blueskyAdapter.readContext($('#box-dialog'), NOW)).toEqual(ANA);
  });

  it('a preview with an "@handle" line still finds the post by handle', () => {
    $('#preview-text').textContent = 'texto recortado…';
    const handle = document.createElement('span');
    handle.textContent = '@ana.bsky.social';
    $('#preview-name').after(handle);
    expect(blueskyAdapter.readContext($('#box-dialog'), NOW)).toMatchObject({ authorName: 'Ana Pérez', handle: 'ana.bsky.social' });
    for (const post of document.querySelectorAll('[data-testid="postThreadItem-by-ana.bsky.social"]')) post.remove();
    expect(blueskyAdapter.readContext($('#box-dialog'), NOW)).toEqual({
      authorName: 'Ana Pérez',
      handle: 'ana.bsky.social',
      commentAt: null,
      commentPrecision: 'unknown',
    });
  });

  it('an inline box outside the dialog answers the post above it', () => {
    const box = document.createElement('textarea');
    $('[data-testid="postThreadItem-by-luis.bsky.social"]').after(box);
    expect(blueskyAdapter.readContext(box, NOW)).toMatchObject({ handle: 'luis.bsky.social' });
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

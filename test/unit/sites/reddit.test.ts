// @vitest-environment happy-dom
// @vitest-environment-options {"url": "https://www.reddit.com/r/demo/comments/1gdemo/horarios_de_atencion/"}
import { beforeEach, describe, expect, it } from 'vitest';
import { redditAdapter } from '../../../src/sites/reddit';
import { adapterFor } from '../../../src/sites/registry';
import { $, loadFixture } from './fixture';

const NOW = Date.parse('2026-11-23T12:00:00.000Z');

describe('reddit adapter', () => {
  beforeEach(() => loadFixture('reddit'));

  it('is the adapter for www.reddit.com and old.reddit.com', () => {
    expect(adapterFor('www.reddit.com')).toBe(redditAdapter);
    expect(adapterFor('old.reddit.com')).toBe(redditAdapter);
  });

  it('reads the comment around the composer, through its shadow root', () => {
    const box = $('#box-reply');
    expect(box.getRootNode()).not.toBe(document);
    expect(redditAdapter.readContext(box, NOW)).toEqual({
      handle: 'ana_perez',
      commentAt: Date.parse('2026-11-23T09:20:31.123Z'),
      commentPrecision: 'exact',
      permalink: 'https://www.reddit.com/r/demo/comments/1gdemo/comment/lxdemo1/',
      commentText: '¿Abrís el 26? Necesito hacer una devolución.',
    });
  });

  it('falls back to faceplate-timeago when created-timestamp is missing', () => {
    $('shreddit-comment').removeAttribute('created-timestamp');
    expect(redditAdapter.readContext($('#box-reply'), NOW)).toMatchObject({
      commentAt: Date.parse('2026-11-23T09:20:31.123Z'),
      commentPrecision: 'exact',
    });
  });

  it('the post composer answers the post', () => {
    expect(redditAdapter.readContext($('#box-post'), NOW)).toEqual({
      handle: 'marca_demo',
      commentAt: Date.parse('2026-11-22T17:00:00.000Z'),
      commentPrecision: 'exact',
      permalink: 'https://www.reddit.com/r/demo/comments/1gdemo/horarios_de_atencion/',
      commentText: 'Horarios de atención durante las fiestas',
    });
  });

  it('tells composers from search', () => {
    expect(redditAdapter.isReplyBox($('#box-reply'))).toBe(true);
    expect(redditAdapter.isReplyBox($('#search'))).toBe(false);
  });

  it('sees the slotted submit button of the same composer only', () => {
    expect(redditAdapter.isSubmitControl($('#send-reply'), $('#box-reply'))).toBe(true);
    expect(redditAdapter.isSubmitControl($('#cancel-reply'), $('#box-reply'))).toBe(false);
    expect(redditAdapter.isSubmitControl($('#reply-action'), $('#box-reply'))).toBe(false);
    expect(redditAdapter.isSubmitControl($('#send-post'), $('#box-reply'))).toBe(false);
    expect(redditAdapter.isSubmitControl($('#send-post'), $('#box-post'))).toBe(true);
  });
});

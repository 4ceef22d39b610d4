// @vitest-environment happy-dom
// @vitest-environment-options {"url": "https://www.facebook.com/marcademo/posts/pfbid02AbCdEf"}
import { beforeEach, describe, expect, it } from 'vitest';
import { facebookAdapter } from '../../../src/sites/facebook';
import { adapterFor } from '../../../src/sites/registry';
import { $, loadFixture } from './fixture';

const NOW = Date.parse('2026-11-23T12:00:00.000Z');
const H = 3_600_000;

describe('facebook adapter', () => {
  beforeEach(() => loadFixture('facebook'));

  it('is the adapter for www.facebook.com and m.facebook.com', () => {
    expect(adapterFor('www.facebook.com')).toBe(facebookAdapter);
    expect(adapterFor('m.facebook.com')).toBe(facebookAdapter);
  });

  it('reads the comment named by the reply box, its time from the "2 h" label', () => {
    expect(facebookAdapter.readContext($('#box-reply'), NOW)).toEqual({
      authorName: 'Ana Pérez',
      account: 'Marca Demo',
      commentAt: NOW - 2.5 * H,
      commentPrecision: 'approximate',
      permalink: 'https://www.facebook.com/marcademo/posts/pfbid02AbCdEf?comment_id=1234567890123456',
      commentText: 'Llevo dos semanas sin respuesta sobre mi reembolso. ¿Alguien me puede ayudar?',
    });
  });

  it('reads English labels ("Reply to Mike Rogers…", "3d")', () => {
    expect(facebookAdapter.readContext($('#box-reply-en'), NOW)).toEqual({
      authorName: 'Mike Rogers',
      commentAt: NOW - 3.5 * 24 * H,
      commentPrecision: 'approximate',
      permalink: 'https://www.facebook.com/marcademo/posts/pfbid02AbCdEf?comment_id=2234567890123456',
      commentText: 'Great news!',
    });
  });

  it('a "Write a comment" box answers the post', () => {
    expect(facebookAdapter.readContext($('#box-comment'), NOW)).toMatchObject({
      authorName: 'Marca Demo',
      commentAt: NOW - 5.5 * H,
      commentPrecision: 'approximate',
      permalink: 'https://www.facebook.com/marcademo/posts/pfbid02AbCdEf',
      commentText: 'Nuevos horarios de atención al cliente.',
    });
  });

  it('falls back to the time in the comment aria-label when the time link is gone', () => {
    $('a[href$="comment_id=1234567890123456"]').remove();
    expect(facebookAdapter.readContext($('#box-reply'), NOW)).toMatchObject({ commentAt: NOW - 2.5 * H, commentPrecision: 'approximate' });
  });

  it('tells comment boxes from search and Messenger', () => {
    expect(facebookAdapter.isReplyBox($('#box-reply'))).toBe(true);
    expect(facebookAdapter.isReplyBox($('#box-comment'))).toBe(true);
    expect(facebookAdapter.isReplyBox($('input[type="search"]'))).toBe(false);
    expect(facebookAdapter.isReplyBox($('#box-messenger'))).toBe(false);
  });

  it('sees the send control of the same form, and Enter sends', () => {
    expect(facebookAdapter.isSubmitControl($('#send-reply i'), $('#box-reply'))).toBe(true);
    expect(facebookAdapter.isSubmitControl($('#emoji-reply'), $('#box-reply'))).toBe(false);
    expect(facebookAdapter.isSubmitControl($('#send-comment'), $('#box-reply'))).toBe(false);
    // The post's own "Comentar" action only focuses the box: not a send.
    expect(facebookAdapter.isSubmitControl($('#post-comment-action'), $('#box-comment'))).toBe(false);
    expect(facebookAdapter.submitsOnEnter?.($('#box-reply'))).toBe(true);
  });

  it('2026 markup: skips the text-less avatar link, reads name and time from "Reply by …"', () => {
    const read = facebookAdapter.readContext($('#box-2026'), NOW);
    expect(read?.authorName).toBe('Lena Park');
    expect(read?.commentPrecision).toBe('approximate');
    expect(read?.commentAt).toBeLessThan(NOW);
  });

  it('2026 markup: without the article label, the name is the text link after the avatar', () => {
    $('#box-2026').closest('[role="article"]')!.removeAttribute('aria-label');
    // The avatar comes first and holds only an image: taking the first link would give no name.
    expect($('#avatar').nextElementSibling?.textContent).toBe('Lena Park');
    expect(facebookAdapter.readContext($('#box-2026'), NOW)).toMatchObject({
      authorName: 'Lena Park',
      commentAt: NOW - 1.5 * 24 * H,
      commentPrecision: 'approximate',
      permalink: 'https://www.facebook.com/marcademo/posts/1?comment_id=9',
      commentText: 'Thanks!',
    });
  });

  it('2026 send: div[role=button] labelled "Comment" or "Comentar" sends; "Like" and the emoji button do not', () => {
    const box = $('#box-2026');
    expect(facebookAdapter.isSubmitControl($('#send-2026 i'), box)).toBe(true);
    $('#send-2026').setAttribute('aria-label', 'Comentar');
    expect(facebookAdapter.isSubmitControl($('#send-2026'), box)).toBe(true);
    expect(facebookAdapter.isSubmitControl($('#like-2026 span'), box)).toBe(false);
    expect(facebookAdapter.isSubmitControl($('#emoji-2026'), box)).toBe(false);
    // The same inside a form (the older composer).
    $('#send-reply').setAttribute('aria-label', 'Comment');
    expect(facebookAdapter.isSubmitControl($('#send-reply'), $('#box-reply'))).toBe(true);
    $('#send-reply').setAttribute('aria-label', 'Like');
    expect(facebookAdapter.isSubmitControl($('#send-reply'), $('#box-reply'))).toBe(false);
  });
});

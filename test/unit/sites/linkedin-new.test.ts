// @vitest-environment happy-dom
// @vitest-environment-options {"url": "https://www.linkedin.com/feed/"}
import { beforeEach, describe, expect, it } from 'vitest';
import { firstNameOf } from '../../../src/shared/domain/template';
import { linkedinAdapter } from '../../../src/sites/linkedin';
import { $, loadFixture } from './fixture';

const NOW = Date.parse('2026-11-23T12:00:00.000Z');
const link = (kind: string, post: string, comment: string): string =>
  `https://www.linkedin.com/feed/update/urn:li:${kind}:${post}/?commentUrn=${encodeURIComponent(`urn:li:comment:(${kind}:${post},${comment})`)}`;

describe('linkedin adapter, new server-driven feed', () => {
  beforeEach(() => loadFixture('linkedin-new'));

  it('a reply box beside a comment reads that comment: name, handle, exact time from its id, link', () => {
    const context = linkedinAdapter.readContext($('#box-reply'), NOW);
    expect(context).toEqual({
      authorName: 'Ana Pérez',
      handle: 'ana-perez-demo',
      commentAt: Date.parse('2026-11-23T08:15:30.000Z'),
      commentPrecision: 'exact',
      permalink: link('ugcPost', '7530299051212923456', '7530544543826043456'),
      commentText: 'Is the job remote-friendly? I live in Valencia.',
    });
    expect(firstNameOf(context.authorName)).toBe('Ana');
  });

  it('a reply box beside a reply reads the reply (reply-actor-*), not the comment holding it', () => {
    expect(linkedinAdapter.readContext($('#box-reply-reply'), NOW)).toEqual({
      authorName: 'Luis Gómez',
      handle: 'luis-gomez-demo',
      commentAt: Date.parse('2026-11-23T09:40:05.000Z'),
      commentPrecision: 'exact',
      permalink: link('ugcPost', '7530299051212923456', '7530565829918843456'),
      commentText: 'Yes, two days a week.',
    });
  });

  it('the post\'s own comment box reads the post\'s author and text, no comment', () => {
    expect(linkedinAdapter.readContext($('#box-post'), NOW)).toEqual({
      authorName: 'Demo Brand',
      commentAt: null,
      commentPrecision: 'unknown',
      commentText: 'We are hiring customer care people in Madrid.',
    });
  });

  it('without a findable author, the post\'s own box names nobody', () => {
    $('#post-actor').remove();
    expect(linkedinAdapter.readContext($('#box-post'), NOW)).not.toHaveProperty('authorName');
  });

  it('a Spanish page: a comment keyed by id on an activity', () => {
    const context = linkedinAdapter.readContext($('#box-es'), NOW);
    expect(context).toEqual({
      authorName: 'José Álvarez',
      handle: 'jose-alvarez-demo',
      commentAt: Date.parse('2026-11-23T10:02:47.000Z'),
      commentPrecision: 'exact',
      permalink: link('activity', '7530299051212923456', '7530571542560891456'),
      commentText: 'Mi pedido no ha llegado todavía.',
    });
    expect(firstNameOf(context.authorName)).toBe('José');
  });

  it('every new-feed box is a reply box and its own comment-post button sends it', () => {
    for (const id of ['#box-reply', '#box-reply-reply', '#box-post', '#box-es']) expect(linkedinAdapter.isReplyBox($(id))).toBe(true);
    expect(linkedinAdapter.isSubmitControl($('#send-reply span'), $('#box-reply'))).toBe(true);
    expect(linkedinAdapter.isSubmitControl($('#send-post'), $('#box-reply'))).toBe(false);
  });
});

// @vitest-environment happy-dom
// @vitest-environment-options {"url": "https://www.linkedin.com/feed/"}
import { beforeEach, describe, expect, it } from 'vitest';
import { linkedinAdapter } from '../../../src/sites/linkedin';
import { adapterFor } from '../../../src/sites/registry';
import { $, loadFixture } from './fixture';

const NOW = Date.parse('2026-11-23T12:00:00.000Z');
const H = 3_600_000;

describe('linkedin adapter', () => {
  beforeEach(() => loadFixture('linkedin'));

  it('is the adapter for www.linkedin.com', () => {
    expect(adapterFor('www.linkedin.com')).toBe(linkedinAdapter);
  });

  it('the Quill reply box reads the comment it sits in, its time from the comment id', () => {
    expect(linkedinAdapter.readContext($('#box-reply'), NOW)).toEqual({
      authorName: 'Ana Pérez',
      commentAt: Date.parse('2026-11-23T08:15:30.000Z'),
      commentPrecision: 'exact',
      permalink:
        'https://www.linkedin.com/feed/update/urn:li:activity:7530299051212800099/?commentUrn=urn%3Ali%3Acomment%3A(activity%3A7530299051212800099%2C7530544543825921234)',
      commentText: '¿El puesto admite teletrabajo? Vivo en Valencia.',
    });
  });

  it('a comment on a ugcPost (urn:li:comment:(ugcPost:…)) is read too, its link on the ugcPost', () => {
    $('article.comments-comment-entity').setAttribute(
      'data-id',
      'urn:li:comment:(ugcPost:7530299051212800099,7530544543825921234)',
    );
    expect(linkedinAdapter.readContext($('#box-reply'), NOW)).toMatchObject({
      commentAt: Date.parse('2026-11-23T08:15:30.000Z'),
      commentPrecision: 'exact',
      permalink:
        'https://www.linkedin.com/feed/update/urn:li:ugcPost:7530299051212800099/?commentUrn=urn%3Ali%3Acomment%3A(ugcPost%3A7530299051212800099%2C7530544543825921234)',
    });
  });

  it('without the comment URN, the time comes from the "4 h" label', () => {
    $('article.comments-comment-entity').removeAttribute('data-id');
    expect(linkedinAdapter.readContext($('#box-reply'), NOW)).toEqual({
      authorName: 'Ana Pérez',
      commentAt: NOW - 4.5 * H,
      commentPrecision: 'approximate',
      commentText: '¿El puesto admite teletrabajo? Vivo en Valencia.',
    });
  });

  it('the TipTap comment box answers the post (screen-reader copies read once)', () => {
    expect(linkedinAdapter.readContext($('#box-post'), NOW)).toEqual({
      authorName: 'Marca Demo',
      commentAt: Date.parse('2026-11-22T16:00:00.000Z'),
      commentPrecision: 'exact',
      permalink: 'https://www.linkedin.com/feed/update/urn:li:activity:7530299051212800099/',
      commentText: 'Buscamos personas para nuestro equipo de atención al cliente en Madrid.',
    });
  });

  it('tells comment boxes from messaging and search', () => {
    expect(linkedinAdapter.isReplyBox($('#box-reply'))).toBe(true);
    expect(linkedinAdapter.isReplyBox($('#box-post'))).toBe(true);
    expect(linkedinAdapter.isReplyBox($('#box-message'))).toBe(false);
    expect(linkedinAdapter.isReplyBox($('.search-global-typeahead__input'))).toBe(false);
  });

  it('in the new server-driven feed, the comment-post button of the box\'s own comment-box is the send control', () => {
    // Facts: sites-2026.md (new feed: TipTap box inside [data-view-name="comment-box"], send button[data-view-name="comment-post"]).
    const el = (tag: string, attrs: Record<string, string>, ...kids: (Node | string)[]): HTMLElement => {
      const e = document.createElement(tag);
      for (const [k, v] of Object.entries(attrs)) e.setAttribute(k, v);
      e.append(...kids);
      return e;
    };
    const editor = { class: 'tiptap ProseMirror', contenteditable: 'true', 'aria-label': 'Text editor for creating comment' };
    document.body.replaceChildren(
      el('div', { 'data-view-name': 'comment-box', componentkey: 'commentBox-1' },
        el('div', { id: 'nb', ...editor }),
        el('button', { id: 'emoji', type: 'button' }, 'Emoji'),
        el('button', { id: 'nsend', 'data-view-name': 'comment-post' }, el('span', {}, 'Comment'))),
      el('div', { 'data-view-name': 'comment-box' }, el('div', { id: 'nb2', ...editor })),
    );
    expect(linkedinAdapter.isSubmitControl($('#nsend span'), $('#nb'))).toBe(true);
    expect(linkedinAdapter.isSubmitControl($('#emoji'), $('#nb'))).toBe(false);
    expect(linkedinAdapter.isSubmitControl($('#nsend'), $('#nb2'))).toBe(false);
  });

  it('sees each form\'s own submit button', () => {
    expect(linkedinAdapter.isSubmitControl($('#send-reply span'), $('#box-reply'))).toBe(true);
    expect(linkedinAdapter.isSubmitControl($('#send-post'), $('#box-post'))).toBe(true);
    expect(linkedinAdapter.isSubmitControl($('#send-post'), $('#box-reply'))).toBe(false);
    expect(linkedinAdapter.isSubmitControl($('#reply-action'), $('#box-reply'))).toBe(false);
  });
});

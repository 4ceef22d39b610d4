// @vitest-environment happy-dom
// @vitest-environment-options {"url": "https://www.tiktok.com/@marcademo/video/7439000000000000000"}
import { beforeEach, describe, expect, it } from 'vitest';
import { adapterFor } from '../../../src/sites/registry';
import { tiktokAdapter } from '../../../src/sites/tiktok';
import { $, loadFixture } from './fixture';

const NOW = new Date(2026, 10, 23, 12, 0, 0).getTime();
const H = 3_600_000;
const VIDEO = 'https://www.tiktok.com/@marcademo/video/7439000000000000000';

describe('tiktok adapter', () => {
  beforeEach(() => loadFixture('tiktok'));

  it('is the adapter for www.tiktok.com', () => {
    expect(adapterFor('www.tiktok.com')).toBe(tiktokAdapter);
  });

  it('the inline reply box reads its comment; the label in the text is not the time', () => {
    expect(tiktokAdapter.readContext($('#box-inline'), NOW)).toEqual({
      authorName: 'Ana Pérez',
      handle: 'ana.perez',
      commentAt: NOW - 2.5 * H,
      commentPrecision: 'approximate',
      permalink: VIDEO,
      commentText: '¿Hacéis envíos a Canarias? 2h',
    });
  });

  it('the bottom box names whom it answers; "11-20" is that day this year', () => {
    expect(tiktokAdapter.readContext($('#box-bottom'), NOW)).toEqual({
      authorName: 'Luis Gómez',
      handle: 'luis.gomez',
      commentAt: new Date(2026, 10, 20, 12).getTime(),
      commentPrecision: 'approximate',
      permalink: VIDEO,
      commentText: 'me llegó roto 😡',
    });
  });

  it('tells comment boxes from search and messages', () => {
    expect(tiktokAdapter.isReplyBox($('#box-inline'))).toBe(true);
    expect(tiktokAdapter.isReplyBox($('#box-bottom'))).toBe(true);
    expect(tiktokAdapter.isReplyBox($('input[data-e2e="search-user-input"]'))).toBe(false);
    expect(tiktokAdapter.isReplyBox($('#box-dm'))).toBe(false);
  });

  it('sees the post button of the same input, and Enter sends', () => {
    expect(tiktokAdapter.isSubmitControl($('#send-inline'), $('#box-inline'))).toBe(true);
    expect(tiktokAdapter.isSubmitControl($('#send-bottom'), $('#box-bottom'))).toBe(true);
    expect(tiktokAdapter.isSubmitControl($('#send-bottom'), $('#box-inline'))).toBe(false);
    expect(tiktokAdapter.isSubmitControl($('[data-e2e="comment-reply-1"]'), $('#box-inline'))).toBe(false);
    expect(tiktokAdapter.submitsOnEnter?.($('#box-inline'))).toBe(true);
  });
});

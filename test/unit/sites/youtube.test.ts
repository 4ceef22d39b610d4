// @vitest-environment happy-dom
// @vitest-environment-options {"url": "https://www.youtube.com/watch?v=AbCdEfGhIjK"}
import { beforeEach, describe, expect, it } from 'vitest';
import { adapterFor } from '../../../src/sites/registry';
import { youtubeAdapter } from '../../../src/sites/youtube';
import { $, loadFixture } from './fixture';

const NOW = Date.parse('2026-11-23T12:00:00.000Z');
const H = 3_600_000;

describe('youtube adapter', () => {
  beforeEach(() => loadFixture('youtube'));

  it('is the adapter for www.youtube.com and m.youtube.com', () => {
    expect(adapterFor('www.youtube.com')).toBe(youtubeAdapter);
    expect(adapterFor('m.youtube.com')).toBe(youtubeAdapter);
  });

  it('reads the comment whose reply dialog holds the box ("hace 2 horas (editado)")', () => {
    expect(youtubeAdapter.readContext($('#box-reply'), NOW)).toEqual({
      handle: 'ana.perez',
      commentAt: NOW - 2.5 * H,
      commentPrecision: 'approximate',
      permalink: 'https://www.youtube.com/watch?v=AbCdEfGhIjK&lc=UgzDemoComment01',
      commentText: 'El tutorial se corta en el minuto 4:32, ¿podéis resubirlo?',
    });
  });

  it('reads older comments with a display name and English labels', () => {
    expect(youtubeAdapter.readContext($('#box-reply-en'), NOW)).toEqual({
      authorName: 'Mike Rogers',
      commentAt: NOW - 3.5 * 24 * H,
      commentPrecision: 'approximate',
      permalink: 'https://www.youtube.com/watch?v=AbCdEfGhIjK&lc=UgzDemoComment02',
      commentText: 'Great video, thanks!',
    });
  });

  it('the top-level box answers the video: no comment context', () => {
    expect(youtubeAdapter.readContext($('#box-top'), NOW)).toEqual({ commentAt: null, commentPrecision: 'unknown' });
  });

  it('tells comment boxes from the search field', () => {
    expect(youtubeAdapter.isReplyBox($('#box-reply'))).toBe(true);
    expect(youtubeAdapter.isReplyBox($('#box-top'))).toBe(true);
    expect(youtubeAdapter.isReplyBox($('#search'))).toBe(false);
  });

  it('sees the reply button of the same comment box, not Cancel', () => {
    expect(youtubeAdapter.isSubmitControl($('#send-reply span'), $('#box-reply'))).toBe(true);
    expect(youtubeAdapter.isSubmitControl($('#cancel-button button'), $('#box-reply'))).toBe(false);
    expect(youtubeAdapter.isSubmitControl($('#reply-button-end button'), $('#box-reply'))).toBe(false);
    expect(youtubeAdapter.isSubmitControl($('#send-reply'), $('#box-reply-en'))).toBe(false);
  });
});

// @vitest-environment happy-dom
// @vitest-environment-options {"url": "https://x.com/ana_perez/status/2124804699583418514"}
import { beforeEach, describe, expect, it } from 'vitest';
import { adapterFor } from '../../../src/sites/registry';
import { xAdapter } from '../../../src/sites/x';
import { $, loadFixture } from './fixture';

const NOW = Date.parse('2026-11-23T12:00:00.000Z');

describe('x adapter', () => {
  beforeEach(() => loadFixture('x'));

  it('is the adapter for x.com', () => {
    expect(adapterFor('x.com')).toBe(xAdapter);
  });

  it('reads the tweet above the inline reply box', () => {
    expect(xAdapter.readContext($('#box-inline'), NOW)).toEqual({
      authorName: 'Ana Pérez 🌻',
      handle: 'ana_perez',
      account: '@marca_demo',
      commentAt: Date.parse('2026-11-23T09:58:12.000Z'),
      commentPrecision: 'exact',
      permalink: 'https://x.com/ana_perez/status/2124804699583418514',
      commentText: '¿Cuándo llega mi pedido? Llevo una semana esperando 😤 y nadie me contesta.',
    });
  });

  it('in the reply dialog reads the tweet in the dialog, its time from the status id', () => {
    expect(xAdapter.readContext($('#box-dialog'), NOW)).toEqual({
      authorName: 'Luis Gómez',
      handle: 'luis_gomez',
      account: '@marca_demo',
      commentAt: Date.parse('2026-11-23T10:07:20.000Z'),
      commentPrecision: 'exact',
      permalink: 'https://x.com/luis_gomez/status/2124806998062006281',
      commentText: 'a mí tampoco',
    });
  });

  it('reads markup-looking names and text as text, and skips scripts', () => {
    const box = $('#box-inline');
    // Move the box below Luis's tweet: now his tweet is the one above it.
    $('section').append(box.closest('[data-testid="cellInnerDiv"]')!);
    const context = xAdapter.readContext(box, NOW);
    expect(context.authorName).toBe('<img src=x onerror=alert(1)>Luis');
    expect(context.commentText).toBe('<script>alert("hola")</script> a mí tampoco');
  });

  it('tells reply boxes from search and direct messages', () => {
    expect(xAdapter.isReplyBox($('#box-inline'))).toBe(true);
    expect(xAdapter.isReplyBox($('#box-dialog'))).toBe(true);
    expect(xAdapter.isReplyBox($('[data-testid="SearchBox_Search_Input"]'))).toBe(false);
    expect(xAdapter.isReplyBox($('#box-dm'))).toBe(false);
  });

  it('sees the reply button of the same composer only', () => {
    expect(xAdapter.isSubmitControl($('#send-inline span span'), $('#box-inline'))).toBe(true);
    expect(xAdapter.isSubmitControl($('#send-dialog'), $('#box-dialog'))).toBe(true);
    expect(xAdapter.isSubmitControl($('#send-dialog'), $('#box-inline'))).toBe(false);
    expect(xAdapter.isSubmitControl($('[data-testid="like"]'), $('#box-inline'))).toBe(false);
    expect(xAdapter.isSubmitControl($('[data-testid="gifSearchButton"]'), $('#box-inline'))).toBe(false);
  });

  it('falls back to generic reading when no tweet markup is around (the demo feed, a redesign)', () => {
    document.querySelectorAll('article').forEach((article) => article.remove());
    expect(xAdapter.readContext($('#box-inline'), NOW)).toEqual({ commentAt: null, commentPrecision: 'unknown' });
  });
});

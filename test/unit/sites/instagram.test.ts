// @vitest-environment happy-dom
// @vitest-environment-options {"url": "https://www.instagram.com/p/DCaBcD1eFgH/"}
import { beforeEach, describe, expect, it } from 'vitest';
import { instagramAdapter } from '../../../src/sites/instagram';
import { adapterFor } from '../../../src/sites/registry';
import { $, loadFixture } from './fixture';

const NOW = Date.parse('2026-11-23T12:00:00.000Z');
const box = () => $('#box-comment') as HTMLTextAreaElement;

describe('instagram adapter', () => {
  beforeEach(() => loadFixture('instagram'));

  it('is the adapter for www.instagram.com', () => {
    expect(adapterFor('www.instagram.com')).toBe(instagramAdapter);
  });

  it('after "Reply" (the box starts with "@ana.perez ") reads Ana\'s comment', () => {
    box().value = '@ana.perez ';
    expect(instagramAdapter.readContext(box(), NOW)).toEqual({
      handle: 'ana.perez',
      commentAt: Date.parse('2026-11-23T09:41:00.000Z'),
      commentPrecision: 'exact',
      permalink: 'https://www.instagram.com/p/DCaBcD1eFgH/c/17912345678901234/',
      commentText: 'Mi talla nunca está disponible 😕 ¿reponéis la M?',
    });
  });

  it('an empty box answers the post (its caption row)', () => {
    expect(instagramAdapter.readContext(box(), NOW)).toEqual({
      handle: 'marcademo',
      commentAt: Date.parse('2026-11-22T20:00:00.000Z'),
      commentPrecision: 'exact',
      permalink: 'https://www.instagram.com/p/DCaBcD1eFgH/',
      commentText: 'Nuevo drop este viernes 🔥 ¿Qué color preferís?',
    });
  });

  it('caps very long comments at 2000 characters', () => {
    $('#luis-text').textContent = 'ñ'.repeat(3000);
    box().value = '@luis.gomez hola';
    const context = instagramAdapter.readContext(box(), NOW);
    expect(context.handle).toBe('luis.gomez');
    expect(context.commentText).toHaveLength(2000);
  });

  it('a mention nobody on the page wrote still gives the handle, and no time', () => {
    box().value = '@nadie.aqui ';
    expect(instagramAdapter.readContext(box(), NOW)).toEqual({ handle: 'nadie.aqui', commentAt: null, commentPrecision: 'unknown' });
  });

  it('tells the comment box from search and Direct', () => {
    expect(instagramAdapter.isReplyBox(box())).toBe(true);
    expect(instagramAdapter.isReplyBox($('input[aria-label="Buscar entrada"]'))).toBe(false);
    expect(instagramAdapter.isReplyBox($('#box-dm'))).toBe(false);
  });

  it('sees "Publicar" in the form, and Enter sends from the textarea', () => {
    expect(instagramAdapter.isSubmitControl($('#send'), box())).toBe(true);
    expect(instagramAdapter.isSubmitControl($('#emoji'), box())).toBe(false);
    expect(instagramAdapter.isSubmitControl($('#like'), box())).toBe(false);
    expect(instagramAdapter.submitsOnEnter?.(box())).toBe(true);
  });

  it('accepts the post textarea, the reel input and the contenteditable box, English or Spanish', () => {
    box().setAttribute('aria-label', 'Add a comment…');
    for (const selector of ['#box-comment', '#box-reel', '#box-ce']) expect(instagramAdapter.isReplyBox($(selector)), selector).toBe(true);
    $('#box-ce').setAttribute('aria-label', 'Añade un comentario…');
    expect(instagramAdapter.isReplyBox($('#box-ce'))).toBe(true);
  });

  it('Enter sends from all three comment boxes, not from another contenteditable', () => {
    for (const selector of ['#box-comment', '#box-reel', '#box-ce']) expect(instagramAdapter.submitsOnEnter?.($(selector)), selector).toBe(true);
    $('#box-ce').setAttribute('aria-label', 'Write a caption...');
    expect(instagramAdapter.submitsOnEnter?.($('#box-ce'))).toBe(false);
  });

  it('on a reel, a reply to Sara ("@sara.ruiz ") in the input reads her comment', () => {
    ($('#box-reel') as HTMLInputElement).value = '@sara.ruiz ';
    expect(instagramAdapter.readContext($('#box-reel'), NOW)).toEqual({
      handle: 'sara.ruiz',
      commentAt: Date.parse('2026-11-23T08:15:00.000Z'),
      commentPrecision: 'exact',
      permalink: 'https://www.instagram.com/p/DCrEeL0aBcD/c/17955555555501234/',
      commentText: '¿Dónde compro la chaqueta del vídeo?',
    });
  });

  it('the contenteditable box reads the comment named by its "@pablo.diaz " text', () => {
    $('#box-ce').textContent = '@pablo.diaz lo sentimos';
    expect(instagramAdapter.readContext($('#box-ce'), NOW)).toEqual({
      handle: 'pablo.diaz',
      commentAt: Date.parse('2026-11-23T07:00:00.000Z'),
      commentPrecision: 'exact',
      permalink: 'https://www.instagram.com/p/DCoTrA1bCdE/c/17966666666601234/',
      commentText: 'Llegó roto el pedido 😡',
    });
  });

  it('sees "Post" next to the reel input and in the contenteditable\'s form', () => {
    expect(instagramAdapter.isSubmitControl($('#send-reel'), $('#box-reel'))).toBe(true);
    expect(instagramAdapter.isSubmitControl($('#send-ce'), $('#box-ce'))).toBe(true);
    expect(instagramAdapter.isSubmitControl($('#send'), $('#box-ce'))).toBe(false);
  });
});

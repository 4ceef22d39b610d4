// @vitest-environment happy-dom
// @vitest-environment-options {"url": "https://www.threads.com/@marcademo/post/DCmarca0001"}
import { beforeEach, describe, expect, it } from 'vitest';
import { adapterFor } from '../../../src/sites/registry';
import { threadsAdapter } from '../../../src/sites/threads';
import { $, loadFixture } from './fixture';

const NOW = Date.parse('2026-11-23T12:00:00.000Z');

describe('threads adapter', () => {
  beforeEach(() => loadFixture('threads'));

  it('is the adapter for threads.com and threads.net', () => {
    expect(adapterFor('www.threads.com')).toBe(threadsAdapter);
    expect(adapterFor('www.threads.net')).toBe(threadsAdapter);
  });

  it('the reply dialog reads the post of the account its placeholder names', () => {
    expect(threadsAdapter.readContext($('#box-dialog'), NOW)).toEqual({
      handle: 'ana.perez',
      commentAt: Date.parse('2026-11-23T10:05:00.000Z'),
      commentPrecision: 'exact',
      permalink: 'https://www.threads.com/@ana.perez/post/DCana00002',
      commentText: 'Colas de una hora para entrar, mal organizado.',
    });
  });

  it('the inline box reads the post above it', () => {
    expect(threadsAdapter.readContext($('#box-inline'), NOW)).toEqual({
      handle: 'marcademo',
      commentAt: Date.parse('2026-11-22T19:00:00.000Z'),
      commentPrecision: 'exact',
      permalink: 'https://www.threads.com/@marcademo/post/DCmarca0001',
      commentText: '¿Qué os pareció el evento de ayer?',
    });
  });

  it('a quoted post is never taken for the post being answered', () => {
    const box = $('#box-inline');
    $('[role="main"]').append(box.parentElement!);
    box.setAttribute('aria-placeholder', 'Escribe algo...');
    expect(threadsAdapter.readContext(box, NOW)).toMatchObject({ handle: 'ana.perez' });
  });

  it('tells reply boxes from search', () => {
    expect(threadsAdapter.isReplyBox($('#box-dialog'))).toBe(true);
    expect(threadsAdapter.isReplyBox($('input[type="search"]'))).toBe(false);
  });

  it('sees "Publicar" in the dialog, not the attach button', () => {
    expect(threadsAdapter.isSubmitControl($('#send-dialog'), $('#box-dialog'))).toBe(true);
    expect(threadsAdapter.isSubmitControl($('#attach'), $('#box-dialog'))).toBe(false);
    expect(threadsAdapter.isSubmitControl($('#send-inline'), $('#box-inline'))).toBe(true);
  });

  it('2026 dialog without a "Reply to" label: reads the post in the dialog, not the post it quotes', () => {
    expect(threadsAdapter.readContext($('#box-2026'), NOW)).toEqual({
      handle: 'sara.ruiz',
      commentAt: Date.parse('2026-11-23T09:30:00.000Z'),
      commentPrecision: 'exact',
      permalink: 'https://www.threads.com/@sara.ruiz/post/DCsara0004',
      commentText: '¿Abrís el domingo?',
    });
  });

  it('2026 dialog: the post is read even when the dialog puts it after the box', () => {
    const dialog = $('#dialog-2026');
    dialog.prepend($('#box-2026').parentElement!);
    expect(threadsAdapter.readContext($('#box-2026'), NOW)).toMatchObject({
      handle: 'sara.ruiz',
      permalink: 'https://www.threads.com/@sara.ruiz/post/DCsara0004',
    });
  });

  it('2026 dialog: the time comes from the post link even if another time precedes it', () => {
    const stray = document.createElement('time');
    stray.setAttribute('datetime', '2020-01-01T00:00:00.000Z');
    $('#dialog-2026 [data-pressable-container]').prepend(stray);
    expect(threadsAdapter.readContext($('#box-2026'), NOW)).toMatchObject({ commentAt: Date.parse('2026-11-23T09:30:00.000Z') });
  });

  it('2026 dialog: a reply box, and "Publicar" sends while "Cancelar" does not', () => {
    expect(threadsAdapter.isReplyBox($('#box-2026'))).toBe(true);
    expect(threadsAdapter.isSubmitControl($('#send-2026'), $('#box-2026'))).toBe(true);
    expect(threadsAdapter.isSubmitControl($('#cancel-2026'), $('#box-2026'))).toBe(false);
  });
});

// @vitest-environment happy-dom
// @vitest-environment-options {"url": "https://foro.example/t/42"}
import { beforeEach, describe, expect, it } from 'vitest';
import { genericAdapter } from '../../../src/sites/generic';
import { adapterFor } from '../../../src/sites/registry';
import { $, loadFixture } from './fixture';

const NOW = Date.parse('2026-11-23T12:00:00.000Z');
const D = 86_400_000;

describe('generic adapter (any page the user enabled)', () => {
  beforeEach(() => loadFixture('generic'));

  it('answers for hosts no platform claims', () => {
    expect(adapterFor('foro.example').readContext($('#box-1'), NOW)).toEqual(genericAdapter.readContext($('#box-1'), NOW));
  });

  it('reads author, handle, a relative label and the text, skipping scripts', () => {
    expect(genericAdapter.readContext($('#box-1'), NOW)).toEqual({
      authorName: 'Ana Pérez',
      handle: 'ana.perez',
      commentAt: NOW - 3.5 * D,
      commentPrecision: 'approximate',
      permalink: 'https://foro.example/t/42#c1',
      commentText: 'La app se cierra al pagar.',
    });
  });

  it('prefers a datetime to the label, and reads data-author', () => {
    expect(genericAdapter.readContext($('#box-2'), NOW)).toEqual({
      authorName: 'Mike Rogers',
      commentAt: Date.parse('2026-11-23T11:00:00Z'),
      commentPrecision: 'exact',
      permalink: 'https://foro.example/t/42#c2',
      commentText: 'Same here.',
    });
  });

  it('reads the text beside a header that holds author and time (the demo feed)', () => {
    expect(genericAdapter.readContext($('#box-4'), NOW)).toMatchObject({
      authorName: 'Lucía Martín',
      handle: 'lucia.m',
      commentAt: Date.parse('2026-11-22T12:00:00Z'),
      commentText: 'El cargador se quemó.',
    });
  });

  it('gives unknown, not an error, when nothing is marked up', () => {
    expect(genericAdapter.readContext($('#box-3'), NOW)).toEqual({ commentAt: null, commentPrecision: 'unknown' });
    const detached = document.createElement('textarea');
    expect(genericAdapter.readContext(detached, NOW)).toEqual({ commentAt: null, commentPrecision: 'unknown' });
  });

  it('ignores a javascript: permalink', () => {
    $('a[href="/t/42#c1"]').setAttribute('href', 'javascript:alert(1)');
    expect(genericAdapter.readContext($('#box-1'), NOW).permalink).toBeUndefined();
  });

  it('every editable but search is a reply box; send buttons by form or label', () => {
    expect(genericAdapter.isReplyBox($('#box-1'))).toBe(true);
    expect(genericAdapter.isReplyBox($('#search'))).toBe(false);
    expect(genericAdapter.isSubmitControl($('#send-1'), $('#box-1'))).toBe(true);
    expect(genericAdapter.isSubmitControl($('#send-2'), $('#box-2'))).toBe(true);
    expect(genericAdapter.isSubmitControl($('#like-2'), $('#box-2'))).toBe(false);
  });
});

describe('generic adapter reads one comment, the one before the box', () => {
  const html = (markup: string): void => {
    document.body.replaceChildren(new DOMParser().parseFromString(`<body>${markup}</body>`, 'text/html').body.firstElementChild!);
  };

  it('takes the last @handle before the box, not a mentioned or later one', () => {
    html(`<div><div class="comment">
      <span>en respuesta a</span> <a href="/u/zoe">@zoe</a>
      <a rel="author" href="/u/ana">Ana Pérez</a> <span>@ana.perez</span> <time datetime="2026-11-23T10:00:00Z">2 h</time>
      <textarea id="box"></textarea>
      <span>@later</span>
    </div></div>`);
    expect(genericAdapter.readContext($('#box'), NOW).handle).toBe('ana.perez');
  });

  it('does not pair a nested reply with its parent comment', () => {
    html(`<div><div class="comment">
      <a rel="author" href="/u/ana">Ana Pérez</a> <span>@ana.perez</span> <time datetime="2026-11-22T10:00:00Z">1 d</time>
      <div class="replies"><div class="comment">
        <span data-author="Mike Rogers"></span> <time datetime="2026-11-23T11:00:00Z">1 h</time> <p class="comment-body">Same.</p>
      </div></div>
      <textarea id="box"></textarea>
    </div></div>`);
    const context = genericAdapter.readContext($('#box'), NOW);
    expect(context).toMatchObject({ authorName: 'Mike Rogers', commentAt: Date.parse('2026-11-23T11:00:00Z') });
    expect(context.handle).toBeUndefined();
  });
});

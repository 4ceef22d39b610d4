// @vitest-environment happy-dom
// @vitest-environment-options {"url": "https://social.example/feed"}
import { describe, expect, it } from 'vitest';
import { defineAdapter } from '../../../src/sites/define';
import type { ThreadContext } from '../../../src/sites/types';
import { $ } from './fixture';

const NOW = Date.parse('2026-11-23T12:00:00.000Z');
const T1 = '2026-11-23T10:00:00Z';
const T2 = '2026-11-23T11:00:00Z';

/** An adapter whose site markup answers exactly `read` (null: none of its markup is there). */
const adapter = (read: Partial<ThreadContext> | null) =>
  defineAdapter({ id: 'x', hosts: [], read: () => read, submit: { control: 'button', composer: 'form' } });

const page = (markup: string): void => {
  document.body.replaceChildren(...new DOMParser().parseFromString(`<body>${markup}</body>`, 'text/html').body.childNodes);
};

const FEED = `<div role="feed">
  <div role="article"><a href="/ana">Ana Pérez</a> <a href="/p/1"><time datetime="${T1}">2 h</time></a><p>Primero</p></div>
  <div role="article"><a href="/mike">Mike Rogers</a> <a href="/@mike">@mike</a> <a href="/p/2"><time datetime="${T2}">1 h</time></a><p>Segundo</p></div>
  <div><textarea id="box" aria-label="Reply to Mike Rogers"></textarea></div>
</div>`;

describe('structural reader fills what the adapter missed', () => {
  it('reads the comment beside a composer: profile link, handle, time, permalink', () => {
    page(FEED);
    expect(adapter(null).readContext($('#box'), NOW)).toEqual({
      authorName: 'Mike Rogers',
      handle: 'mike',
      commentAt: Date.parse(T2),
      commentPrecision: 'exact',
      permalink: 'https://social.example/p/2',
    });
  });

  it('adapter fields win; the structure adds only missing ones from the same comment', () => {
    page(FEED);
    expect(adapter({ authorName: 'Mike R.', commentText: 'Segundo', permalink: 'https://social.example/p/2' }).readContext($('#box'), NOW)).toEqual({
      authorName: 'Mike R.',
      commentText: 'Segundo',
      commentAt: Date.parse(T2),
      commentPrecision: 'exact',
      permalink: 'https://social.example/p/2',
    });
  });

  it('fills nothing from a comment other than the one the adapter read', () => {
    page(FEED);
    expect(adapter({ authorName: 'Zoe Quinn' }).readContext($('#box'), NOW)).toEqual({ authorName: 'Zoe Quinn', commentAt: null, commentPrecision: 'unknown' });
  });

  it('the box\'s own "Responder a X" label names the person when nothing else does', () => {
    page(`<div><textarea id="box" placeholder="Responder a Ana Pérez…"></textarea></div>`);
    expect(adapter(null).readContext($('#box'), NOW)).toEqual({ authorName: 'Ana Pérez', commentAt: null, commentPrecision: 'unknown' });
    page(`<div><textarea id="box" placeholder="Responder como Marca Demo"></textarea></div>`);
    expect(adapter(null).readContext($('#box'), NOW)).toEqual({ commentAt: null, commentPrecision: 'unknown' });
  });

  it('an adapter time is kept over the structure\'s', () => {
    page(FEED);
    const read = { handle: 'mike', commentAt: NOW - 1000, commentPrecision: 'approximate' as const };
    expect(adapter(read).readContext($('#box'), NOW)).toMatchObject({ handle: 'mike', commentAt: NOW - 1000, commentPrecision: 'approximate' });
  });

  it('an approximate adapter time does not make the same comment look like another', () => {
    page(FEED.replace(' aria-label="Reply to Mike Rogers"', ''));
    const read = { commentAt: Date.parse(T2) - 60_000, commentPrecision: 'approximate' as const };
    expect(adapter(read).readContext($('#box'), NOW)).toEqual({
      authorName: 'Mike Rogers',
      handle: 'mike',
      ...read,
      permalink: 'https://social.example/p/2',
    });
  });
});
